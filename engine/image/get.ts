import { DockerError } from '../core/errors.ts';
import { canonicalString, familiarString, parseReference, withDefaultTag, type Reference } from './reference.ts';
import type { ImageStore } from './store.ts';
import type { Digest, Image } from './types.ts';

/**
 * The classic daemon's GetImage: what `rmi`, `tag`, the `before`/`since` filters and the rest accept as an image,
 * failing with the daemon's own words. A full ID (`sha256:` optional) is an ID; anything else is a reference first
 * (`node` means `node:latest`) and then a unique ID prefix. An ambiguous prefix is simply not found, as the
 * graphdriver store reports it.
 */
export function getImage(store: ImageStore, text: string): Image {
  const fullId = /^(?:sha256:)?([0-9a-f]{64})$/.exec(text);
  if (fullId) {
    const image = store.images.get(`sha256:${fullId[1]}`);
    if (image) return image;
    throw noSuchImage(`sha256:${fullId[1]}`);
  }
  let ref: Reference;
  try {
    ref = parseReference(text);
  } catch (e) {
    if (e instanceof DockerError) throw new DockerError(`Error response from daemon: ${e.message}`, 1, e.code);
    throw e;
  }
  const byRef = lookupReference(store, ref);
  if (byRef) return byRef;
  const prefix = /^(?:sha256:)?([0-9a-f]+)$/.exec(text);
  if (prefix) {
    const matches = [...store.images.keys()].filter((id) => id.slice(7).startsWith(prefix[1]!));
    if (matches.length === 1) return store.images.get(matches[0]!)!;
  }
  throw noSuchImage(familiarString(withDefaultTag(ref)));
}

function lookupReference(store: ImageStore, ref: Reference): Image | undefined {
  if (ref.digest !== undefined) {
    const key = canonicalString({ domain: ref.domain, path: ref.path, digest: ref.digest });
    return [...store.images.values()].find((i) => i.repoDigests.includes(key));
  }
  const id = store.tags.get(canonicalString(withDefaultTag(ref)));
  return id !== undefined ? store.images.get(id) : undefined;
}

export function noSuchImage(shown: string): DockerError {
  return new DockerError(`Error response from daemon: No such image: ${shown}`, 1, 'ENOIMAGE');
}

/**
 * Every reference naming an image, tags and digests together (`docker.io/library/node:20`,
 * `docker.io/library/node@sha256:…`), in the reference store's lexical order.
 */
export function referencesOf(store: ImageStore, id: Digest): string[] {
  const refs = [...store.tags].filter(([, target]) => target === id).map(([ref]) => ref);
  refs.push(...(store.images.get(id)?.repoDigests ?? []));
  return refs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether a canonical reference is a digest reference (`…@sha256:…`). */
export function isDigestReference(ref: string): boolean {
  return ref.includes('@');
}

/** The repository part of a canonical reference: `docker.io/library/node` for `docker.io/library/node:20`. */
export function repositoryOf(ref: string): string {
  const at = ref.indexOf('@');
  if (at >= 0) return ref.slice(0, at);
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? ref.slice(0, colon) : ref;
}

/** A canonical reference as the CLI shows it: `node:20`, `node@sha256:…`, `curlimages/curl:8`. */
export function familiarRef(ref: string): string {
  return familiarString(parseReference(ref));
}

/** The image's `created` as Unix seconds (0 when missing or unreadable), as the API's Created field carries it. */
export function createdSeconds(image: Image): number {
  const ms = Date.parse(image.config.created);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}
