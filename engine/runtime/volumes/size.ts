import { entrySize, walk } from '../../fs/tree.ts';
import { NO_USERS, type Volume, type VolumeStore, type VolumeUsers } from './types.ts';

/**
 * What moby's directory.Size counts for a volume's data: the bytes of every file and symlink, directories not at
 * all. (It also counts a hard-linked inode once; these trees have no hard links.)
 */
export function volumeSize(v: Volume): number {
  let size = 0;
  for (const [, entry] of walk(v.content)) if (entry.type !== 'dir') size += entrySize(entry);
  return size;
}

/** A local volume as `system df` reports it. */
export interface VolumeUsage {
  readonly name: string;
  /** How many containers reference it. */
  readonly refCount: number;
  readonly size: number;
}

/**
 * moby's LocalVolumesSize: local volumes without mount options (one with `type`/`device` is someone else's
 * storage, so its size is not the daemon's to count), by name.
 */
export function volumesDiskUsage(store: VolumeStore, usersOf: VolumeUsers = NO_USERS): VolumeUsage[] {
  return [...store.volumes.values()]
    .filter((v) => v.driver === 'local' && Object.keys(v.options ?? {}).length === 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((v) => ({ name: v.name, refCount: usersOf(v.name).length, size: volumeSize(v) }));
}
