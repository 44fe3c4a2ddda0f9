import { DockerError } from '../core/errors.ts';
import { familiarRef, getImage, isDigestReference, referencesOf, repositoryOf } from './get.ts';
import { canonicalString, familiarString, parseReference, withDefaultTag } from './reference.ts';
import { putImage, removeImage, removeTag, type ImageStore } from './store.ts';
import type { Digest } from './types.ts';

/** A container that was created from an image, as image removal needs to know it. */
export interface ContainerUse {
  readonly id: string;
  readonly running: boolean;
}

/** One line of `docker rmi` (`Untagged: node:20`, `Deleted: sha256:…`). */
export type DeleteRecord = { readonly untagged: string } | { readonly deleted: Digest };

export interface DeleteOptions {
  readonly force: boolean;
  /** Remove untagged parents too (`--no-prune` turns it off); parents only exist for legacy-builder images. */
  readonly prune: boolean;
  /** Containers created from an image: [] until the container runtime exists. */
  readonly containersUsing?: (imageId: Digest) => readonly ContainerUse[];
  /** Layers something other than an image holds (a container's writable layer sits on its image's chain). */
  readonly layerInUse?: (chainId: Digest) => boolean;
}

export interface DeleteResult {
  readonly store: ImageStore;
  readonly records: readonly DeleteRecord[];
}

const short = (id: string) => id.slice(id.indexOf(':') + 1, id.indexOf(':') + 13);

function conflict(message: string): DockerError {
  return new DockerError(`Error response from daemon: ${message}`, 1, 'ECONFLICT');
}

/**
 * The classic store's ImageDelete (moby daemon/images/image_delete.go). A name removes that reference; when it was
 * the repository's last tag the repository's digest references go too, and when nothing names the image any more
 * the image itself is deleted, quietly keeping it if a container still needs it. An ID deletes the image, which
 * needs `-f` when several tags name it or a stopped container uses it, and cannot be done while a container runs.
 * Deleting lists the image ID, then the chainIDs of the layers no other image (or container) still uses, top first.
 */
export function deleteImage(start: ImageStore, text: string, options: DeleteOptions): DeleteResult {
  let store = start;
  const records: DeleteRecord[] = [];
  const using = (id: Digest) => options.containersUsing?.(id) ?? [];
  const image = getImage(store, text);
  const id = image.id;
  let refs = referencesOf(store, id);

  const unref = (ref: string) => {
    store = removeReference(store, id, ref);
    records.push({ untagged: familiarRef(ref) });
  };

  let quiet = false;
  if (!isImageIdPrefix(id, text)) {
    if (!options.force && isSingleReference(refs)) {
      const user = using(id)[0];
      if (user) {
        throw conflict(
          `conflict: unable to remove repository reference "${text}" (must force) - container ${short(user.id)} is using its referenced image ${short(id)}`,
        );
      }
    }
    const parsed = withDefaultTag(parseReference(text));
    const key = canonicalString(parsed);
    store = removeReference(store, id, key);
    records.push({ untagged: familiarString(parsed) });
    refs = referencesOf(store, id);
    if (parsed.digest === undefined) {
      // A repository's digest references go with its last tag.
      const repo = repositoryOf(key);
      if (!refs.some((r) => !isDigestReference(r) && repositoryOf(r) === repo)) {
        for (const r of refs) if (isDigestReference(r) && repositoryOf(r) === repo) unref(r);
        refs = referencesOf(store, id);
      }
    }
    if (refs.length > 0) return { store, records };
    quiet = true;
  } else if (isSingleReference(refs)) {
    const found = findConflict(store, id, options.force ? HARD : HARD | STOPPED, using);
    if (found) throw conflict(found.message);
    for (const r of refs) unref(r);
  }

  const found = findConflict(store, id, options.force ? HARD : HARD | SOFT, using);
  if (found) {
    // After an untag, a conflict only matters when it leaves an unused image nobody can name.
    if (quiet && (referencesOf(store, id).length > 0 || found.used)) return { store, records };
    throw conflict(found.message);
  }
  for (const r of referencesOf(store, id)) unref(r);
  store = deleteWithParents(store, image.id, records, options, using);
  return { store, records };
}

/**
 * moby's imageDeleteHelper from the point where the image goes: its record and unused layers, then (unless
 * `--no-prune`) its parent, quietly, if nothing names or needs that one any more, and so on up the chain the
 * legacy builder left.
 */
function deleteWithParents(start: ImageStore, id: Digest, records: DeleteRecord[], options: DeleteOptions, using: (id: Digest) => readonly ContainerUse[]): ImageStore {
  let store = start;
  for (let current: Digest | undefined = id; current !== undefined; ) {
    const image = store.images.get(current);
    if (!image) break;
    const held = using(current).length > 0;
    const removed = removeImage(store, current, (chain) => (held && image.layers.includes(chain)) || (options.layerInUse?.(chain) ?? false));
    store = removed.store;
    records.push({ deleted: current }, ...removed.deletedLayers.map((l) => ({ deleted: l })));
    const parent = image.parent;
    if (!options.prune || parent === undefined || !store.images.has(parent)) break;
    if (referencesOf(store, parent).length > 0 || findConflict(store, parent, HARD | SOFT, using)) break;
    current = parent;
  }
  return store;
}

const RUNNING = 1;
const REFERENCES = 2;
const STOPPED = 4;
const DEPENDENT_CHILD = 8;
const HARD = RUNNING | DEPENDENT_CHILD;
const SOFT = REFERENCES | STOPPED;

function findConflict(
  store: ImageStore,
  id: Digest,
  mask: number,
  using: (id: Digest) => readonly ContainerUse[],
): { message: string; used: boolean } | undefined {
  const prefix = `conflict: unable to delete ${short(id)}`;
  if (mask & DEPENDENT_CHILD && [...store.images.values()].some((i) => i.parent === id)) {
    return { message: `${prefix} (cannot be forced) - image has dependent child images`, used: false };
  }
  const containers = using(id);
  const running = containers.find((c) => c.running);
  if (mask & RUNNING && running) {
    return { message: `${prefix} (cannot be forced) - image is being used by running container ${short(running.id)}`, used: true };
  }
  if (mask & REFERENCES && referencesOf(store, id).length > 0) {
    return { message: `${prefix} (must be forced) - image is referenced in multiple repositories`, used: false };
  }
  const stopped = containers.find((c) => !c.running);
  if (mask & STOPPED && stopped) {
    return { message: `${prefix} (must be forced) - image is being used by stopped container ${short(stopped.id)}`, used: true };
  }
  return undefined;
}

/** All references are in one repository and at most one is a tag (moby's isSingleReference). */
function isSingleReference(refs: readonly string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: string | undefined;
  const digestRepos = new Set<string>();
  for (const r of refs) {
    if (isDigestReference(r)) digestRepos.add(repositoryOf(r));
    else if (single === undefined) single = r;
    else return false;
  }
  return digestRepos.size === 1 && digestRepos.has(repositoryOf(single ?? refs[0]!));
}

function isImageIdPrefix(id: Digest, text: string): boolean {
  return id.startsWith(text) || id.slice(id.indexOf(':') + 1).startsWith(text);
}

function removeReference(store: ImageStore, id: Digest, ref: string): ImageStore {
  if (!isDigestReference(ref)) return removeTag(store, ref);
  const image = store.images.get(id);
  if (!image || !image.repoDigests.includes(ref)) return store;
  return putImage(store, { ...image, repoDigests: image.repoDigests.filter((r) => r !== ref) });
}
