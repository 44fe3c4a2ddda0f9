import type { DirEntry } from '../../fs/types.ts';
import type { Volume, VolumeStore } from './types.ts';

export const EMPTY_VOLUME_STORE: VolumeStore = { volumes: new Map() };

/** Adds or replaces a volume. */
export function putVolume(store: VolumeStore, volume: Volume): VolumeStore {
  const volumes = new Map(store.volumes);
  volumes.set(volume.name, volume);
  return { volumes };
}

export function deleteVolume(store: VolumeStore, name: string): VolumeStore {
  if (!store.volumes.has(name)) return store;
  const volumes = new Map(store.volumes);
  volumes.delete(name);
  return { volumes };
}

/** Replaces a volume's data (what a container wrote through its mount); unknown names leave the store as it is. */
export function setVolumeContent(store: VolumeStore, name: string, content: DirEntry): VolumeStore {
  const v = store.volumes.get(name);
  if (!v || v.content === content) return store;
  return putVolume(store, { ...v, content });
}
