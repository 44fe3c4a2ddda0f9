import { DockerError } from '../../core/errors.ts';
import { chainIds, digestBytes } from '../../fs/digest.ts';
import { compareNames } from '../../fs/path.ts';
import { tarHeader } from '../../fs/tar.ts';
import { epochSeconds, mapJson, quote, structJson } from './gojson.ts';
import { legacyBlobs } from './legacy.ts';
import { tagNames } from './names.ts';
import {
  ANNOTATION_IMAGE_NAME,
  ANNOTATION_REF_NAME,
  MEDIA_TYPE_CONFIG,
  MEDIA_TYPE_INDEX,
  MEDIA_TYPE_LAYER,
  MEDIA_TYPE_MANIFEST,
} from './types.ts';
import type { Digest, SaveImage, SaveLayer, SaveOptions } from './types.ts';

/**
 * `docker save` of Docker Engine 28 with the classic store (moby image/tarexport/save.go): a docker-archive that is
 * also an OCI image layout. Docker fills a temp directory and tars it with pkg/archive, so the members come in
 * directory-walk order:
 *
 *   blobs/  blobs/sha256/  blobs/sha256/<hex>...  index.json  manifest.json  oci-layout  [repositories]
 *
 * The blobs are each layer tar once (named by its diffID, since it is stored uncompressed), each image config, one
 * OCI manifest per image, and a legacy v1 JSON per layer. Modes are 0755/0644, owner 0:0; mtimes are the image's
 * `created` for what saveImage writes, the epoch for the manifests and top-level files, and the save time for
 * `blobs/sha256/` (an ordering slip in Docker 28). Everything small is computed first, so the layer tars can then
 * stream straight through in name order.
 */

const encoder = new TextEncoder();
const BLOCK = 512;
const OCI_LAYOUT = '{"imageLayoutVersion": "1.0.0"}';

interface Blob {
  readonly hex: string;
  readonly mtime: number;
  readonly bytes?: Uint8Array;
  readonly layer?: SaveLayer;
}

interface Prepared {
  readonly blobs: Map<string, Blob>;
  readonly index: string;
  readonly manifest: string;
  readonly repositories?: string;
  readonly blobsMtime: number;
}

const hexOf = (d: Digest): string => d.slice(d.indexOf(':') + 1);

function descriptor(mediaType: string, digest: Digest, size: number, annotations?: string): string {
  return structJson([
    ['mediaType', quote(mediaType)],
    ['digest', quote(digest)],
    ['size', String(size)],
    ['annotations', annotations],
  ]);
}

