import { DockerError } from '../core/errors.ts';
import { getImage } from './get.ts';
import { familiarName, withDefaultTag, type Reference } from './reference.ts';
import { putImage, setTag, type ImageStore } from './store.ts';
import type { Digest } from './types.ts';

/**
 * The daemon's side of `docker tag`: finds SOURCE as GetImage does and points the target tag at it (moving the tag
 * if it named another image, which that image survives untagged), recording the time as the image's LastTagTime.
 * The client has already parsed the target and refused digests.
 */
export function tagImage(store: ImageStore, source: string, target: Reference, now: number): { store: ImageStore; id: Digest } {
  if (familiarName(target) === 'sha256') {
    throw new DockerError('Error response from daemon: refusing to create an ambiguous tag using digest algorithm as name', 1, 'EREFERENCE');
  }
  const image = getImage(store, source);
  const tagged = setTag(store, withDefaultTag(target), image.id).store;
  return { store: putImage(tagged, { ...image, lastTagTime: now }), id: image.id };
}
