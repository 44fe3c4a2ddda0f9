import type { ContainerConfig, HistoryEntry } from '../image/types.ts';
import type { PlannedStage } from './stage-plan.ts';
import type { Snapshot } from './types.ts';

/** A history line still being written: its time is settled at export, from the layer it describes. */
export interface PendingHistory {
  readonly createdBy: string;
  readonly emptyLayer: boolean;
  /** Base image lines keep their text time; new layers carry their cache record's creation (virtual ms). */
  readonly created?: string | number;
  readonly comment?: string;
}

export type MutableConfig = { -readonly [K in keyof ContainerConfig]?: ContainerConfig[K] };

/**
 * BuildKit's dispatchState: where a stage stands while its instructions run. The filesystem is a snapshot (layers +
 * the cache key that made it); the config is what the image will say; ARGs are the stage's declared build args.
 */
export interface StageState {
  /** Replaced when ONBUILD triggers add steps to the stage's count. */
  planned: PlannedStage;
  snapshot: Snapshot;
  config: MutableConfig;
  history: PendingHistory[];
  /** Declared ARGs in scope, in declaration order, with their values (undefined: declared without one). */
  args: Map<string, string | undefined>;
  /** Progress position: `k` of `[k/n]`. */
  step: number;
  /** The current snapshot was made (not found in the cache) during this build. */
  fresh: boolean;
  readonly cmdSet: { cmd: boolean };
}

export function baseHistory(entries: readonly HistoryEntry[]): PendingHistory[] {
  return entries.map((h) => ({
    createdBy: h.created_by ?? '',
    emptyLayer: h.empty_layer === true,
    created: h.created,
    ...(h.comment === undefined ? {} : { comment: h.comment }),
  }));
}

/** ENV as a map (later entries win, as the runtime reads them). */
export function envMap(config: MutableConfig): Map<string, string> {
  const m = new Map<string, string>();
  for (const kv of config.Env ?? []) {
    const i = kv.indexOf('=');
    if (i > 0) m.set(kv.slice(0, i), kv.slice(i + 1));
  }
  return m;
}

export function setEnv(config: MutableConfig, key: string, value: string): void {
  const env = [...(config.Env ?? [])];
  const i = env.findIndex((kv) => kv.startsWith(`${key}=`));
  if (i >= 0) env[i] = `${key}=${value}`;
  else env.push(`${key}=${value}`);
  config.Env = env;
}

/** What `$x` expands to in an instruction: ARG values, then ENV over them (ENV always wins over a same-named ARG). */
export function expansionScope(state: StageState): Record<string, string> {
  const scope: Record<string, string> = {};
  for (const [k, v] of state.args) if (v !== undefined) scope[k] = v;
  for (const [k, v] of envMap(state.config)) scope[k] = v;
  return scope;
}

/** The ARGs a RUN sees as environment: declared, with a value, not shadowed by ENV. */
export function runArgs(state: StageState): [string, string][] {
  const env = envMap(state.config);
  return [...state.args].filter((e): e is [string, string] => e[1] !== undefined && !env.has(e[0]));
}

/** `[2/6]`, `[build  2/11]`: the stage's name (in a multi-stage file) and the step, padded to the count's width. */
export function stepLabel(planned: PlannedStage, step: number, text: string): string {
  const prefix = planned.label ? `${planned.label} ` : '';
  return `[${prefix}${String(step).padStart(String(planned.total).length, ' ')}/${planned.total}] ${text}`;
}
