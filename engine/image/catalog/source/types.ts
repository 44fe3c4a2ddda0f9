import type { ContainerConfig } from '../../types.ts';
import type { LayerBuilder } from './layer-builder.ts';

/**
 * The catalog's source description: what each official image is made of, readable and compact. Layers declare the
 * files that matter for lessons plus their real uncompressed size; filler files make up the difference, so only a
 * few numbers per layer are shipped to the browser. The generator (bin/gen-catalog.ts) turns this into digests.
 */

export interface LayerSpec {
  /** Stable, unique key: it seeds every synthetic file, so renaming it changes the layer's diffID. */
  readonly key: string;
  /** RFC 3339; also every file's mtime in the layer. */
  readonly created: string;
  /**
   * Bytes the layer adds as Docker counts them (regular files plus symlink targets), what `docker history` shows.
   * Omitted for small layers whose size is just their files.
   */
  readonly size?: number;
  /** Size of the gzip blob on Docker Hub, for pull progress; defaults to an estimate from `size`. */
  readonly compressed?: number;
  readonly build: (l: LayerBuilder) => void;
}

/** One history entry; `layer` is absent for metadata-only steps (ENV, CMD, ...), which become `empty_layer`. */
export interface Step {
  readonly created: string;
  /**
   * A function when the line names the layer's content, as the classic builder's `ADD file:<hash> in /` does: it is
   * given the hex of the layer's diffID, so the line follows the content instead of pretending to a digest we lack.
   */
  readonly createdBy: string | ((contentHash: string) => string);
  readonly comment?: string;
  readonly layer?: LayerSpec;
}

export interface ImageSpec {
  /** Normalized repository: `library/node`, `curlimages/curl`. */
  readonly repository: string;
  /** Every tag naming this one image (alias tags share ID and layers). */
  readonly tags: readonly string[];
  /** The image this one was built FROM: its history and layers come first. */
  readonly base?: ImageSpec;
  readonly steps: readonly Step[];
  /** The final container config, as `docker inspect` shows it under Config. */
  readonly config: ContainerConfig;
}

export interface RepositoryInfo {
  /** As `docker search` prints it: `node`, `curlimages/curl`. */
  readonly name: string;
  readonly description: string;
  readonly stars: number;
  readonly official: boolean;
}
