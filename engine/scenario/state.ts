import { isDockerError } from '../core/errors.ts';
import type { Fs } from '../fs/types.ts';
import { PROJECT_DIR } from '../host/layout.ts';
import type { MachineInternals } from '../host/machine.ts';
import { getImage, repositoryOf } from '../image/get.ts';
import { canonicalString, parseReference, withDefaultTag } from '../image/reference.ts';
import type { ImageStore } from '../image/store.ts';
import type { Image } from '../image/types.ts';
import type { ContainerView } from '../runtime/containers/service.ts';

/** Reading the daemon's state the way `docker inspect` reports it; nothing here changes anything. */

/** The image REF names now (`mongo` = `mongo:latest`, an ID or ID prefix), or undefined. */
export function findImage(store: ImageStore, ref: string): Image | undefined {
  try {
    return getImage(store, ref);
  } catch (e) {
    if (isDockerError(e)) return undefined;
    throw e;
  }
}

/** `docker.io/library/mongo` for `mongo`, `mongo:7`; undefined for text that is no reference. */
export function repositoryOfRef(ref: string): string | undefined {
  try {
    return repositoryOf(canonicalString(withDefaultTag(parseReference(ref))));
  } catch (e) {
    if (isDockerError(e)) return undefined;
    throw e;
  }
}

/** Whether REF has a tag or digest of its own (`mongo:7`), rather than meaning "any mongo". */
export function hasTag(ref: string): boolean {
  try {
    const r = parseReference(ref);
    return r.tag !== undefined || r.digest !== undefined;
  } catch {
    return false;
  }
}

/**
 * The container runs REF: the same image ID as REF resolves to now, or, for a REF without a tag, an image of the
 * same repository by the name it was run with (`mongo` accepts `mongo:7`).
 */
export function runsImage(store: ImageStore, c: ContainerView, ref: string): boolean {
  const image = findImage(store, ref);
  if (image && image.id === c.record.imageId) return true;
  if (hasTag(ref)) return false;
  const wanted = repositoryOfRef(ref);
  return wanted !== undefined && repositoryOfRef(c.record.config.Image) === wanted;
}

/** Containers by exact name (the leading slash optional), or every container running from `{ image: REF }`. */
export function selectContainers(internals: MachineInternals, target: string | { readonly image: string }): ContainerView[] {
  const all = internals.runtime.list();
  if (typeof target === 'string') {
    const name = target.replace(/^\//, '');
    return all.filter((c) => c.record.name === name);
  }
  return all.filter((c) => runsImage(internals.images.store, c, target.image));
}

export function describeTarget(target: string | { readonly image: string }): string {
  return typeof target === 'string' ? `container ${target}` : `a container from ${target.image}`;
}

/** A container's filesystem as `docker cp` sees it, running or not, mounts included. Read only. */
export function containerFs(internals: MachineInternals, id: string): Fs {
  return internals.runtime.archiveFs(id).fs;
}

/** A host path from a scenario: relative paths are relative to the project folder. */
export function hostPath(path: string): string {
  return path.startsWith('/') ? path : `${PROJECT_DIR}/${path.replace(/^\.\//, '')}`;
}
