import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { setSha256 } from '../../../engine/fs/digest.ts';
import { layersOf } from '../../../engine/image/catalog/assemble.ts';
import { computeLayer } from '../../../engine/image/catalog/compute.ts';
import { GENERATED_LAYERS } from '../../../engine/image/catalog/generated.ts';
import { CATALOG_IMAGES } from '../../../engine/image/catalog/source/index.ts';
import type { LayerSpec } from '../../../engine/image/catalog/source/types.ts';

/** Native SHA-256: the pure-JS default would take minutes over the catalog's gigabytes. */
export function useNodeCrypto(): void {
  setSha256(() => {
    const h = createHash('sha256');
    return { update: (d) => void h.update(d), hex: () => h.digest('hex') };
  });
}

/** Every distinct layer, sorted by key. */
export function allLayerSpecs(): LayerSpec[] {
  const m = new Map<string, LayerSpec>();
  for (const image of CATALOG_IMAGES) for (const l of layersOf(image)) m.set(l.key, l);
  return [...m.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Rebuilds one share of the layers (so test files can hash in parallel) and compares with generated.ts. */
export function verifyLayerShare(share: number, shares: number): void {
  useNodeCrypto();
  allLayerSpecs().forEach((spec, i) => {
    if (i % shares !== share) return;
    const c = computeLayer(spec);
    expect([c.diffId, c.size, c.tarSize, c.compressedSize], spec.key).toEqual(GENERATED_LAYERS[spec.key]);
  });
}
