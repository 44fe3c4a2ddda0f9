import { DockerError } from '../core/errors.ts';
import { familiarRef, referencesOf, isDigestReference } from './get.ts';
import type { ImageStore } from './store.ts';
import type { Image } from './types.ts';

/** One row of `GET /images/{name}/history` (the API's HistoryResponseItem). */
export interface HistoryItem {
  /** The image ID on the top row, its parents' below it while they are local, `<missing>` after that. */
  readonly id: string;
  /** Unix seconds; 0 when the history entry has no date. */
  readonly created: number;
  readonly createdBy: string;
  readonly comment: string;
  /** Bytes of the layer the entry made; 0 for entries with `empty_layer`. */
  readonly size: number;
  /** Familiar tags of the image, on the top row only. */
  readonly tags: readonly string[];
}

/**
 * The classic daemon's ImageHistory (daemon/images/image_history.go): the config's history, newest first, each
 * entry that made a layer paired with the next layer of rootfs and sized by it. The top row carries the image's ID
 * and tags, each row below its parent's while the parent chain is local (images the legacy builder committed);
 * the rest read `<missing>`, as they do for every pulled or BuildKit-built image.
 */
export function imageHistory(store: ImageStore, image: Image): HistoryItem[] {
  const rows: HistoryItem[] = [];
  let layer = 0;
  for (const h of image.config.history) {
    let size = 0;
    if (!h.empty_layer) {
      const chainId = image.layers[layer];
      if (chainId === undefined) throw new DockerError('Error response from daemon: too many non-empty layers in History section', 1);
      size = store.layers.get(chainId)?.size ?? 0;
      layer++;
    }
    rows.unshift({ id: '<missing>', created: unixSeconds(h.created), createdBy: h.created_by ?? '', comment: h.comment ?? '', size, tags: [] });
  }
  // Row by row, the image and then its parents while the store has them (only the legacy builder leaves parents).
  let current: Image | undefined = image;
  for (let i = 0; i < rows.length && current; i++) {
    const tags = referencesOf(store, current.id).filter((r) => !isDigestReference(r)).map(familiarRef);
    rows[i] = { ...rows[i]!, id: current.id, tags };
    current = current.parent === undefined ? undefined : store.images.get(current.parent);
  }
  return rows;
}

/** Go's Time.Unix of an RFC 3339 date: whole seconds, rounded down. */
export function unixSeconds(rfc3339: string | undefined): number {
  if (!rfc3339) return 0;
  const ms = Date.parse(rfc3339);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}
