import { digestBytes, digestChunks } from '../../fs/digest.ts';
import { tarChunks } from '../../fs/tar.ts';
import { contentSize } from '../../fs/content.ts';
import type { DirEntry } from '../../fs/types.ts';
import { byteLength, configJson, layersOf, manifestJson } from './assemble.ts';
import { buildLayerTree } from './source/layer-builder.ts';
import type { ImageSpec, LayerSpec } from './source/types.ts';

/**
 * The expensive part: hashing layer tars. Only the generator and the test that checks it call this; the engine
 * reads the results from generated.ts.
 */

export interface ComputedLayer {
  readonly diffId: string;
  readonly size: number;
  readonly tarSize: number;
  readonly compressedSize: number;
}

/** Docker's layer size: regular file bytes plus symlink target lengths (moby's directory.Size over the diff). */
export function layerSize(dir: DirEntry): number {
  let n = 0;
  for (const e of dir.children.values()) {
    if (e.type === 'dir') n += layerSize(e);
    else if (e.type === 'file') n += contentSize(e.content);
    else n += byteLength(e.target);
  }
  return n;
}

/** gzip of binaries and libraries lands near 40% of the input; used when Docker Hub's figure is not recorded. */
const COMPRESSION_RATIO = 0.4;

export function computeLayer(spec: LayerSpec): ComputedLayer {
  const tree = buildLayerTree(spec);
  let tarSize = 0;
  const diffId = digestChunks(
    (function* () {
      for (const chunk of tarChunks(tree)) {
        tarSize += chunk.length;
        yield chunk;
      }
    })(),
  );
  const size = layerSize(tree);
  // Small layers (a script, a passwd change) compress to about their size plus the gzip and tar overhead.
  const compressedSize = spec.compressed ?? (size < 64 * 1024 ? Math.min(tarSize, Math.round(size * 0.6) + 120) : Math.round(size * COMPRESSION_RATIO));
  return { diffId, size, tarSize, compressedSize };
}

export interface ComputedImage {
  readonly id: string;
  readonly manifestDigest: string;
}

export function computeImage(spec: ImageSpec, layers: (key: string) => ComputedLayer): ComputedImage {
  const facts = layersOf(spec).map((l) => layers(l.key));
  const config = configJson(spec, facts.map((f) => f.diffId));
  const id = digestBytes(config);
  return { id, manifestDigest: digestBytes(manifestJson(id, byteLength(config), facts)) };
}
