// The image store's memory promise: images that share a big base cost only what they add.
import { syntheticContent } from '../../engine/fs/content.ts';
import { diffIdOf, digestBytes } from '../../engine/fs/digest.ts';
import { makeDir, makeFile } from '../../engine/fs/tree.ts';
import { parseReference } from '../../engine/image/reference.ts';
import { addLayers, EMPTY_STORE, putImage, setTag, type ImageStore, type NewLayer } from '../../engine/image/store.ts';
import type { ImageConfig } from '../../engine/image/types.ts';
import { below, exactly, type Figure } from './figure.ts';

export const area = 'image store';

/** A base shaped like node:20: five layers, ~1.1 GB of content, most of it in a few large synthetic files. */
function baseLayers(): NewLayer[] {
  const sizes = [116_000_000, 24_000_000, 64_000_000, 587_000_000, 190_000_000];
  return sizes.map((size, i) => {
    const files = Array.from({ length: 200 }, (_, k) => [`f${k}`, makeFile(syntheticContent(`base${i}/${k}`, Math.floor(size / 200)))] as const);
    const tree = makeDir([['usr', makeDir([['lib', makeDir(files)]])]]);
    return { diffId: digestBytes(`layer ${i}`), size, tree };
  });
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

function addImage(store: ImageStore, base: readonly NewLayer[], extra: NewLayer | undefined, name: string): ImageStore {
  const stack = extra ? [...base, extra] : [...base];
  const added = addLayers(store, stack);
  const config: ImageConfig = {
    architecture: 'amd64',
    config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin'], Cmd: ['node', 'index.js'], WorkingDir: '/app' },
    created: '2025-06-01T00:00:00Z',
    history: stack.map(() => ({ created: '2025-06-01T00:00:00Z', created_by: 'COPY . . # buildkit' })),
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: stack.map((l) => l.diffId) },
  };
  const configJson = JSON.stringify(config);
  const id = digestBytes(configJson);
  const withImage = putImage(added.store, { id, configJson, config, layers: added.chain, repoDigests: [] });
  return setTag(withImage, parseReference(name), id).store;
}

export default async function bench(opts: { smoke: boolean }): Promise<Figure[]> {
  const count = opts.smoke ? 20 : 100;
  const base = baseLayers();
  let store = addImage(EMPTY_STORE, base, undefined, 'node:20');
  const before = heapUsed();
  let uniqueBytes = 0;
  for (let i = 0; i < count; i++) {
    // Each app adds one small layer: its source files, a few kilobytes.
    const source = new TextEncoder().encode(`console.log("app ${i}");\n`.repeat(200));
    const tree = makeDir([['app', makeDir([['index.js', makeFile(source)]])]]);
    uniqueBytes += source.length;
    store = addImage(store, base, { diffId: diffIdOf(tree), size: source.length, tree }, `app${i}:latest`);
  }
  const growth = heapUsed() - before;
  const gcNote = (globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: noisy)';
  return [
    { name: `${count} images on a 1.1 GB base: heap growth${gcNote}`, value: growth / 1024, unit: 'KiB' },
    { name: `${count} images: bytes the small layers add`, value: uniqueBytes / 1024, unit: 'KiB' },
    { name: `${count} images: heap growth / bytes added`, value: growth / uniqueBytes, unit: 'x', target: below(2) },
    { name: `${count} images: heap growth per image`, value: growth / count / 1024, unit: 'KiB', target: below(64, 'base stored once') },
    { name: `${count} images: store holds layers`, value: store.layers.size, unit: 'layers', target: exactly(base.length + count) },
  ];
}
