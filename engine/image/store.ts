import { chainId as chainIdOf } from '../fs/digest.ts';
import type { DirEntry } from '../fs/types.ts';
import { canonicalString, parseReference, withDefaultTag, type Reference } from './reference.ts';
import type { Digest, Image, Layer } from './types.ts';

/**
 * The image store as one immutable value: layers by chainID, images by ID, and the reference store (tags). Every
 * operation returns a new store that shares everything it did not change, so a snapshot is just the value.
 * Nothing counts references by hand: a layer is in use exactly when some image's chain (or a container, through
 * the `inUse` predicate) names it, which cannot drift out of step.
 */
export interface ImageStore {
  readonly layers: ReadonlyMap<Digest, Layer>;
  readonly images: ReadonlyMap<Digest, Image>;
  /** `docker.io/library/node:20` → image ID, in the order the tags were made. */
  readonly tags: ReadonlyMap<string, Digest>;
}

export const EMPTY_STORE: ImageStore = { layers: new Map(), images: new Map(), tags: new Map() };

export interface NewLayer {
  readonly diffId: Digest;
  readonly size: number;
  readonly tree: DirEntry;
}

/** Stores a stack of layers (bottom first), reusing any chain already present; returns the chainIDs. */
export function addLayers(store: ImageStore, stack: readonly NewLayer[]): { store: ImageStore; chain: Digest[] } {
  let layers: Map<Digest, Layer> | undefined;
  const chain: Digest[] = [];
  const diffIds: Digest[] = [];
  for (const l of stack) {
    diffIds.push(l.diffId);
    const id = chainIdOf(diffIds);
    if (!(layers ?? store.layers).has(id)) {
      layers ??= new Map(store.layers);
      layers.set(id, { chainId: id, diffId: l.diffId, ...(chain.length > 0 ? { parent: chain.at(-1)! } : {}), size: l.size, tree: l.tree });
    }
    chain.push(id);
  }
  return { store: layers ? { ...store, layers } : store, chain };
}

/** Adds (or replaces) an image record. Its layers must already be stored. */
export function putImage(store: ImageStore, image: Image): ImageStore {
  for (const id of image.layers) if (!store.layers.has(id)) throw new Error(`image ${image.id} refers to missing layer ${id}`);
  const images = new Map(store.images);
  images.set(image.id, image);
  return { ...store, images };
}

/** Points `ref` (tag form) at an image; returns the image the tag pointed at before, if any. */
export function setTag(store: ImageStore, ref: Reference, id: Digest): { store: ImageStore; previous?: Digest } {
  const key = canonicalString(withDefaultTag(ref));
  const previous = store.tags.get(key);
  const tags = new Map(store.tags);
  // Re-tagging moves the tag to the end, like a freshly made one.
  tags.delete(key);
  tags.set(key, id);
  return { store: { ...store, tags }, ...(previous !== undefined && previous !== id ? { previous } : {}) };
}

export function removeTag(store: ImageStore, canonicalRef: string): ImageStore {
  if (!store.tags.has(canonicalRef)) return store;
  const tags = new Map(store.tags);
  tags.delete(canonicalRef);
  return { ...store, tags };
}

/** Canonical references that name `id`, in tag order. */
export function tagsOf(store: ImageStore, id: Digest): string[] {
  return [...store.tags].filter(([, target]) => target === id).map(([ref]) => ref);
}

/**
 * Removes an image record and every layer no image (and nothing `inUse` reports, such as a container's image) still
 * needs; returns the chainIDs deleted, top first, as `docker rmi` lists them.
 */
export function removeImage(store: ImageStore, id: Digest, inUse: (chainId: Digest) => boolean = () => false): { store: ImageStore; deletedLayers: Digest[] } {
  const image = store.images.get(id);
  if (!image) return { store, deletedLayers: [] };
  const images = new Map(store.images);
  images.delete(id);
  const tags = new Map([...store.tags].filter(([, target]) => target !== id));
  return releaseLayers({ layers: store.layers, images, tags }, image.layers, inUse);
}

/**
 * Deletes the layers of `chain` (bottom first) that no image and nothing `inUse` reports still needs, as the layer
 * store does when a reference to them goes (an image, or the container that kept a force-removed image's layers);
 * returns the chainIDs deleted, top first.
 */
export function releaseLayers(store: ImageStore, chain: readonly Digest[], inUse: (chainId: Digest) => boolean = () => false): { store: ImageStore; deletedLayers: Digest[] } {
  const needed = new Set<Digest>();
  for (const image of store.images.values()) for (const l of image.layers) needed.add(l);
  const deletedLayers = [...chain].reverse().filter((l) => store.layers.has(l) && !needed.has(l) && !inUse(l));
  if (deletedLayers.length === 0) return { store, deletedLayers };
  const layers = new Map(store.layers);
  for (const l of deletedLayers) layers.delete(l);
  return { store: { ...store, layers }, deletedLayers };
}

/** Bytes an image occupies: the sum of its layers (what `docker images` shows as SIZE). */
export function imageSize(store: ImageStore, image: Image): number {
  return image.layers.reduce((n, l) => n + (store.layers.get(l)?.size ?? 0), 0);
}

/**
 * What a user's word names, as the classic store looks it up: a reference first (`node` is `node:latest`), then
 * an image ID or unique ID prefix (with or without `sha256:`). Undefined when nothing matches.
 */
export function resolveImage(store: ImageStore, text: string): Image | undefined {
  const hex = text.startsWith('sha256:') ? text.slice(7) : text;
  let ref: Reference | undefined;
  try {
    ref = parseReference(text);
  } catch {
    ref = undefined;
  }
  if (ref && ref.digest === undefined) {
    const id = store.tags.get(canonicalString(withDefaultTag(ref)));
    if (id) return store.images.get(id);
  }
  if (ref?.digest !== undefined) {
    const key = canonicalString({ domain: ref.domain, path: ref.path, digest: ref.digest });
    const byDigest = [...store.images.values()].find((i) => i.repoDigests.includes(key));
    if (byDigest) return byDigest;
  }
  if (/^[0-9a-f]{1,64}$/.test(hex)) {
    const matches = [...store.images.keys()].filter((id) => id.slice(7).startsWith(hex));
    if (matches.length === 1) return store.images.get(matches[0]!);
  }
  return undefined;
}
