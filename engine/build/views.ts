import { humanSize } from '../core/units.ts';
import { familiarString, parseReference } from '../image/reference.ts';
import { durationSeconds, goFixed } from './progress/go-format.ts';
import type { BuildRecord } from './history.ts';
import type { StepReason, StepRecord } from './types.ts';

/**
 * The build picture's model: the last few builds, each step CACHED or built, why a step missed, and which steps a
 * miss dragged along. Plain data, so it can cross a worker boundary.
 */
export interface BuildsView {
  /** Newest first. */
  readonly builds: readonly BuildView[];
}

export interface BuildView {
  readonly seq: number;
  readonly builder: 'buildkit' | 'legacy';
  readonly dockerfileName: string;
  /** Familiar tags (`pic:latest`). */
  readonly tags: readonly string[];
  /** Virtual milliseconds. */
  readonly startedAt: number;
  /** `14:03:07` (UTC, the machine's zone). */
  readonly startedText: string;
  readonly durationMs: number;
  /** `2.4s`, as BuildKit's progress prints durations. */
  readonly durationText: string;
  readonly ok: boolean;
  readonly error?: string;
  /** 12 hex digits of the image made. */
  readonly shortImageId?: string;
  readonly steps: readonly StepView[];
  readonly skippedStages: readonly string[];
  readonly cachedCount: number;
  readonly builtCount: number;
}

export type StepStatus = 'cached' | 'built' | 'error';

export interface StepView {
  /** `[2/5] RUN npm ci`, as the progress printed it. */
  readonly label: string;
  readonly stage: string;
  readonly instruction: string;
  readonly line: number;
  readonly status: StepStatus;
  readonly durationMs?: number;
  readonly durationText?: string;
  readonly size?: number;
  readonly sizeText?: string;
  /** Why it was not CACHED (absent when it was). */
  readonly reason?: string;
  readonly reasonKind?: StepReason['kind'];
  /** The error it failed with. */
  readonly error?: string;
  /** For a step that missed only because an earlier one did: that step's label. */
  readonly invalidatedBy?: string;
  /** For a step whose own change caused a miss: the labels of the later steps it made miss. */
  readonly invalidates: readonly string[];
}

export function buildsView(history: readonly BuildRecord[]): BuildsView {
  return { builds: [...history].reverse().map(buildView) };
}

function buildView(record: BuildRecord): BuildView {
  const causes = missCauses(record.steps);
  const steps = record.steps.map((s, i): StepView => {
    const status: StepStatus = s.error !== undefined ? 'error' : s.cached ? 'cached' : 'built';
    const cause = causes[i];
    const invalidatedBy = cause === undefined ? undefined : record.steps[cause]!.label;
    return {
      label: s.label,
      stage: s.stage,
      instruction: s.instruction,
      line: s.line,
      status,
      ...(s.durationMs === undefined ? {} : { durationMs: s.durationMs, durationText: seconds(s.durationMs) }),
      ...(s.size === undefined ? {} : { size: s.size, sizeText: humanSize(s.size) }),
      ...(s.cached ? {} : { reason: explain(s.reason, invalidatedBy), reasonKind: s.reason.kind }),
      ...(s.error === undefined ? {} : { error: s.error }),
      ...(invalidatedBy === undefined ? {} : { invalidatedBy }),
      invalidates: record.steps.filter((_, j) => causes[j] === i).map((t) => t.label),
    };
  });
  const { outcome } = record;
  return {
    seq: record.seq,
    builder: record.builder,
    dockerfileName: record.dockerfileName,
    tags: record.tags.map((t) => familiarString(parseReference(t))),
    startedAt: record.startedAt,
    startedText: new Date(record.startedAt).toISOString().slice(11, 19),
    durationMs: record.finishedAt - record.startedAt,
    durationText: seconds(record.finishedAt - record.startedAt),
    ok: outcome.ok,
    ...(outcome.ok ? { shortImageId: outcome.imageId.slice(7, 19) } : { error: outcome.error }),
    steps,
    skippedStages: record.skippedStages,
    cachedCount: steps.filter((s) => s.status === 'cached').length,
    builtCount: steps.filter((s) => s.status === 'built').length,
  };
}

function seconds(ms: number): string {
  return `${goFixed(durationSeconds(ms), 1)}s`;
}

/** A miss that is a step's own doing: something about it changed. */
const OWN_CHANGE = new Set<StepReason['kind']>(['files-changed', 'definition-changed', 'base-changed']);

/**
 * For each step that missed only because the step below it was rebuilt, the index of the step whose own change
 * started that run of misses: the nearest earlier one in its stage, else (a stage built on another stage) the
 * nearest earlier one in the build. A run that starts with a first build or `--no-cache` invalidated nothing: there
 * was nothing cached to lose.
 */
function missCauses(steps: readonly StepRecord[]): (number | undefined)[] {
  return steps.map((s, i) => {
    if (s.cached || s.reason.kind !== 'parent-changed') return undefined;
    const root = rootMiss(steps, i, (t) => t.stage === s.stage) ?? rootMiss(steps, i, () => true);
    return root !== undefined && OWN_CHANGE.has(steps[root]!.reason.kind) ? root : undefined;
  });
}

function rootMiss(steps: readonly StepRecord[], before: number, within: (s: StepRecord) => boolean): number | undefined {
  for (let j = before - 1; j >= 0; j--) {
    const t = steps[j]!;
    if (!within(t) || t.cached) continue;
    if (t.reason.kind !== 'parent-changed') return j;
  }
  return undefined;
}

/** Names of the cache-key parts a definition change can name, as a person would say them. */
const PARTS: Record<string, string> = {
  args: 'the command',
  env: 'the environment (ENV or a build arg)',
  cwd: 'the working directory',
  user: 'the user',
  mounts: 'the mounts',
  keyword: 'the instruction',
  sources: 'the sources',
  dest: 'the destination',
  workdir: 'the working directory',
  chown: '--chown',
  chmod: '--chmod',
  excludes: '--exclude',
  checksum: 'the copied content',
  path: 'the path',
};

/** At most this many file names in a reason; the rest are counted. */
const FILES_SHOWN = 5;

function explain(reason: StepReason, invalidatedBy: string | undefined): string {
  switch (reason.kind) {
    case 'cached':
      return 'found in the cache';
    case 'first-build':
      return 'not in the cache: never built before';
    case 'no-cache':
      return '--no-cache: the cache was not used';
    case 'parent-changed':
      return invalidatedBy === undefined ? 'the step before it was built anew, so its input is new' : `invalidated by ${invalidatedBy}`;
    case 'base-changed':
      return `the base image ${reason.image} changed`;
    case 'files-changed': {
      const parts = [list('changed', reason.changed), list('added', reason.added), list('removed', reason.removed)].filter((p) => p !== '');
      return `files changed: ${parts.join('; ')}`;
    }
    case 'definition-changed':
      return reason.what.length === 0 ? 'the instruction changed' : `changed: ${reason.what.map((w) => PARTS[w] ?? w).join(', ')}`;
  }
}

function list(what: string, paths: readonly string[]): string {
  if (paths.length === 0) return '';
  const shown = paths.slice(0, FILES_SHOWN).join(', ');
  return `${what} ${shown}${paths.length > FILES_SHOWN ? ` and ${paths.length - FILES_SHOWN} more` : ''}`;
}
