import type { DirEntry } from '../fs/types.ts';

/**
 * The image model of Docker's classic (overlay2) store: an image is its config JSON (whose SHA-256 is the image ID)
 * over an ordered stack of layers; a layer is identified by its diffID (SHA-256 of its uncompressed tar) and stored
 * under its chainID, so a layer shared by many images exists once.
 */

/** `sha256:` + 64 hex. */
export type Digest = string;

/** The `config` object of an image config: what a container created from the image starts with. */
export interface ContainerConfig {
  readonly User?: string;
  readonly ExposedPorts?: Readonly<Record<string, Record<string, never>>>;
  readonly Env?: readonly string[];
  readonly Entrypoint?: readonly string[] | null;
  readonly Cmd?: readonly string[] | null;
  readonly Healthcheck?: Readonly<{ Test: readonly string[]; Interval?: number; Timeout?: number; StartPeriod?: number; StartInterval?: number; Retries?: number }>;
  readonly ArgsEscaped?: boolean;
  readonly Volumes?: Readonly<Record<string, Record<string, never>>>;
  readonly WorkingDir?: string;
  readonly Labels?: Readonly<Record<string, string>> | null;
  readonly OnBuild?: readonly string[] | null;
  readonly StopSignal?: string;
  readonly Shell?: readonly string[];
}

export interface HistoryEntry {
  readonly created: string;
  readonly created_by?: string;
  readonly author?: string;
  readonly comment?: string;
  readonly empty_layer?: boolean;
}

/** The image config (OCI image-spec config.md, as Docker writes it). */
export interface ImageConfig {
  readonly architecture: string;
  readonly config: ContainerConfig;
  readonly created: string;
  readonly history: readonly HistoryEntry[];
  readonly os: string;
  readonly rootfs: { readonly type: 'layers'; readonly diff_ids: readonly Digest[] };
  readonly author?: string;
  readonly comment?: string;
  readonly variant?: string;
}

/** One stored layer (`/var/lib/docker/image/overlay2/layerdb/sha256/<chainID>`). */
export interface Layer {
  readonly chainId: Digest;
  readonly diffId: Digest;
  /** The chainID of the layer below, absent for a base layer. */
  readonly parent?: Digest;
  /** Bytes of content the layer adds (what `docker history` shows as SIZE). */
  readonly size: number;
  /** The layer's own changes: files, directories, and whiteouts for what it deletes. */
  readonly tree: DirEntry;
}

/** One stored image. */
export interface Image {
  readonly id: Digest;
  /** The exact config bytes; `id` is their digest. */
  readonly configJson: string;
  readonly config: ImageConfig;
  /** chainIDs of the image's layers, bottom first (one per `rootfs.diff_ids` entry). */
  readonly layers: readonly Digest[];
  /** `docker.io/library/node@sha256:<manifest digest>` for images that came from a registry (shown familiar). */
  readonly repoDigests: readonly string[];
  /** Virtual-clock milliseconds of the last `tag`/pull/build that named it (inspect's Metadata.LastTagTime). */
  readonly lastTagTime?: number;
  /**
   * The image it was committed on top of (moby's imagedb `parent` metadata, not part of the config): only the
   * legacy builder's steps (and `docker commit`) have one. The legacy build cache looks up children by it.
   */
  readonly parent?: Digest;
}
