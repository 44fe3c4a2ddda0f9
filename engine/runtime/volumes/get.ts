import { noSuchVolume } from './errors.ts';
import type { Volume, VolumeStore } from './types.ts';

/** A volume by its exact name (volumes have no IDs or prefixes); `get <name>: no such volume` otherwise. */
export function getVolume(store: VolumeStore, name: string): Volume {
  const v = store.volumes.get(name);
  if (!v) throw noSuchVolume(name);
  return v;
}
