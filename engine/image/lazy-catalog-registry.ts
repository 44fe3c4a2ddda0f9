import { once } from '../core/loading.ts';
import type { SearchResult } from './search.ts';
import type { Registry } from './registry.ts';

/**
 * The offline catalog as a registry whose data (every official image's description, a large part of the engine)
 * loads with the first pull, build or search rather than with the page.
 */
const loadCatalog = once(() => import('./catalog-registry.ts'));

let loaded: Awaited<ReturnType<typeof loadCatalog>> | undefined;

export const LAZY_CATALOG_REGISTRY: Registry = {
  async load() {
    loaded ??= await loadCatalog();
  },
  resolve(domain, path, tagOrDigest) {
    if (!loaded) throw new Error('the image catalog was asked before it loaded (Registry.load must settle first)');
    return loaded.CATALOG_REGISTRY.resolve(domain, path, tagOrDigest);
  },
};

/** The catalog's repositories, for `docker search`. */
export async function catalogSearchIndex(): Promise<readonly SearchResult[]> {
  return (await loadCatalog()).catalogRepositories();
}
