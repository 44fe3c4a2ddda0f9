import type { VirtualClock } from '../../core/clock.ts';
import { diffTrees } from '../../fs/diff.ts';
import { diffIdOfSliced, digestBytes, EMPTY_LAYER_DIFF_ID } from '../../fs/digest.ts';
import type { DirEntry } from '../../fs/types.ts';
import type { ImageService } from '../../image/service.ts';
import { resolveImage, type NewLayer } from '../../image/store.ts';
import type { Image } from '../../image/types.ts';
import type { Kernel, Program } from '../../programs/process.ts';
import { SERVER } from '../../core/version-info.ts';
import { rfc3339 } from '../image-config.ts';
import { newLayer, snapshotOf, withLayer } from '../snapshot.ts';
import type { Snapshot, StepReason } from '../types.ts';
import { childrenOf, commitImage, containerConfigOf, probeCache } from './cache.ts';
import { LegacyBuildError } from './errors.ts';
import { childImageConfig, parentOf, SCRATCH_PARENT } from './image-config.ts';
import { copyRunConfig, runConfigDifferences, type RunConfig } from './run-config.ts';
import type { DispatchState } from './state.ts';
import { shortId } from './state.ts';
import type { DaemonStream } from './stream.ts';

/** What the legacy builder needs from the daemon. */
export interface LegacyEnv {
  readonly clock: VirtualClock;
  readonly images: ImageService;
  /** Programs a RUN step's container can start (the container registry). */
  readonly programs: Readonly<Record<string, Program>>;
  readonly kernel?: Kernel;
  readonly signal?: AbortSignal;
}

/** Creating a container for a step, committing it and removing it each take a moment of daemon time. */
const CREATE_MS = 40;
const COMMIT_MS = 30;
const REMOVE_MS = 10;

/**
 * The daemon side of a legacy build's steps (moby internals.go and containerbackend.go): probing the image cache,
 * creating the step's container (` ---> Running in …`), committing it as an image whose parent is the stage's
 * current image, and removing the containers a step made (` ---> Removed intermediate container …`).
 */
export class LegacyDaemon {
  /** imageProber's cacheBusted: after the first miss of a stage, nothing after it is looked up. */
  #cacheBusted = false;
  #containers: string[] = [];
  #sequence = 0;
  /** Why the step being dispatched ran or came from the cache, for the UI. */
  reason: StepReason = { kind: 'first-build' };
  cached = false;
  /** The layer the step's commit added (none for an empty diff or a cache hit), for the step record. */
  layer: NewLayer | undefined;

  constructor(
    readonly env: LegacyEnv,
    readonly stream: DaemonStream,
    readonly noCache: boolean,
  ) {}

  /** A new stage starts with a fresh prober (moby initializeStage's Reset). */
  resetProber(): void {
    this.#cacheBusted = false;
  }

  beginStep(): void {
    this.cached = false;
    this.layer = undefined;
    this.reason = { kind: 'first-build' };
  }

  /** probeCache: a child of the current image committed with this config becomes the stage's image. */
  async probeCache(st: DispatchState, config: RunConfig): Promise<boolean> {
    if (this.noCache) {
      this.reason = { kind: 'no-cache' };
      return false;
    }
    if (this.#cacheBusted) {
      this.reason = { kind: 'parent-changed' };
      return false;
    }
    const store = this.env.images.store;
    const hit = probeCache(store, st.imageId, config);
    if (!hit) {
      this.#cacheBusted = true;
      this.reason = missReason(childrenOf(store, st.imageId), config);
      return false;
    }
    await this.stream.stdout(' ---> Using cache\n');
    st.imageId = hit.id;
    st.snapshot = this.snapshotOfImage(hit);
    this.cached = true;
    this.reason = { kind: 'cached' };
    return true;
  }

  /** probeAndCreate: the container ID, or '' when the cache had the step. */
  async probeAndCreate(st: DispatchState, config: RunConfig): Promise<string> {
    if (await this.probeCache(st, config)) return '';
    return this.create(st);
  }

  /** A container for the step: a deterministic stand-in for the daemon's random 64-hex ID. */
  async create(st: DispatchState): Promise<string> {
    await this.env.clock.sleep(CREATE_MS, this.env.signal);
    const id = digestBytes(`legacy-build-container:${st.imageId}:${this.env.clock.now()}:${++this.#sequence}`).slice(7);
    this.#containers.push(id);
    await this.stream.stdout(` ---> Running in ${shortId(id)}\n`);
    return id;
  }

