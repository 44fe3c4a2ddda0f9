import { volumeOpError } from './errors.ts';
import { getVolume } from './get.ts';
import { deleteVolume } from './store.ts';
import { NO_USERS, type VolumeStore, type VolumeUsers } from './types.ts';

export interface RemoveVolumeOptions {
  /** `docker volume rm -f`: a volume that does not exist is not an error. A volume in use is still refused. */
  readonly force?: boolean;
  readonly usersOf?: VolumeUsers;
}

/**
 * `DELETE /volumes/<name>` (moby VolumesService.Remove): refused while any container, running or stopped,
 * references the volume, naming them all: `remove <name>: volume is in use - [<id>, <id>]`.
 */
export function removeVolume(store: VolumeStore, name: string, options: RemoveVolumeOptions = {}): { store: VolumeStore; removed: boolean } {
  if (options.force && !store.volumes.has(name)) return { store, removed: false };
  const v = getVolume(store, name);
  const users = (options.usersOf ?? NO_USERS)(v.name);
  if (users.length > 0) throw volumeOpError('remove', v.name, 'volume is in use', 'EINUSE', users);
  return { store: deleteVolume(store, v.name), removed: true };
}