function prepare(input: readonly SaveImage[]): Prepared {
  // One entry per image ID, tags merged, as parseNames builds its map.
  const images: SaveImage[] = [];
  const byId = new Map<Digest, { image: SaveImage; tags: string[] }>();
  for (const image of input) {
    const seen = byId.get(image.id);
    if (seen) seen.tags.push(...image.repoTags);
    else {
      byId.set(image.id, { image, tags: [...image.repoTags] });
      images.push(image);
    }
  }

  const blobs = new Map<string, Blob>();
  const savedLegacy = new Set<string>();
  const manifestItems: string[] = [];
  const indexEntries: string[] = [];
  const repositories = new Map<string, Map<string, string>>();
  let blobsMtime = 0;

  for (const image of images) {
    const configBytes = encoder.encode(image.configJson);
    if (digestBytes(configBytes) !== image.id) throw new Error(`image ${image.id}: config bytes do not hash to the ID`);
    const config = JSON.parse(image.configJson) as Record<string, unknown>;
    const diffIds = ((config.rootfs as { diff_ids?: unknown } | undefined)?.diff_ids ?? []) as Digest[];
    if (diffIds.length === 0) throw new DockerError('empty export - not implemented');
    if (diffIds.length !== image.layers.length || diffIds.some((d, i) => d !== image.layers[i]!.diffId)) {
      throw new Error(`image ${image.id}: layers do not match the config's diff_ids`);
    }
    const created = typeof config.created === 'string' ? (epochSeconds(config.created) ?? 0) : 0;

    const legacy = legacyBlobs(config, chainIds(diffIds));
    image.layers.forEach((layer, i) => {
      const l = legacy[i]!;
      if (!savedLegacy.has(l.v1Id)) {
        savedLegacy.add(l.v1Id);
        blobs.set(hexOf(l.digest), { hex: hexOf(l.digest), mtime: created, bytes: encoder.encode(l.json) });
      }
      const hex = hexOf(layer.diffId);
      if (!blobs.has(hex)) blobs.set(hex, { hex, mtime: created, layer });
    });
    blobs.set(hexOf(image.id), { hex: hexOf(image.id), mtime: created, bytes: configBytes });
    blobsMtime = created;

    const manifest = structJson([
      ['schemaVersion', '2'],
      ['mediaType', quote(MEDIA_TYPE_MANIFEST)],
      ['config', descriptor(MEDIA_TYPE_CONFIG, image.id, configBytes.length)],
      ['layers', `[${image.layers.map((l) => descriptor(MEDIA_TYPE_LAYER, l.diffId, l.size)).join(',')}]`],
    ]);
    const manifestBytes = encoder.encode(manifest);
    const manifestDigest = digestBytes(manifestBytes);
    blobs.set(hexOf(manifestDigest), { hex: hexOf(manifestDigest), mtime: 0, bytes: manifestBytes });

    const tags: string[] = [];
    const top = hexOf(diffIds[diffIds.length - 1]!);
    for (const ref of byId.get(image.id)!.tags) {
      const names = tagNames(ref);
      if (names === undefined || tags.includes(names.familiar)) continue;
      tags.push(names.familiar);
      const repo = repositories.get(names.familiarName) ?? new Map<string, string>();
      repo.set(names.tag, top);
      repositories.set(names.familiarName, repo);
      const annotations = mapJson([
        [ANNOTATION_IMAGE_NAME, quote(names.full)],
        [ANNOTATION_REF_NAME, quote(names.tag)],
      ]);
      indexEntries.push(descriptor(MEDIA_TYPE_MANIFEST, manifestDigest, manifestBytes.length, annotations));
    }
    // Docker adds an untagged image to index.json only while the index is still empty (moby#51389), so of several
    // images saved by ID only the first is listed there; manifest.json lists them all.
    if (indexEntries.length === 0) indexEntries.push(descriptor(MEDIA_TYPE_MANIFEST, manifestDigest, manifestBytes.length));

    const layerSources = mapJson(
      image.layers.map((l) => [l.diffId, structJson([['mediaType', quote(MEDIA_TYPE_LAYER)], ['size', l.size === 0 ? undefined : String(l.size)], ['digest', quote(l.diffId)]])]),
    );
    const parent = image.parent !== undefined && image.parent !== image.id && byId.has(image.parent) ? quote(image.parent) : undefined;
    manifestItems.push(
      structJson([
        ['Config', quote(`blobs/sha256/${hexOf(image.id)}`)],
        ['RepoTags', tags.length === 0 ? 'null' : `[${tags.map(quote).join(',')}]`],
        ['Layers', `[${image.layers.map((l) => quote(`blobs/sha256/${hexOf(l.diffId)}`)).join(',')}]`],
        ['Parent', parent],
        ['LayerSources', layerSources],
      ]),
    );
  }

  const index = structJson([
    ['schemaVersion', '2'],
    ['mediaType', quote(MEDIA_TYPE_INDEX)],
    ['manifests', `[${indexEntries.join(',')}]`],
  ]);
  const repos =
    repositories.size === 0 ? undefined : mapJson([...repositories].map(([name, tags]) => [name, mapJson([...tags].map(([t, id]) => [t, quote(id)]))])) + '\n';
  return { blobs, index, manifest: `[${manifestItems.join(',')}]\n`, ...(repos !== undefined ? { repositories: repos } : {}), blobsMtime };
}

