import { DockerError } from '../core/errors.ts';
import { tarChunks, tarLength } from '../fs/tar.ts';
import type { DirEntry, FileContent } from '../fs/types.ts';
import { archiveLength, saveArchive, type SaveImage, type SaveLayer, type SaveOptions } from './archive/index.ts';
import { familiarRef, getImage, isDigestReference, noSuchImage, repositoryOf } from './get.ts';
import { canonicalString, familiarName, parseReference, withDefaultTag } from './reference.ts';
import type { ImageStore } from './store.ts';
import type { Digest, Image } from './types.ts';

const daemonError = (message: string) => new DockerError(`Error response from daemon: ${message}`, 1, 'ESAVE');

/**
 * What `docker save NAME...` exports, as the classic daemon's tarexport.parseNames picks it: a bare repository name
 * means every tag (and digest) of that repository, else an image ID or ID prefix; `repo:tag` and `repo@digest` must
 * exist as references (`reference does not exist` otherwise); a full ID or `sha256:` prefix names the image alone,
 * with no tags. Images come back once each, in the order first named, with the tags that named them.
 */
export function imagesToSave(store: ImageStore, names: readonly string[]): SaveImage[] {
  const picked = new Map<Digest, string[]>();
  const add = (id: Digest, canonicalTag?: string) => {
    const tags = picked.get(id) ?? [];
    if (!picked.has(id)) picked.set(id, tags);
    if (canonicalTag !== undefined && !tags.includes(canonicalTag)) tags.push(canonicalTag);
  };

  for (const name of names) {
    if (/^[0-9a-f]{64}$/.test(name)) {
      add(getImage(store, name).id);
      continue;
    }
    let ref;
    try {
      ref = parseReference(name);
    } catch (e) {
      if (e instanceof DockerError) throw daemonError(e.message);
      throw e;
    }
    if (familiarName(ref) === 'sha256') {
      add(searchById(store, name).id);
      continue;
    }
    if (ref.tag === undefined && ref.digest === undefined) {
      const repository = `${ref.domain}/${ref.path}`;
      const refs = [...store.tags.keys(), ...[...store.images.values()].flatMap((i) => i.repoDigests)]
        .filter((r) => repositoryOf(r) === repository)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (refs.length === 0) add(searchById(store, name).id);
      for (const r of refs) add(imageOfReference(store, r)!.id, isDigestReference(r) ? undefined : r);
      continue;
    }
    const canonical = canonicalString(withDefaultTag(ref));
    const image = imageOfReference(store, canonical);
    if (!image) throw daemonError('reference does not exist');
    add(image.id, ref.digest !== undefined ? undefined : canonical);
  }

  return [...picked].map(([id, tags]) => {
    const image = store.images.get(id)!;
    return { id, configJson: image.configJson, repoTags: tags.map(familiarRef), layers: saveLayers(store, image) };
  });
}

function imageOfReference(store: ImageStore, canonical: string): Image | undefined {
  if (isDigestReference(canonical)) return [...store.images.values()].find((i) => i.repoDigests.includes(canonical));
  const id = store.tags.get(canonical);
  return id !== undefined ? store.images.get(id) : undefined;
}

/** The image store's Search: an ID or unique ID prefix, `sha256:` optional, in the store's own words. */
function searchById(store: ImageStore, term: string): Image {
  const hex = /^(?:sha256:)?([0-9a-f]+)$/.exec(term)?.[1];
  const matches = hex === undefined ? [] : [...store.images.values()].filter((i) => i.id.slice(7).startsWith(hex));
  if (matches.length === 1) return matches[0]!;
  throw noSuchImage(term);
}

function saveLayers(store: ImageStore, image: Image): SaveLayer[] {
  return image.layers.map((chainId) => {
    const layer = store.layers.get(chainId)!;
    return { diffId: layer.diffId, size: tarSize(layer.tree), tar: () => tarChunks(layer.tree), tree: layer.tree };
  });
}

// Layer trees are immutable and shared between images, so a tar's length is worth remembering.
const tarSizes = new WeakMap<DirEntry, number>();

/** The byte length of a layer's tar, which the archive needs before the bytes. */
export function tarSize(tree: DirEntry): number {
  let n = tarSizes.get(tree);
  if (n === undefined) {
    n = tarLength(tree);
    tarSizes.set(tree, n);
  }
  return n;
}

/**
 * The archive `docker save` writes, as file content that is produced when read: saving node:20 (1.1 GB) costs
 * nothing until someone reads the file, and each read gives the same bytes, since the images are an immutable value.
 */
export function archiveContent(images: readonly SaveImage[], options: SaveOptions): FileContent {
  const size = archiveLength(images, options);
  const trees = new Map<Digest, DirEntry>();
  for (const image of images) for (const l of image.layers) if (l.tree !== undefined) trees.set(l.diffId, l.tree);
  const content: FileContent = { kind: 'lazy', size, chunks: (start = 0) => saveArchive(images, options, start), trees };
  if (images.every((i) => i.layers.every((l) => l.tree !== undefined))) {
    recipes.set(content, {
      options: { ...options },
      images: images.map((i) => ({
        id: i.id,
        configJson: i.configJson,
        repoTags: i.repoTags,
        ...(i.parent !== undefined ? { parent: i.parent } : {}),
        layers: i.layers.map((l) => ({ diffId: l.diffId, size: l.size, tree: l.tree! })),
      })),
    });
  }
  return content;
}

/**
 * What an archive was made from, as plain values: a saved session keeps this instead of the archive's bytes (which
 * can be a gigabyte) and makes the same archive again with `archiveFromRecipe`.
 */
export interface ArchiveRecipe {
  readonly options: SaveOptions;
  readonly images: readonly (Omit<SaveImage, 'layers'> & { readonly layers: readonly { readonly diffId: Digest; readonly size: number; readonly tree: DirEntry }[] })[];
}

// Every layer of an archive is made from its tree (saveLayers), so the trees are all it takes to make it again.
const recipes = new WeakMap<FileContent, ArchiveRecipe>();

export function archiveRecipe(content: FileContent): ArchiveRecipe | undefined {
  return recipes.get(content);
}

export function archiveFromRecipe(recipe: ArchiveRecipe): FileContent {
  const images = recipe.images.map((i) => ({ ...i, layers: i.layers.map((l) => ({ ...l, tar: () => tarChunks(l.tree) })) }));
  return archiveContent(images, recipe.options);
}
