import { describe, expect, it } from 'vitest';
import { CATALOG_REGISTRY, catalogRepositories } from '../../engine/image/catalog-registry.ts';
import { catalogSearchIndex, LAZY_CATALOG_REGISTRY } from '../../engine/image/lazy-catalog-registry.ts';

describe('the lazily loaded catalog registry', () => {
  it('answers as the catalog does once loaded', async () => {
    await LAZY_CATALOG_REGISTRY.load!();
    for (const [path, tag] of [['library/alpine', 'latest'], ['library/node', '20-alpine'], ['library/nope', 'latest'], ['library/alpine', 'no-such-tag']] as const) {
      expect(LAZY_CATALOG_REGISTRY.resolve('docker.io', path, { tag })).toEqual(CATALOG_REGISTRY.resolve('docker.io', path, { tag }));
    }
    expect(LAZY_CATALOG_REGISTRY.resolve('ghcr.io', 'x/y', { tag: 'latest' })).toEqual({ kind: 'unreachable' });
  });

  it("lists the catalog's repositories for docker search", async () => {
    expect(await catalogSearchIndex()).toEqual(catalogRepositories());
  });
});
