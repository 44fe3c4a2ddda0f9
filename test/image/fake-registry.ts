import { makeDir, makeFile } from '../../engine/fs/tree.ts';
import { syntheticContent } from '../../engine/fs/content.ts';
import { diffIdOf } from '../../engine/fs/digest.ts';
import { digestBytes } from '../../engine/fs/digest.ts';
import type { Registry, RegistryImage, RegistryLayer } from '../../engine/image/registry.ts';
import type { HistoryEntry, ImageConfig } from '../../engine/image/types.ts';

/** A layer holding one synthetic file of `size` bytes. */
export function layer(name: string, size: number): RegistryLayer {
  const tree = makeDir([[name, makeFile(syntheticContent(`test:${name}`, size))]]);
  return { diffId: diffIdOf(tree), size, compressedSize: Math.ceil(size / 3), tree: () => tree };
}

export function image(layers: RegistryLayer[], cmd: string[] = ['sh']): RegistryImage {
  const config: ImageConfig = {
    architecture: 'amd64',
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: cmd },
    created: '2025-06-01T00:00:00Z',
    history: layers.map(() => ({ created: '2025-06-01T00:00:00Z', created_by: 'ADD file in / ' })),
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
  };
  const configJson = JSON.stringify(config);
  return { id: digestBytes(configJson), configJson, config, manifestDigest: digestBytes('manifest:' + configJson), layers };
}

/** A registry of `repository path → tag → image`, e.g. `{ 'library/base': { latest: img } }`. */
export function fakeRegistry(repos: Record<string, Record<string, RegistryImage>>): Registry {
  return {
    resolve(domain, path, { tag, digest }) {
      if (domain !== 'docker.io') return { kind: 'unreachable' };
      const repo = repos[path];
      if (!repo) return { kind: 'no-repository' };
      const found = tag !== undefined ? repo[tag] : Object.values(repo).find((i) => i.manifestDigest === digest);
      return found ? { kind: 'found', image: found } : { kind: 'no-tag' };
    },
  };
}

/**
 * An image built at `created`: its config carries that date and `history` (by default one entry per layer at that
 * date), plus any `extra` config fields; the ID and manifest digest follow from the config as they must.
 */
export function imageBuiltAt(created: string, layers: RegistryLayer[], history?: HistoryEntry[], extra: Record<string, unknown> = {}): RegistryImage {
  const img = image(layers);
  const config = { ...img.config, ...extra, created, history: history ?? img.config.history.map((h) => ({ ...h, created })) };
  const configJson = JSON.stringify(config);
  return { ...img, id: digestBytes(configJson), configJson, config, manifestDigest: digestBytes('manifest:' + configJson) };
}
