import { LAZY_CATALOG_REGISTRY } from '../image/lazy-catalog-registry.ts';
import { loadProgramTables } from '../programs/lazy.ts';

/**
 * Fetches every part of the engine that otherwise loads on first use: the programs containers run, the host's less
 * common coreutils, the less common docker commands, the image catalog and the builder. The page calls this once it
 * is idle, so the first `docker run` or `docker build` does not wait for a download and the code is in memory should
 * the network go away.
 */
export async function preloadLazyCode(): Promise<void> {
  await Promise.all([
    loadProgramTables(),
    import('../programs/coreutils/index.ts'),
    LAZY_CATALOG_REGISTRY.load!(),
    import('../build/builder.ts'),
    import('../cli/commands/build.ts'),
    import('../cli/commands/on-demand.ts'),
  ]);
}