/** A stretch of the archive: bytes, or a layer tar whose length is known before it is produced. */
type Part = Uint8Array | SaveLayer;

function* file(name: string, bytes: Uint8Array, mtime: number): Generator<Part, void, undefined> {
  yield tarHeader({ name, mode: 0o644, size: bytes.length, mtime, type: 'file' });
  yield bytes;
  const pad = (BLOCK - (bytes.length % BLOCK)) % BLOCK;
  if (pad > 0) yield new Uint8Array(pad);
}

function* layerFile(name: string, layer: SaveLayer, mtime: number): Generator<Part, void, undefined> {
  yield tarHeader({ name, mode: 0o644, size: layer.size, mtime, type: 'file' });
  yield layer;
  const pad = (BLOCK - (layer.size % BLOCK)) % BLOCK;
  if (pad > 0) yield new Uint8Array(pad);
}

function* layerChunks(layer: SaveLayer): Generator<Uint8Array, void, undefined> {
  let n = 0;
  for (const chunk of layer.tar()) {
    n += chunk.length;
    if (n > layer.size) throw new Error(`layer ${layer.diffId}: tar is longer than its declared size ${layer.size}`);
    yield chunk;
  }
  if (n !== layer.size) throw new Error(`layer ${layer.diffId}: tar is ${n} bytes, declared ${layer.size}`);
}

function* parts(images: readonly SaveImage[], options: SaveOptions): Generator<Part, void, undefined> {
  const p = prepare(images);
  yield tarHeader({ name: 'blobs/', mode: 0o755, size: 0, mtime: p.blobsMtime, type: 'dir' });
  yield tarHeader({ name: 'blobs/sha256/', mode: 0o755, size: 0, mtime: options.now ?? 0, type: 'dir' });
  for (const hex of [...p.blobs.keys()].sort(compareNames)) {
    const blob = p.blobs.get(hex)!;
    const name = `blobs/sha256/${hex}`;
    if (blob.layer) yield* layerFile(name, blob.layer, blob.mtime);
    else yield* file(name, blob.bytes!, blob.mtime);
  }
  yield* file('index.json', encoder.encode(p.index), 0);
  yield* file('manifest.json', encoder.encode(p.manifest), 0);
  yield* file('oci-layout', encoder.encode(OCI_LAYOUT), 0);
  if (p.repositories !== undefined) yield* file('repositories', encoder.encode(p.repositories), 0);
  yield new Uint8Array(2 * BLOCK);
}

/**
 * The archive `docker save IMAGE...` writes, as chunks (layer tars pass through as their own chunks, so memory stays
 * small whatever the image size). Same input, same bytes. From `start` on only: layers wholly before it are
 * skipped by their declared size, never produced.
 */
export function* saveArchive(images: readonly SaveImage[], options: SaveOptions = {}, start = 0): Generator<Uint8Array, void, undefined> {
  let at = 0;
  for (const part of parts(images, options)) {
    const size = part instanceof Uint8Array ? part.length : part.size;
    const skip = start - at;
    at += size;
    if (skip > 0 && skip >= size) continue;
    if (part instanceof Uint8Array) {
      yield skip > 0 ? part.subarray(skip) : part;
      continue;
    }
    let left = skip;
    for (const chunk of layerChunks(part)) {
      if (left >= chunk.length) left -= chunk.length;
      else {
        yield left > 0 ? chunk.subarray(left) : chunk;
        left = 0;
      }
    }
  }
}

/** The length of what `saveArchive` writes, from the layers' declared sizes: no layer is produced. */
export function archiveLength(images: readonly SaveImage[], options: SaveOptions = {}): number {
  let n = 0;
  for (const part of parts(images, options)) n += part instanceof Uint8Array ? part.length : part.size;
  return n;
}
