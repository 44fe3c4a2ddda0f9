import type { DirEntry } from '../fs/types.ts';
import type { Digest, ImageConfig } from './types.ts';

/**
 * Where `docker pull` gets images from. The machine is offline: the registry is the catalog shipped with the page
 * (engine/image/catalog), behind this interface so tests can use a small one.
 */
export interface RegistryLayer {
  readonly diffId: Digest;
  /** Uncompressed bytes of content. */
  readonly size: number;
  /** Bytes on the wire, for download progress. */
  readonly compressedSize: number;
  tree(): DirEntry;
}

export interface RegistryImage {
  readonly id: Digest;
  readonly configJson: string;
  readonly config: ImageConfig;
  /** The manifest digest: what `Digest:` shows at pull and RepoDigests record. */
  readonly manifestDigest: Digest;
  readonly layers: readonly RegistryLayer[];
}

export type RegistryAnswer =
  | { readonly kind: 'found'; readonly image: RegistryImage }
  | { readonly kind: 'no-repository' }
  | { readonly kind: 'no-tag' }
  | { readonly kind: 'unreachable' };

export interface Registry {
  /** Looks up `domain/path:tag` (or `@digest`). A registry with `load` answers only once its load has settled. */
  resolve(domain: string, path: string, tagOrDigest: { tag?: string; digest?: string }): RegistryAnswer;
  /** Fetches what `resolve` needs when that loads on first use (the offline catalog's data, a chunk of its own). */
  load?(): Promise<void>;
}
