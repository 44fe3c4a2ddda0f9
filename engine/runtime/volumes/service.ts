import type { VirtualClock } from '../../core/clock.ts';
import type { IdState } from '../../core/ids.ts';
import type { Filters } from '../../image/filters.ts';
import { createVolume, type CreateVolumeResult } from './create.ts';
import { getVolume } from './get.ts';
import { listVolumes } from './list.ts';
import { pruneVolumes, type PruneVolumesResult } from './prune.ts';
import { removeVolume } from './remove.ts';
import { volumesDiskUsage, type VolumeUsage } from './size.ts';
import { EMPTY_VOLUME_STORE, setVolumeContent } from './store.ts';
import { CellFs } from '../../fs/cell-fs.ts';
import { EMPTY_DIR } from '../../fs/tree.ts';
import type { DirEntry, Fs } from '../../fs/types.ts';
import { NO_USERS, type StringMap, type Volume, type VolumeStore, type VolumeUsers } from './types.ts';

/** What the volume service tells the rest of the engine (and the page's pictures). */
export type VolumeEvent = { readonly type: 'volumes-changed' };

/** The machine's seeded ID state, which several services draw from in turn. */
export interface IdSource {
  get(): IdState;
  set(next: IdState): void;
}

export interface VolumeServiceOptions {
  readonly clock: VirtualClock;
  readonly ids: IdSource;
  /** Which containers reference a volume; the container runtime sets this when it exists. */
  usersOf?: VolumeUsers;
  readonly announce?: (e: VolumeEvent) => void;
}

/**
 * The daemon's volume service: the current volume store and the operations that change it. The operations are pure
 * functions over VolumeStore (engine/runtime/volumes/*.ts); this class holds the current value, draws anonymous
 * names from the machine's IDs, asks the container runtime who uses a volume, and announces changes. `store` is
 * what a snapshot takes and restores.
 */
export class VolumeService {
  #store: VolumeStore = EMPTY_VOLUME_STORE;
  readonly clock: VirtualClock;
  readonly #ids: IdSource;
  readonly #announce: (e: VolumeEvent) => void;
  /** Replaceable: the container runtime plugs in here once it exists. */
  usersOf: VolumeUsers;

  constructor(options: VolumeServiceOptions) {
    this.clock = options.clock;
    this.#ids = options.ids;
    this.usersOf = options.usersOf ?? NO_USERS;
    this.#announce = options.announce ?? (() => {});
  }

  get store(): VolumeStore {
    return this.#store;
  }

  /** Replaces the whole store (snapshot restore, a container writing through a mount, an operation's result). */
  set store(next: VolumeStore) {
    if (next === this.#store) return;
    this.#store = next;
    this.#announce({ type: 'volumes-changed' });
  }

  /** Applies a pure operation and keeps its new store; returns the operation's other results. */
  update<R extends { store: VolumeStore }>(operation: (store: VolumeStore) => R): R {
    const result = operation(this.#store);
    this.store = result.store;
    return result;
  }

  create(request: { name?: string; driver?: string; labels?: StringMap | null; options?: StringMap | null }): CreateVolumeResult {
    const result = this.update((store) => createVolume(store, { ...request, now: this.clock.now(), ids: this.#ids.get() }));
    this.#ids.set(result.ids);
    return result;
  }

  get(name: string): Volume {
    return getVolume(this.#store, name);
  }

  list(filters: Filters): Volume[] {
    return listVolumes(this.#store, filters, this.usersOf);
  }

  remove(name: string, force = false): boolean {
    return this.update((store) => removeVolume(store, name, { force, usersOf: this.usersOf })).removed;
  }

  prune(filters: Filters): PruneVolumesResult {
    return this.update((store) => pruneVolumes(store, filters, this.usersOf));
  }

  /** Replaces a volume's data (copy-up when a container is created). */
  setContent(name: string, content: DirEntry): void {
    this.store = setVolumeContent(this.#store, name, content);
  }

  /**
   * The volume's data as a filesystem for a container's mount: reads and writes go straight to the store, so
   * every container using the volume sees them and a snapshot holds them.
   */
  dataFs(name: string): Fs {
    return new CellFs({ get: () => this.#store.volumes.get(name)?.content ?? EMPTY_DIR, set: (content) => this.setContent(name, content) }, () => this.clock.nowSeconds());
  }

  /** The `system df` rows. */
  diskUsage(): VolumeUsage[] {
    return volumesDiskUsage(this.#store, this.usersOf);
  }
}
