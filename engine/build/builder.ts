import type { VirtualClock } from '../core/clock.ts';
import { parseSliced, type Command, type ParsedDockerfile } from '../dockerfile/instructions/index.ts';
import { lintParsedSliced, type LintWarning } from '../dockerfile/lint/index.ts';
import { parseDockerfileSliced, type ParseResult } from '../dockerfile/parser/index.ts';
import { WorkSlicer } from '../core/slicer.ts';
import { EMPTY_DIR } from '../fs/tree.ts';
import { union } from '../fs/union.ts';
import type { ImageService } from '../image/service.ts';
import type { Kernel, Program } from '../programs/process.ts';
import { baseImageFor, baseLayers, pullBase } from './base-pull.ts';
import type { BaseImage } from './base-image.ts';
import { AUTOMATIC_ARGS } from './build-args.ts';
import type { BuildCache } from './cache.ts';
import { BuildFailure, parseFailure } from './errors.ts';
import type { ProgressWriter } from './progress/types.ts';
import { SolveProgress } from './solve-progress.ts';
import { imageRef, imagesNeeded, planBuild, type BuildPlan, type PlannedStage } from './stage-plan.ts';
import { baseHistory, stepLabel, type StageState } from './stage-state.ts';
import { snapshotOf } from './snapshot.ts';
import { copyStep, type CopySources } from './steps/copy.ts';
import { layerStep, type StepContext } from './steps/layer-step.ts';
import { dispatchMetadata } from './steps/metadata.ts';
import { exportImage } from './export.ts';
import { takeOnbuildTriggers } from './onbuild.ts';
import { runStep } from './steps/run-step.ts';
import { workdirStep } from './steps/workdir.ts';
import type { BuildRequest, BuildResult, StepRecord } from './types.ts';

/** What the builder needs from the daemon. */
export interface BuilderEnv {
  readonly clock: VirtualClock;
  readonly images: ImageService;
  /** Programs a RUN step can start (the container registry). */
  readonly programs: Readonly<Record<string, Program>>;
  readonly kernel?: Kernel;
  readonly signal?: AbortSignal;
  /** The build's `--secret` values by id. */
  readonly secrets?: ReadonlyMap<string, Uint8Array>;
  getCache(): BuildCache;
  setCache(cache: BuildCache): void;
  /** Told of each step as it is recorded, so a failed build's steps are known too. */
  onStep?(step: StepRecord): void;
  /** Told of the stages the target does not need (by name, or `stage-N`), which BuildKit never runs. */
  onSkipped?(stages: readonly string[]): void;
}

/** Resolving metadata for an image the registry has takes a round trip. */
const METADATA_REMOTE_MS = 600;

/**
 * `docker build` with BuildKit: parse, check, resolve base images, run the target's stages with per-step cache
 * keys, export the image and name it. Progress goes to `writer` as BuildKit's solver reports it.
 */
export async function runBuild(req: BuildRequest, env: BuilderEnv, writer: ProgressWriter): Promise<BuildResult & { warnings: readonly LintWarning[] }> {
  const { clock } = env;
  const progress = new SolveProgress(clock, writer);
  try {
    return await build(req, env, progress);
  } catch (e) {
    await progress.cancelRunning();
    throw e;
  } finally {
    await writer.done(clock.now());
  }
}

/** Instructions dispatched between two yields: a few milliseconds of metadata instructions. */
const DISPATCH_SLICE = 1000;

