import { VirtualClock } from '../core/clock.ts';
import { EMPTY_REGISTRY, ImageService } from '../image/service.ts';

/**
 * What the docker CLI reads from and asks of the engine: the daemon's services. The machine passes its own; tests
 * and a machine without a daemon get EMPTY_ENGINE.
 */
export interface EngineView {
  /** Every container, whatever its state (`running`, `paused`, `exited`, `created`, `restarting`, `dead`...). */
  containers(): readonly { readonly state: string }[];
  /** The image store and the operations on it (pull, tag, remove...). */
  readonly images: ImageService;
}

/** An engine with no containers and an empty image store whose registry has nothing. */
export function emptyEngine(clock?: VirtualClock): EngineView {
  return { containers: () => [], images: new ImageService(EMPTY_REGISTRY, clock ?? new VirtualClock()) };
}

export const EMPTY_ENGINE: EngineView = emptyEngine();
