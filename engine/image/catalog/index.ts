import type { DirEntry } from '../../fs/types.ts';
import type { Digest, ImageConfig } from '../types.ts';
import { byteLength, configJson, layersOf, manifestJson } from './assemble.ts';
import { GENERATED_IMAGES, GENERATED_LAYERS } from './generated.ts';
import { imageKey } from './keys.ts';
import { buildLayerTree } from './source/layer-builder.ts';
import { CATALOG_IMAGES, CATALOG_REPOSITORIES } from './source/index.ts';
import type { ImageSpec, LayerSpec, RepositoryInfo } from './source/types.ts';

/**
 * The offline registry: official images by repository and tag, with digests computed ahead of time by
 * bin/gen-catalog.ts (hashing a gigabyte in a browser would take too long) and checked by a test. Layer trees
 * are rebuilt from the source description on first use.
 *
 * Program names the catalog's executables carry (content.program), for engine/programs to register:
 *   shells and core tools: bash dash busybox (Alpine's applets are symlinks to it) and the coreutils-style names
 *     in source/os.ts (ls cat cp mv rm mkdir ... grep sed find xargs which clear stat tar gzip ...);
 *   package managers: apt-get apt apt-cache dpkg apk; accounts: useradd groupadd usermod userdel adduser login su;
 *   tools: curl wget gpg openssl git hg ssh svn ps top make patch unzip bzip2 xz file gcc g++;
 *   runtimes: node python3;
 *   servers: nginx mongod mongos mongosh redis-server redis-cli redis-benchmark postgres psql pg_ctl initdb pg_dump
 *     pg_restore createdb pg_isready httpd apachectl htpasswd; privilege drop: gosu setpriv; perl (httpd:alpine);
 * npm, npx, corepack and yarn are `#!/usr/bin/env node` scripts, not programs of their own.
 */

export interface CatalogLayer {
  readonly key: string;
  readonly diffId: Digest;
  /** Bytes of content, what `docker history` shows. */
  readonly size: number;
  /** Length of the layer tar (the blob the manifest describes). */
  readonly tarSize: number;
  /** Size on the wire (gzip), for pull progress. */
  readonly compressedSize: number;
  /** The layer's own files; built on first call, then shared. */
  tree(): DirEntry;
}

export interface CatalogImage {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly id: Digest;
  readonly configJson: string;
  readonly config: ImageConfig;
  readonly manifestJson: string;
  readonly manifestDigest: Digest;
  /** Bottom first. */
  readonly layers: readonly CatalogLayer[];
}

export type CatalogRepository = RepositoryInfo;

const layerCache = new Map<string, CatalogLayer>();
const imageCache = new Map<ImageSpec, CatalogImage>();

function catalogLayer(spec: LayerSpec): CatalogLayer {
  let layer = layerCache.get(spec.key);
  if (layer === undefined) {
    const g = GENERATED_LAYERS[spec.key];
    if (g === undefined) throw new Error(`catalog layer ${spec.key} has no generated digest: run bin/gen-catalog.ts`);
    let tree: DirEntry | undefined;
    layer = { key: spec.key, diffId: g[0], size: g[1], tarSize: g[2], compressedSize: g[3], tree: () => (tree ??= buildLayerTree(spec)) };
    layerCache.set(spec.key, layer);
  }
  return layer;
}

function catalogImage(spec: ImageSpec): CatalogImage {
  let image = imageCache.get(spec);
  if (image === undefined) {
    const g = GENERATED_IMAGES[imageKey(spec)];
    if (g === undefined) throw new Error(`catalog image ${imageKey(spec)} has no generated digest: run bin/gen-catalog.ts`);
    const layers = layersOf(spec).map(catalogLayer);
    const config = configJson(spec, layers.map((l) => l.diffId));
    image = {
      repository: spec.repository,
      tags: spec.tags,
      id: g[0],
      configJson: config,
      config: JSON.parse(config) as ImageConfig,
      manifestJson: manifestJson(g[0], byteLength(config), layers),
      manifestDigest: g[1],
      layers,
    };
    imageCache.set(spec, image);
  }
  return image;
}

export function findCatalogImage(repository: string, tag: string): CatalogImage | undefined {
  const spec = CATALOG_IMAGES.find((s) => s.repository === repository && s.tags.includes(tag));
  return spec && catalogImage(spec);
}

export function catalogHasRepository(repository: string): boolean {
  return CATALOG_IMAGES.some((s) => s.repository === repository);
}

export function catalogRepositories(): readonly CatalogRepository[] {
  return CATALOG_REPOSITORIES;
}

/** Every image (one entry per image, whatever its number of tags). */
export function catalogImages(): readonly CatalogImage[] {
  return CATALOG_IMAGES.map(catalogImage);
}
