import type { VirtualClock } from '../core/clock.ts';
import type { ImageService } from '../image/service.ts';
import type { Kernel, Program } from '../programs/process.ts';
import { once, whileLoading } from '../core/loading.ts';
import { EMPTY_CACHE, type BuildCache } from './cache.ts';
import type { LegacyOutput } from './legacy/stream.ts';
import type { LegacyBuildRequest, LegacyBuildResult } from './legacy/builder.ts';
import type { ProgressWriter } from './progress/types.ts';
import type { BuildRequest, BuildResult, StepRecord } from './types.ts';
import { rememberBuild, type BuildRecord } from './history.ts';
import type { LintWarning } from '../dockerfile/lint/index.ts';

// The builders are the bulk of the build code: they load with the first build, not with the page.
const loadBuilder = once(() => import('./builder.ts'));
const loadLegacyBuilder = once(() => import('./legacy/builder.ts'));

/** What the build service tells the rest of the engine (and the page's build picture). */
export type BuildEvent =
  | { readonly type: 'build-finished'; readonly result: BuildOutcome }
  | { readonly type: 'build-cache-changed' };

export type BuildOutcome =
  | ({ readonly ok: true } & BuildResult & { readonly warnings: readonly LintWarning[] })
  | { readonly ok: false; readonly error: string };

export interface BuildServiceDeps {
  readonly clock: VirtualClock;
  readonly images: ImageService;
  readonly programs: Readonly<Record<string, Program>>;
  readonly kernel?: Kernel;
  readonly announce?: (e: BuildEvent) => void;
}

/**
 * The daemon's BuildKit: holds the build cache (an immutable value a snapshot takes and restores) and runs builds
 * against the image service.
 */
export class BuildService {
  #cache: BuildCache = EMPTY_CACHE;
  #last: BuildOutcome | undefined;
  #history: readonly BuildRecord[] = [];

  constructor(private readonly deps: BuildServiceDeps) {}

  get cache(): BuildCache {
    return this.#cache;
  }

  set cache(next: BuildCache) {
    if (next === this.#cache) return;
    this.#cache = next;
    this.deps.announce?.({ type: 'build-cache-changed' });
  }

  /** The last build's steps (cached or not, and why), for the UI. */
  get lastBuild(): BuildOutcome | undefined {
    return this.#last;
  }

  /** The last few finished builds, oldest first: an immutable value a snapshot takes and restores. */
  get history(): readonly BuildRecord[] {
    return this.#history;
  }

  set history(next: readonly BuildRecord[]) {
    this.#history = next;
  }

  #finish(request: { dockerfileName: string; tags: readonly string[] }, builder: BuildRecord['builder'], startedAt: number, outcome: BuildOutcome, steps: readonly StepRecord[], skippedStages: readonly string[]): void {
    this.#last = outcome;
    const seq = (this.#history.at(-1)?.seq ?? 0) + 1;
    const { dockerfileName, tags } = request;
    this.#history = rememberBuild(this.#history, { seq, builder, dockerfileName, tags, startedAt, finishedAt: this.deps.clock.now(), outcome, steps, skippedStages });
    this.deps.announce?.({ type: 'build-finished', result: outcome });
  }

  /**
   * `DOCKER_BUILDKIT=0 docker build`: the classic builder, its output written to `out` as the client shows the
   * daemon's stream. Its cache is the image store (intermediate images and their parents), which snapshots
   * already keep, so it adds no state here.
   */
  async legacyBuild(request: LegacyBuildRequest, out: LegacyOutput, signal?: AbortSignal): Promise<LegacyBuildResult> {
    const startedAt = this.deps.clock.now();
    try {
      const { runLegacyBuild } = await whileLoading(this.deps.clock, loadLegacyBuilder());
      await this.deps.images.registryReady();
      const result = await runLegacyBuild(request, {
        clock: this.deps.clock,
        images: this.deps.images,
        programs: this.deps.programs,
        ...(this.deps.kernel ? { kernel: this.deps.kernel } : {}),
        ...(signal ? { signal } : {}),
      }, out);
      this.#finish(request, 'legacy', startedAt, { ok: true, ...result, warnings: [] }, result.steps, []);
      return result;
    } catch (e) {
      this.#finish(request, 'legacy', startedAt, { ok: false, error: e instanceof Error ? e.message : String(e) }, [], []);
      throw e;
    }
  }

  async build(request: BuildRequest, writer: ProgressWriter, signal?: AbortSignal) {
    const startedAt = this.deps.clock.now();
    const steps: StepRecord[] = [];
    let skipped: readonly string[] = [];
    try {
      const { runBuild } = await whileLoading(this.deps.clock, loadBuilder());
      await this.deps.images.registryReady();
      const result = await runBuild(request, {
        clock: this.deps.clock,
        images: this.deps.images,
        programs: this.deps.programs,
        ...(this.deps.kernel ? { kernel: this.deps.kernel } : {}),
        ...(signal ? { signal } : {}),
        ...(request.secrets ? { secrets: request.secrets } : {}),
        getCache: () => this.#cache,
        setCache: (c) => (this.cache = c),
        onStep: (s) => steps.push(s),
        onSkipped: (stages) => (skipped = stages),
      }, writer);
      this.#finish(request, 'buildkit', startedAt, { ok: true, ...result }, steps, skipped);
      return result;
    } catch (e) {
      this.#finish(request, 'buildkit', startedAt, { ok: false, error: e instanceof Error ? e.message : String(e) }, steps, skipped);
      throw e;
    }
  }
}
