import { DockerError, isDockerError } from '../core/errors.ts';
import { boolFilter, matchLabels, validateFilters, type Filters } from './filters.ts';
import { createdSeconds, isDigestReference, referencesOf } from './get.ts';
import { parseTimestamp } from './list.ts';
import { deleteImage, type DeleteOptions, type DeleteRecord } from './remove.ts';
import type { ImageStore } from './store.ts';

export interface PruneResult {
  readonly store: ImageStore;
  readonly records: readonly DeleteRecord[];
  /** Bytes of the layers deleted. */
  readonly spaceReclaimed: number;
}

export interface PruneOptions extends Pick<DeleteOptions, 'containersUsing' | 'layerInUse'> {
  /** Carries `dangling=true` (the default) or `dangling=false` (`-a`), as the CLI adds it. */
  readonly filters: Filters;
  readonly now: number;
}

const ACCEPTED = ['dangling', 'label', 'label!', 'until'];

/**
 * The classic daemon's ImagePrune: dangling images (no tag), or with `dangling=false` every image, each removed as
 * `docker rmi` without force would (by each of its references, or by ID when it has none). Images a container uses
 * fail with a conflict and are skipped silently. The reclaimed space is the size of the layers deleted.
 */
export function pruneImages(start: ImageStore, options: PruneOptions): PruneResult {
  const { filters } = options;
  validateFilters(filters, ACCEPTED);
  const danglingOnly = boolFilter(filters, 'dangling', true);
  const untilValues = filters.get('until') ?? [];
  if (untilValues.length > 1) {
    throw new DockerError('Error response from daemon: more than one until filter specified', 1, 'EFILTER');
  }
  const until = untilValues.length === 1 ? parseTimestamp(untilValues[0]!, options.now) : undefined;

  const candidates = [...start.images.values()]
    .filter((img) => until === undefined || createdSeconds(img) <= until)
    .filter((img) => matchLabels(filters, 'label', img.config.config.Labels) && !(filters.has('label!') && matchLabels(filters, 'label!', img.config.config.Labels)))
    // Go walks a map here; newest first keeps the output stable.
    .sort((a, b) => createdSeconds(b) - createdSeconds(a) || (a.id < b.id ? -1 : 1));

  let store = start;
  const records: DeleteRecord[] = [];
  const attempt = (text: string) => {
    try {
      const result = deleteImage(store, text, { force: false, prune: true, ...pick(options) });
      store = result.store;
      records.push(...result.records);
    } catch (e) {
      if (!isDockerError(e)) throw e;
    }
  };
  // An untagged image with children is an intermediate image (the legacy builder's steps), not a dangling one.
  const hasChildren = (id: string) => [...store.images.values()].some((i) => i.parent === id);
  for (const image of candidates) {
    if (!store.images.has(image.id) || (danglingOnly && hasChildren(image.id))) continue;
    const refs = referencesOf(store, image.id);
    if (refs.length > 0) {
      if (danglingOnly && refs.some((r) => !isDigestReference(r))) continue;
      for (const r of refs) attempt(r);
    } else if (store.images.has(image.id)) attempt(image.id.slice(7));
  }
  let spaceReclaimed = 0;
  for (const r of records) {
    if ('deleted' in r) spaceReclaimed += start.layers.get(r.deleted)?.size ?? 0;
  }
  return { store, records, spaceReclaimed };
}

function pick(options: PruneOptions): Pick<DeleteOptions, 'containersUsing' | 'layerInUse'> {
  return {
    ...(options.containersUsing ? { containersUsing: options.containersUsing } : {}),
    ...(options.layerInUse ? { layerInUse: options.layerInUse } : {}),
  };
}