async function build(req: BuildRequest, env: BuilderEnv, progress: SolveProgress): Promise<BuildResult & { warnings: readonly LintWarning[] }> {
  const { clock } = env;
  const definition = await progress.start(`[internal] load build definition from ${req.dockerfileName}`);
  await progress.status(definition, 'transferring dockerfile:', { current: req.dockerfileTransferBytes ?? new TextEncoder().encode(req.dockerfile).length, units: 'bytes' });
  const pause = () => clock.yield();
  let syntax: ParseResult;
  let parsed: ParsedDockerfile;
  try {
    syntax = await parseDockerfileSliced(req.dockerfile, pause);
    parsed = await parseSliced(syntax.ast, pause);
  } catch (e) {
    await progress.done(definition);
    throw parseFailure(e) ?? e;
  }
  // BuildKit's checks run as the frontend reads the file: their warnings belong to this step.
  const warnings = await lintParsedSliced(syntax, { buildArgs: req.buildArgs }, pause);
  for (const w of warnings) {
    await progress.warn({
      vertex: definition,
      short: `${w.rule}: ${w.message} (line ${w.line})`,
      detail: [],
      url: w.url,
      range: { start: w.line, end: w.endLine ?? w.line },
      sourceInfo: { filename: req.dockerfileName, data: req.dockerfile },
    });
  }
  await progress.done(definition);
  const violations = [...new Set(warnings.filter((w) => w.level === 'error').map((w) => w.rule))];
  if (violations.length > 0) throw new BuildFailure(`lint violation found for rules: ${violations.join(', ')}`);

  const plan = planBuild(parsed, req.buildArgs, req.target);
  const skipped = plan.stages.filter((p) => !plan.order.includes(p.index)).map((p) => p.stage.name || `stage-${p.index}`);
  if (skipped.length > 0) env.onSkipped?.(skipped);

  const bases = new Map<string, BaseImage>();
  for (const ref of imagesNeeded(plan)) {
    const vertex = await progress.start(`[internal] load metadata for ${ref}`);
    try {
      const base = baseImageFor(ref, env.images, req.pull);
      if (base.remote) await clock.sleep(METADATA_REMOTE_MS, env.signal);
      bases.set(ref, base);
    } catch (e) {
      if (e instanceof BuildFailure) await progress.fail(vertex, e.message);
      throw e;
    }
    await progress.done(vertex);
  }

  const ignore = await progress.start('[internal] load .dockerignore');
  await progress.status(ignore, 'transferring context:', { current: req.ignoreFileBytes || 2, units: 'bytes' });
  await progress.done(ignore);

  const steps: StepRecord[] = [];
  const ctx: StepContext = {
    clock,
    progress,
    noCache: req.noCache,
    getCache: env.getCache,
    setCache: env.setCache,
    record: (s) => {
      steps.push(s);
      env.onStep?.(s);
    },
  };
  let contextLoaded = false;
  const sources: CopySources = {
    context: async () => {
      if (!contextLoaded) {
        contextLoaded = true;
        const v = await progress.start('[internal] load build context');
        await progress.status(v, 'transferring context:', { current: req.contextBytes, units: 'bytes' });
        await progress.done(v);
      }
      return req.context;
    },
    stage: (index) => finished.get(index)?.snapshot.root,
    image: (text) => bases.get(imageRef(text) ?? text),
    imageRoot: (image) => union((image.layers ?? image.remote!.layers.map((l) => ({ tree: l.tree() }))).map((l) => l.tree)),
  };
  const finished = new Map<number, StageState>();
  const pulled = new Set<string>();
  // Metadata instructions run without waiting on anything: a Dockerfile of thousands of them yields now and then.
  const slicer = new WorkSlicer(clock, DISPATCH_SLICE);
  for (const index of plan.order) {
    const planned = plan.stages[index]!;
    const { st, triggers } = await startStage(planned, finished, bases, env, progress, pulled);
    for (const cmd of [...triggers, ...planned.stage.commands]) {
      if (env.signal?.aborted) throw new BuildFailure('context canceled');
      await slicer.spend(1);
      await dispatch(st, cmd, plan, req, env, ctx, sources);
    }
    finished.set(index, st);
  }

  const target = finished.get(plan.target)!;
  return { ...(await exportImage(target, req, env, progress)), steps, warnings };
}

/**
 * A stage's starting point. Two stages FROM the same image are one operation to BuildKit, so only the first shows a
 * FROM step (`pulled` remembers which images already had theirs).
 */
async function startStage(
  planned: PlannedStage,
  finished: ReadonlyMap<number, StageState>,
  bases: ReadonlyMap<string, BaseImage>,
  env: BuilderEnv,
  progress: SolveProgress,
  pulled: Set<string>,
): Promise<{ st: StageState; triggers: Command[] }> {
  const base = planned.base;
  const fresh: StageState = {
    planned,
    snapshot: snapshotOf([], 'scratch', EMPTY_DIR),
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], WorkingDir: '/' },
    history: [],
    args: new Map(),
    step: 0,
    fresh: false,
    cmdSet: { cmd: false },
  };
  if (base.kind === 'stage') {
    const from = finished.get(base.index)!;
    return { st: { ...fresh, snapshot: from.snapshot, config: structuredClone(from.config), history: [...from.history], fresh: from.fresh }, triggers: [] };
  }
  if (base.kind === 'scratch') return { st: fresh, triggers: [] };
  const image = bases.get(base.ref)!;
  fresh.step = 1;
  fresh.config = structuredClone({ ...image.config.config }) as StageState['config'];
  fresh.history = baseHistory(image.config.history);
  const triggers = takeOnbuildTriggers(fresh, planned.stage.startLine);
  const label = stepLabel(fresh.planned, 1, `FROM ${image.pinned}`);
  const layers = pulled.has(image.key) ? baseLayers(image, env) : await pullBase(image, label, env, progress);
  pulled.add(image.key);
  fresh.snapshot = snapshotOf(layers, image.key);
  return { st: fresh, triggers };
}

async function dispatch(st: StageState, cmd: Command, plan: BuildPlan, req: BuildRequest, env: BuilderEnv, ctx: StepContext, sources: CopySources): Promise<void> {
  if (dispatchMetadata(st, cmd, { buildArgs: req.buildArgs, metaArgs: plan.metaArgs, automatic: AUTOMATIC_ARGS })) return;
  switch (cmd.kind) {
    case 'run':
      return layerStep(st, await runStep(st, cmd, plan, sources, env, ctx), ctx);
    case 'workdir': {
      const op = workdirStep(st, cmd, () => env.clock.nowSeconds());
      if (op) await layerStep(st, op, ctx);
      return;
    }
    case 'copy':
    case 'add':
      return layerStep(st, await copyStep(st, cmd, plan, sources, ctx), ctx);
    default:
      return;
  }
}
