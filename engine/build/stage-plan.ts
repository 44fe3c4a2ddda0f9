import { DockerError } from '../core/errors.ts';
import type { ArgCommand, ParsedDockerfile, Stage } from '../dockerfile/instructions/index.ts';
import { processWord } from '../dockerfile/words/index.ts';
import { canonicalString, parseReference, withDefaultTag } from '../image/reference.ts';
import { AUTOMATIC_ARGS } from './build-args.ts';

/** Where a stage starts: nothing, an earlier stage, or an image. */
export type StageBase =
  | { readonly kind: 'scratch' }
  | { readonly kind: 'stage'; readonly index: number }
  | { readonly kind: 'image'; readonly ref: string };

export interface PlannedStage {
  readonly index: number;
  readonly stage: Stage;
  readonly base: StageBase;
  /** `builder`, `stage-1`, or '' when the file has a single stage (labels then read `[2/6]`). */
  readonly label: string;
  /** Steps that show in progress: the FROM of an image, then each RUN, COPY, ADD and WORKDIR. */
  readonly total: number;
}

export interface BuildPlan {
  readonly stages: readonly PlannedStage[];
  /** Stages to build, dependencies first. */
  readonly order: readonly number[];
  readonly target: number;
  /** Global scope: meta ARGs with their values (build args applied), for FROM lines and `ARG NAME` in stages. */
  readonly metaArgs: ReadonlyMap<string, string | undefined>;
  /** Build args the Dockerfile declared somewhere (the rest are unconsumed). */
  readonly declared: ReadonlySet<string>;
}

/** BuildKit's dockerfile2llb: resolve each FROM, find the target, keep only the stages it needs. */
export function planBuild(parsed: ParsedDockerfile, buildArgs: Readonly<Record<string, string>>, target?: string): BuildPlan {
  const metaArgs = globalArgs(parsed.metaArgs, buildArgs);
  const scope: Record<string, string> = { ...AUTOMATIC_ARGS };
  for (const [k, v] of metaArgs) if (v !== undefined) scope[k] = v;

  const multi = parsed.stages.length > 1;
  const stages: PlannedStage[] = [];
  parsed.stages.forEach((stage, index) => {
    const name = expandFrom(stage.baseName, scope);
    const base = resolveBase(name, stages);
    const steps = stage.commands.filter((c) => c.kind === 'run' || c.kind === 'copy' || c.kind === 'add' || c.kind === 'workdir').length;
    stages.push({
      index,
      stage,
      base,
      label: multi ? stage.name || `stage-${index}` : '',
      total: steps + (base.kind === 'image' ? 1 : 0),
    });
  });
  if (stages.length === 0) throw new DockerError('failed to solve: dockerfile parse error: file with no instructions', 1);

  const targetIndex = target === undefined || target === '' ? stages.length - 1 : stages.findIndex((s) => s.stage.name === target.toLowerCase());
  if (targetIndex < 0) throw new DockerError(`failed to solve: target stage "${target}" could not be found`, 1);

  const order: number[] = [];
  const visit = (i: number) => {
    if (order.includes(i)) return;
    for (const dep of dependencies(stages[i]!, stages, scope)) visit(dep);
    order.push(i);
  };
  visit(targetIndex);

  const declared = new Set<string>([...metaArgs.keys()]);
  for (const s of parsed.stages) for (const c of s.commands) if (c.kind === 'arg') for (const a of c.args) declared.add(a.key);
  return { stages, order, target: targetIndex, metaArgs, declared };
}

function globalArgs(metaArgs: readonly ArgCommand[], buildArgs: Readonly<Record<string, string>>): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const cmd of metaArgs) {
    for (const a of cmd.args) {
      const scope: Record<string, string> = { ...AUTOMATIC_ARGS };
      for (const [k, v] of values) if (v !== undefined) scope[k] = v;
      const fallback = a.value === undefined ? undefined : processWord(a.value, scope);
      values.set(a.key, Object.hasOwn(buildArgs, a.key) ? buildArgs[a.key] : fallback);
    }
  }
  return values;
}

function expandFrom(baseName: string, scope: Readonly<Record<string, string>>): string {
  try {
    return processWord(baseName, scope);
  } catch (e) {
    throw new DockerError(`failed to solve: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
}

function resolveBase(name: string, earlier: readonly PlannedStage[]): StageBase {
  const lower = name.toLowerCase();
  const stage = earlier.find((s) => s.stage.name !== '' && s.stage.name === lower);
  if (stage) return { kind: 'stage', index: stage.index };
  if (lower === 'scratch') return { kind: 'scratch' };
  if (name === '') throw new DockerError('failed to solve: base name (${BASE}) should not be blank', 1);
  try {
    return { kind: 'image', ref: canonicalString(withDefaultTag(parseReference(name))) };
  } catch (e) {
    throw new DockerError(`failed to solve: failed to parse stage name "${name}": ${e instanceof Error ? e.message : String(e)}`, 1);
  }
}

/** Stages this one reads: its base and every `COPY --from` naming a stage (by name or index). */
function dependencies(planned: PlannedStage, stages: readonly PlannedStage[], scope: Readonly<Record<string, string>>): number[] {
  const deps: number[] = [];
  if (planned.base.kind === 'stage') deps.push(planned.base.index);
  for (const c of planned.stage.commands) {
    if (c.kind !== 'copy' || c.from === '') continue;
    const from = stageReference(processWord(c.from, scope), planned.index, stages);
    if (from !== undefined) deps.push(from);
  }
  return deps;
}

/**
 * The stage a `--from` value names, or undefined when it names an image. A stage defined later cannot be used:
 * BuildKit's error says so.
 */
export function stageReference(value: string, current: number, stages: readonly PlannedStage[]): number | undefined {
  const lower = value.toLowerCase();
  const byName = stages.findIndex((s) => s.stage.name !== '' && s.stage.name === lower);
  const index = byName >= 0 ? byName : /^\d+$/.test(value) ? Number(value) : -1;
  if (index < 0 || index >= stages.length) return undefined;
  if (index >= current) {
    const here = stages[current]!.stage.name || String(current);
    throw new DockerError(`failed to solve: cannot copy from stage "${value}", it needs to be defined before current stage "${here}"`, 1);
  }
  return index;
}

/** Every image a reachable stage starts from or copies from, in the order BuildKit asks for their metadata. */
export function imagesNeeded(plan: BuildPlan): string[] {
  const refs: string[] = [];
  const scope: Record<string, string> = { ...AUTOMATIC_ARGS };
  for (const [k, v] of plan.metaArgs) if (v !== undefined) scope[k] = v;
  for (const i of plan.order) {
    const planned = plan.stages[i]!;
    if (planned.base.kind === 'image' && !refs.includes(planned.base.ref)) refs.push(planned.base.ref);
    for (const c of planned.stage.commands) {
      if (c.kind !== 'copy' || c.from === '') continue;
      const from = processWord(c.from, scope);
      if (stageReference(from, i, plan.stages) !== undefined) continue;
      const ref = imageRef(from);
      if (ref && !refs.includes(ref)) refs.push(ref);
    }
  }
  return refs;
}

/** The canonical reference of a `--from` image, undefined when it does not parse as one. */
export function imageRef(text: string): string | undefined {
  try {
    return canonicalString(withDefaultTag(parseReference(text)));
  } catch {
    return undefined;
  }
}
