/**
 * Plain data in and out of the docker-archive format (`docker save` / `docker load`), so the format knows nothing
 * of the image store: the store hands over configs and layer streams and takes back configs, tags and trees.
 */

import type { DirEntry } from '../../fs/types.ts';
import type { Digest } from '../types.ts';

export type { Digest };

export interface SaveLayer {
  readonly diffId: Digest;
  /** Byte length of the uncompressed tar: the outer tar header and the OCI descriptor need it before the bytes. */
  readonly size: number;
  /** The layer tar, streamed; its SHA-256 must be `diffId`. */
  tar(): Iterable<Uint8Array>;
  /** The tree `tar()` is made from, when there is one: an archive that carries it lets `docker load` skip the tar. */
  readonly tree?: DirEntry;
}

export interface SaveImage {
  /** The exact config bytes; their digest is the image ID. */
  readonly configJson: string;
  readonly id: Digest;
  /** Familiar references as the user sees them (`alpine:latest`); empty when saved by ID. */
  readonly repoTags: readonly string[];
  /** Bottom first, one per `rootfs.diff_ids` entry. */
  readonly layers: readonly SaveLayer[];
  /** The image's parent in the local store (classic builder); written only when the parent is saved too. */
  readonly parent?: Digest;
}

export interface SaveOptions {
  /**
   * Seconds since the epoch when the save runs. Docker 28 leaves `blobs/sha256/` with the time of the save
   * (moby#51364, fixed only in 29), so the virtual clock supplies it; 0 by default.
   */
  readonly now?: number;
}

export interface LoadOptions {
  /** The daemon's temporary directory for this load, which Docker's error messages name. */
  readonly tmpDir?: string;
  /**
   * Docker skips a layer whose chainID the store already has, without reading its blob; the store answers here.
   * Such a layer comes back without a tree.
   */
  readonly hasLayer?: (chainId: Digest) => boolean;
}

export interface LoadedLayer {
  readonly diffId: Digest;
  /** Byte length of the layer tar. */
  readonly size: number;
  readonly tree: DirEntry;
}

export interface LoadedImage {
  /** Digest of `configJson`'s bytes, as `docker load` computes it (the blob's name is not trusted). */
  readonly id: Digest;
  readonly configJson: string;
  /** As written in manifest.json; the caller parses them as `docker load` does and reports bad ones. */
  readonly repoTags: readonly string[];
  /** The image's diffIDs, bottom first. */
  readonly diffIds: readonly Digest[];
  /** manifest.json's `Parent`, when it names another image of the same archive. */
  readonly parent?: Digest;
}

export interface LoadedArchive {
  /** In manifest.json order. */
  readonly images: readonly LoadedImage[];
  /** Each layer once, however many images use it; absent for layers `hasLayer` said the store has. */
  readonly layers: ReadonlyMap<Digest, LoadedLayer>;
}

export const MEDIA_TYPE_INDEX = 'application/vnd.oci.image.index.v1+json';
export const MEDIA_TYPE_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const MEDIA_TYPE_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const MEDIA_TYPE_LAYER = 'application/vnd.oci.image.layer.v1.tar';
/** containerd's annotation with the full reference; OCI's carries only the tag. */
export const ANNOTATION_IMAGE_NAME = 'io.containerd.image.name';
export const ANNOTATION_REF_NAME = 'org.opencontainers.image.ref.name';
export const DEFAULT_TMP_DIR = '/var/lib/docker/tmp/docker-import-1804289383';
