import type { VirtualClock } from '../../core/clock.ts';
import { diffTrees } from '../../fs/diff.ts';
import { diffIdOfSliced } from '../../fs/digest.ts';
import type { DirEntry } from '../../fs/types.ts';
import { previousFromSameInput, putRecord, touchRecord, type BuildCache, type CacheRecord } from '../cache.ts';
import { cacheKey, newLayer, withLayer } from '../snapshot.ts';
import type { SolveProgress } from '../solve-progress.ts';
import { stepLabel, type StageState } from '../stage-state.ts';
import { HISTORY_COMMENT } from '../image-config.ts';
import type { StepReason, StepRecord } from '../types.ts';

/** What every step that makes a layer (RUN, COPY, ADD, WORKDIR) shares: cache lookup, progress, the record. */
export interface StepContext {
  readonly clock: VirtualClock;
  readonly progress: SolveProgress;
  readonly noCache: boolean;
  getCache(): BuildCache;
  setCache(cache: BuildCache): void;
  record(step: StepRecord): void;
}

export interface LayerOp {
  readonly kind: 'run' | 'copy' | 'mkdir';
  /** The instruction as progress shows it after `[k/n] `. */
  readonly text: string;
  readonly line: number;
  /** Everything the cache key covers besides the input, as words the miss explanation compares. */
  readonly definition: Readonly<Record<string, string>>;
  /** For COPY/ADD: the digest of each selected file, made only on a miss (the explanation and the record need it). */
  readonly files?: () => Promise<ReadonlyMap<string, string>>;
  /** The history line; null for none (never for these ops, but WORKDIR / has no step at all). */
  readonly history: string;
  readonly historyComment?: boolean;
  /** Runs the operation on the input's merged root and returns the root after it. */
  execute(root: DirEntry, vertex: string, label: string): Promise<DirEntry>;
}

/** Runs or reuses one layer-making step and moves the stage onto its result. */
export async function layerStep(st: StageState, op: LayerOp, ctx: StepContext): Promise<void> {
  st.step++;
  const label = stepLabel(st.planned, st.step, op.text);
  const parent = st.snapshot.key;
  const key = cacheKey({ op: op.kind, definition: op.definition, parent });
  const hit = ctx.noCache ? undefined : ctx.getCache().records.get(key);
  const now = ctx.clock.now();
  let record: CacheRecord;
  let reason: StepReason;
  let files: ReadonlyMap<string, string> | undefined;
  if (hit) {
    await ctx.progress.cached(label);
    ctx.setCache(touchRecord(ctx.getCache(), key, now));
    record = hit;
    reason = { kind: 'cached' };
    st.snapshot = withLayer(st.snapshot, hit.layer, key);
  } else {
    files = await op.files?.();
    reason = ctx.noCache ? { kind: 'no-cache' } : explainMiss(ctx.getCache(), parent, op, files, st.fresh);
    const vertex = await ctx.progress.start(label);
    const input = st.snapshot.root;
    let after: DirEntry;
    try {
      after = await op.execute(input, vertex, label);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await ctx.progress.fail(vertex, error);
      // The failed step is recorded too, so the build picture can show where and why a build stopped.
      ctx.record({ stage: stageName(st), label, instruction: op.text, line: op.line, cached: false, reason, durationMs: ctx.clock.now() - now, error });
      throw e;
    }
    const diff = diffTrees(input, after);
    // Hash the new layer's tar in slices (the page stays responsive); newLayer then finds its diffID remembered.
    await diffIdOfSliced(diff, ctx.clock);
    const layer = newLayer(diff);
    await ctx.progress.done(vertex);
    record = {
      key,
      parent,
      definition: { op: op.kind, ...op.definition },
      ...(files ? { files } : {}),
      layer,
      description: label,
      createdAt: now,
      lastUsedAt: ctx.clock.now(),
      usageCount: 1,
    };
    ctx.setCache(putRecord(ctx.getCache(), record));
    st.snapshot = withLayer(st.snapshot, layer, key, after);
    st.fresh = true;
  }
  st.history.push({ createdBy: op.history, emptyLayer: false, created: record.createdAt, ...(op.historyComment === false ? {} : { comment: HISTORY_COMMENT }) });
  ctx.record({
    stage: stageName(st),
    label,
    instruction: op.text,
    line: op.line,
    cached: hit !== undefined,
    reason,
    diffId: record.layer.diffId,
    size: record.layer.size,
    durationMs: hit ? 0 : ctx.clock.now() - now,
  });
}

function stageName(st: StageState): string {
  return st.planned.stage.name || String(st.planned.index);
}

/** Why the cache had nothing: compare with the last result made from the same input, if any. */
function explainMiss(cache: BuildCache, parent: string, op: LayerOp, files: ReadonlyMap<string, string> | undefined, parentFresh: boolean): StepReason {
  const previous = previousFromSameInput(cache, parent, op.kind);
  if (!previous) return parentFresh ? { kind: 'parent-changed' } : { kind: 'first-build' };
  if (files && previous.files) {
    const added: string[] = [];
    const changed: string[] = [];
    const removed: string[] = [];
    for (const [path, digest] of files) {
      const before = previous.files.get(path);
      if (before === undefined) added.push(path);
      else if (before !== digest) changed.push(path);
    }
    for (const path of previous.files.keys()) if (!files.has(path)) removed.push(path);
    if (added.length + changed.length + removed.length > 0) return { kind: 'files-changed', added, changed, removed };
  }
  const what = Object.keys({ ...op.definition, ...previous.definition }).filter((k) => k !== 'op' && op.definition[k] !== previous.definition[k]);
  return { kind: 'definition-changed', what };
}
