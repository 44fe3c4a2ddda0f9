import { createdSeconds, familiarRef, isDigestReference, referencesOf } from './get.ts';
import { imageSize, type ImageStore } from './store.ts';
import type { Digest } from './types.ts';

/** One image as `GET /system/df` lists it (the API's image Summary with shared sizes and container counts). */
export interface ImageUsage {
  readonly id: Digest;
  readonly repoTags: readonly string[];
  /** Unix seconds. */
  readonly created: number;
  readonly size: number;
  /** Bytes of its layers that at least one other image also uses. */
  readonly sharedSize: number;
  readonly containers: number;
}

export interface ImagesDiskUsage {
  /** Every layer any image uses, each counted once: the SIZE of the Images row. */
  readonly layersSize: number;
  /** Newest first. */
  readonly images: readonly ImageUsage[];
}

/**
 * The image half of the classic daemon's disk usage (daemon/images/image_list.go with SharedSize and
 * ContainerCount): a layer is shared when more than one image's chain holds it, and the total counts each stored
 * layer once however many images use it. `containersOf` counts the containers created from an image.
 */
export function imagesDiskUsage(store: ImageStore, containersOf: (imageId: Digest) => number = () => 0): ImagesDiskUsage {
  const users = new Map<Digest, number>();
  for (const image of store.images.values()) for (const l of new Set(image.layers)) users.set(l, (users.get(l) ?? 0) + 1);
  let layersSize = 0;
  for (const [chainId, layer] of store.layers) if (users.has(chainId)) layersSize += layer.size;

  const images = [...store.images.values()].map((image) => {
    const refs = referencesOf(store, image.id);
    return {
      id: image.id,
      repoTags: refs.filter((r) => !isDigestReference(r)).map(familiarRef),
      created: createdSeconds(image),
      size: imageSize(store, image),
      sharedSize: image.layers.reduce((n, l) => n + ((users.get(l) ?? 0) > 1 ? (store.layers.get(l)?.size ?? 0) : 0), 0),
      containers: containersOf(image.id),
    };
  });
  // The daemon sorts by creation date, newest first; the sort is stable, so equal dates keep store order.
  images.sort((a, b) => b.created - a.created);
  return { layersSize, images };
}
