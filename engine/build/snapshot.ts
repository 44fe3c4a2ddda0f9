import { digestBytes, diffIdOf } from '../fs/digest.ts';
import { union } from '../fs/union.ts';
import type { DirEntry } from '../fs/types.ts';
import { layerSize } from '../image/catalog/compute.ts';
import type { NewLayer } from '../image/store.ts';
import type { Snapshot } from './types.ts';

/**
 * A snapshot whose merged root is computed only when a step needs to look inside it: a fully cached build never
 * merges anything.
 */
export function snapshotOf(layers: readonly NewLayer[], key: string, root: DirEntry | (() => DirEntry) = () => union(layers.map((l) => l.tree))): Snapshot {
  let merged = typeof root === 'function' ? undefined : root;
  const compute = typeof root === 'function' ? root : () => root;
  return {
    layers,
    key,
    get root() {
      merged ??= compute();
      return merged;
    },
  };
}

/** The snapshot with one more layer on top; `root` when the caller already has the merged result (a RUN's). */
export function withLayer(base: Snapshot, layer: NewLayer, key: string, root?: DirEntry): Snapshot {
  return snapshotOf([...base.layers, layer], key, root ?? (() => union([base.root, layer.tree])));
}

export function newLayer(diff: DirEntry): NewLayer {
  return { diffId: diffIdOf(diff), size: layerSize(diff), tree: diff };
}

/** A cache key: the digest of what the operation is and what it ran on. */
export function cacheKey(parts: unknown): string {
  return digestBytes(JSON.stringify(parts));
}