  /** RemoveAll: the containers this step made, removed (a failed step's stay unless --force-rm). */
  async removeAll(): Promise<void> {
    for (const id of this.#containers) {
      await this.env.clock.sleep(REMOVE_MS, this.env.signal);
      await this.stream.stdout(` ---> Removed intermediate container ${shortId(id)}\n`);
    }
    this.#containers = [];
  }

  /** Forgets the containers a failed step left behind (there is no container runtime to keep them in yet). */
  dropContainers(): void {
    this.#containers = [];
  }

  /**
   * CommitBuildStep (a container) or exportImage (COPY/ADD, no container): the step's filesystem change becomes a
   * layer unless it is empty, and a child image of the stage's current one is stored.
   */
  async commit(st: DispatchState, containerConfig: RunConfig, after: DirEntry, containerId?: string): Promise<void> {
    const { clock } = this.env;
    await clock.sleep(COMMIT_MS, this.env.signal);
    const diff = diffTrees(st.snapshot.root, after);
    // Hash the new layer's tar in slices (the page stays responsive); newLayer then finds its diffID remembered.
    await diffIdOfSliced(diff, clock);
    const layer = newLayer(diff);
    const empty = layer.diffId === EMPTY_LAYER_DIFF_ID;
    const store = this.env.images.store;
    const parent = st.imageId === '' ? SCRATCH_PARENT : parentOf(store.images.get(st.imageId)!.configJson);
    const { json, config } = childImageConfig(parent, {
      ...(containerId ? { containerId } : {}),
      ...(st.maintainer ? { author: st.maintainer } : {}),
      containerConfig,
      config: copyRunConfig(st.runConfig),
      ...(empty ? {} : { diffId: layer.diffId }),
      created: rfc3339(clock.now()),
      dockerVersion: SERVER.version,
    });
    const id = digestBytes(json);
    const layers = empty ? st.snapshot.layers : [...st.snapshot.layers, layer];
    this.env.images.update((s) => ({ store: commitImage(s, { id, json, config, layers, parent: st.imageId }) }));
    st.snapshot = empty ? snapshotOf(layers, id, after) : withLayer(st.snapshot, layer, id, after);
    st.imageId = id;
    this.layer = empty ? undefined : layer;
  }

  /**
   * An image by reference or ID: the local one, else pulled with `docker pull`'s output (moby's
   * GetImageAndReleasableLayer; `--pull` always pulls, a stage's image is never pulled).
   */
  async getImage(name: string, options: { localOnly: boolean; pull: boolean }): Promise<Image> {
    if (!options.pull || options.localOnly) {
      const local = resolveImage(this.env.images.store, name);
      if (local) return local;
      if (options.localOnly) throw new LegacyBuildError(`No such image: ${name}`);
    }
    const display = this.stream.pull();
    try {
      await this.env.images.pull(name, { onProgress: display.onProgress, ...(this.env.signal ? { signal: this.env.signal } : {}) });
    } catch (e) {
      await display.flush();
      if (this.env.signal?.aborted) throw e;
      throw new LegacyBuildError((e instanceof Error ? e.message : String(e)).replace(/^Error response from daemon: /, ''));
    }
    await display.flush();
    return resolveImage(this.env.images.store, name)!;
  }

  /** An image's filesystem: its layers, merged only when a step looks inside. */
  snapshotOfImage(image: Image): Snapshot {
    const store = this.env.images.store;
    const layers: NewLayer[] = image.layers.map((chainId) => {
      const l = store.layers.get(chainId)!;
      return { diffId: l.diffId, size: l.size, tree: l.tree };
    });
    return snapshotOf(layers, image.id);
  }
}

/** Why the cache had nothing: no child at all, or what the newest child's config says differently. */
function missReason(children: readonly Image[], config: RunConfig): StepReason {
  let newest: Image | undefined;
  for (const c of children) {
    if (containerConfigOf(c) === undefined) continue;
    if (!newest || Date.parse(newest.config.created) < Date.parse(c.config.created)) newest = c;
  }
  if (!newest) return { kind: 'first-build' };
  return { kind: 'definition-changed', what: runConfigDifferences(containerConfigOf(newest)!, config) };
}
