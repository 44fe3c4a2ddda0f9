import type { BuildService } from '../build/service.ts';
import { VirtualClock } from '../core/clock.ts';
import type { ContainerUse } from '../image/remove.ts';
import { EMPTY_REGISTRY, ImageService } from '../image/service.ts';
import type { SearchResult } from '../image/search.ts';
import type { Digest } from '../image/types.ts';
import { VolumeService } from '../runtime/volumes/service.ts';
import type { NetworkService } from '../network/service.ts';
import type { ContainerService } from '../runtime/containers/service.ts';
import { initialIds } from '../core/ids.ts';

/**
 * What the docker CLI reads from and asks of the engine: the daemon's services. The machine passes its own; tests
 * and a machine without a daemon get EMPTY_ENGINE.
 */
export interface EngineView {
  /** Every container, whatever its state (`running`, `paused`, `exited`, `created`, `restarting`, `dead`...). */
  containers(): readonly { readonly state: string }[];
  /** The image store and the operations on it (pull, tag, remove...). */
  readonly images: ImageService;
  /**
   * Containers created from an image (what `rmi` and `image prune` conflict with). Absent until the container
   * runtime exists: no container uses anything.
   */
  containersUsing?(imageId: Digest): readonly ContainerUse[];
  /** Layers held by something other than an image (a container's writable layer keeps its image's chain). */
  layerInUse?(chainId: Digest): boolean;
  /** BuildKit: `docker build`, the build cache. Absent on an engine that cannot build. */
  readonly builder?: BuildService;
  /** The container runtime (`run`, `ps`, `stop`...). Absent on an engine without one: no container exists. */
  readonly runtime?: ContainerService;
  /** Volumes and the operations on them. Absent on an engine without a volume service. */
  readonly volumes?: VolumeService;
  /** Networks, endpoints and published ports. Absent on an engine without networking. */
  readonly network?: NetworkService;
  /** The repositories `docker search` finds (Docker Hub's index; the offline catalog, which may load on first use). */
  searchIndex?(): readonly SearchResult[] | Promise<readonly SearchResult[]>;
}

/** An engine with no containers and an empty image store whose registry has nothing. */
export function emptyEngine(clock?: VirtualClock): EngineView {
  const c = clock ?? new VirtualClock();
  let ids = initialIds(0);
  return { containers: () => [], images: new ImageService(EMPTY_REGISTRY, c), volumes: new VolumeService({ clock: c, ids: { get: () => ids, set: (next) => (ids = next) } }) };
}

export const EMPTY_ENGINE: EngineView = emptyEngine();

/** The container-related callbacks of an engine, as image removal takes them. */
export function imageUsers(engine: EngineView): {
  containersUsing?: (imageId: Digest) => readonly ContainerUse[];
  layerInUse?: (chainId: Digest) => boolean;
} {
  return {
    ...(engine.containersUsing ? { containersUsing: (id: Digest) => engine.containersUsing!(id) } : {}),
    ...(engine.layerInUse ? { layerInUse: (id: Digest) => engine.layerInUse!(id) } : {}),
  };
}
