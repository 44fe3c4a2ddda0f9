/**
 * What the docker CLI reads from the engine. The machine passes an implementation; until the runtime and image
 * store exist it passes empty lists (see EMPTY_ENGINE).
 */
export interface EngineView {
  /** Every container, whatever its state (`running`, `paused`, `exited`, `created`, `restarting`, `dead`...). */
  containers(): readonly { readonly state: string }[];
  /** Every image in the store (one per image ID). */
  images(): readonly unknown[];
}

export const EMPTY_ENGINE: EngineView = {
  containers: () => [],
  images: () => [],
};
