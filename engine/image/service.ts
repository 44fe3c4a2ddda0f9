import type { VirtualClock } from '../core/clock.ts';
import { whileLoading } from '../core/loading.ts';
import { pull, type PullProgress, type PullResult } from './pull.ts';
import type { Registry } from './registry.ts';
import { EMPTY_STORE, type ImageStore } from './store.ts';

/** What the image service tells the rest of the engine (and the page's pictures). */
export type ImageEvent = { readonly type: 'images-changed' };

/**
 * The daemon's image service: the current image store, the registry it pulls from, and the operations that change
 * the store. Operations are pure functions over ImageStore (engine/image/*.ts); this class only holds the current
 * value and announces changes, so `store` is what a snapshot takes and restores.
 */
export class ImageService {
  #store: ImageStore = EMPTY_STORE;

  constructor(
    readonly registry: Registry,
    readonly clock: VirtualClock,
    private readonly announce: (e: ImageEvent) => void = () => {},
  ) {}

  get store(): ImageStore {
    return this.#store;
  }

  /** Replaces the whole store (snapshot restore, or an operation's result). */
  set store(next: ImageStore) {
    if (next === this.#store) return;
    this.#store = next;
    this.announce({ type: 'images-changed' });
  }

  /** Applies a pure operation and keeps its new store; returns the operation's other results. */
  update<R extends { store: ImageStore }>(operation: (store: ImageStore) => R): R {
    const result = operation(this.#store);
    this.store = result.store;
    return result;
  }

  /** `docker pull` (also the implicit pull of `run` and `build`). */
  async pull(text: string, options: { signal?: AbortSignal; onProgress?: (p: PullProgress) => void } = {}): Promise<PullResult> {
    await this.registryReady();
    const result = await pull(text, () => this.#store, { registry: this.registry, clock: this.clock, now: () => this.clock.now(), ...options });
    this.store = result.store;
    return result;
  }

  /** Waits until the registry can answer (its data may load on first use); builds call this before resolving. */
  async registryReady(): Promise<void> {
    if (this.registry.load) await whileLoading(this.clock, this.registry.load());
  }
}

/** A registry that has nothing: for tests and machines without the catalog. */
export const EMPTY_REGISTRY: Registry = { resolve: () => ({ kind: 'no-repository' }) };
