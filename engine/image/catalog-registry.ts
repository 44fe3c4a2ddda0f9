import { catalogHasRepository, catalogImages, findCatalogImage } from './catalog/index.ts';
import type { Registry } from './registry.ts';

/**
 * Docker Hub as the machine sees it: the offline catalog behind the Registry interface. Only docker.io exists;
 * any other registry host is unreachable, as it would be from a classroom without that network.
 */
export const CATALOG_REGISTRY: Registry = {
  resolve(domain, path, { tag, digest }) {
    if (domain !== 'docker.io') return { kind: 'unreachable' };
    if (!catalogHasRepository(path)) return { kind: 'no-repository' };
    const image =
      tag !== undefined
        ? findCatalogImage(path, tag)
        : catalogImages().find((i) => i.repository === path && i.manifestDigest === digest);
    return image ? { kind: 'found', image } : { kind: 'no-tag' };
  },
};

/** The catalog's repositories, for `docker search` (loaded with the registry by lazy-catalog-registry.ts). */
export { catalogRepositories } from './catalog/index.ts';
