import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { VirtualClock } from '../core/clock.ts';
import { WorkSlicer } from '../core/slicer.ts';
import { utf8Pieces } from '../core/utf8-pieces.ts';
import { tarChunks } from './tar.ts';
import type { DirEntry } from './types.ts';

/** Content digests in Docker's `sha256:<hex>` spelling, computed over streamed chunks (no whole-layer buffer). */

const encoder = new TextEncoder();

/** diffID of a layer with no files: its tar is just the two end blocks (1024 zero bytes). */
export const EMPTY_LAYER_DIFF_ID = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';

/** A streaming SHA-256: `update` any number of times, then `hex` once. */
export interface Sha256Hasher {
  update(data: Uint8Array): void;
  hex(): string;
}

const nobleHasher = (): Sha256Hasher => {
  const h = sha256.create();
  return {
    update: (data) => void h.update(data),
    hex: () => bytesToHex(h.digest()),
  };
};

let createHasher: () => Sha256Hasher = nobleHasher;

/**
 * Replaces the SHA-256 implementation (pure JS by default, so the engine runs anywhere). A host with a native one
 * (Node's `crypto`, about ten times faster) can plug it in; the digests are the same bytes either way. Passing
 * nothing restores the default.
 */
export function setSha256(factory?: () => Sha256Hasher): void {
  createHasher = factory ?? nobleHasher;
}

export function digestChunks(chunks: Iterable<Uint8Array>): string {
  const h = createHasher();
  for (const c of chunks) h.update(c);
  return 'sha256:' + h.hex();
}

export function digestBytes(data: Uint8Array | string): string {
  return digestChunks([typeof data === 'string' ? encoder.encode(data) : data]);
}

// Layers are immutable, so a layer object's diffID never changes; images share layer objects, so this saves rehashing.
const diffIds = new WeakMap<DirEntry, string>();

/** The layer's diffID: SHA-256 of its uncompressed, deterministic tar. */
export function diffIdOf(layer: DirEntry): string {
  let id = diffIds.get(layer);
  if (id === undefined) {
    id = digestChunks(tarChunks(layer));
    diffIds.set(layer, id);
  }
  return id;
}

/** Bytes of tar hashed between two yields: a few milliseconds of pure-JS SHA-256 in a browser. */
const HASH_SLICE_BYTES = 128 * 1024;

/**
 * diffIdOf for a layer just made (a build step's, tens of megabytes after `npm install`): the same digest, hashed in
 * slices with a turn for the page between them, and remembered, so a later diffIdOf of the layer costs nothing.
 */
export async function diffIdOfSliced(layer: DirEntry, clock: VirtualClock): Promise<string> {
  let id = diffIds.get(layer);
  if (id === undefined) {
    const h = createHasher();
    const slicer = new WorkSlicer(clock, HASH_SLICE_BYTES);
    for (const chunk of tarChunks(layer)) {
      h.update(chunk);
      await slicer.spend(chunk.length);
    }
    id = 'sha256:' + h.hex();
    diffIds.set(layer, id);
  }
  return id;
}

/**
 * digestBytes for text of many megabytes (an image config with 100,000 history lines): the same digest, encoded and
 * hashed a slice at a time with a turn for the page between slices.
 */
export async function digestTextSliced(text: string, clock: VirtualClock): Promise<string> {
  const h = createHasher();
  const slicer = new WorkSlicer(clock, HASH_SLICE_BYTES);
  for (const bytes of utf8Pieces(text, HASH_SLICE_BYTES)) {
    h.update(bytes);
    await slicer.spend(bytes.length);
  }
  return 'sha256:' + h.hex();
}

/** OCI chainID: the first diffID, then sha256(`<previous chainID> <diffID>`) for each further layer. */
export function chainId(diffIdList: readonly string[]): string {
  if (diffIdList.length === 0) throw new Error('chainId of no layers');
  let chain = diffIdList[0]!;
  for (let i = 1; i < diffIdList.length; i++) chain = digestBytes(`${chain} ${diffIdList[i]!}`);
  return chain;
}

/** The chainID of every prefix: `[chainId(d[0..0]), chainId(d[0..1]), ...]` (the layer store keys). */
export function chainIds(diffIdList: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of diffIdList) out.push(out.length === 0 ? d : digestBytes(`${out[out.length - 1]!} ${d}`));
  return out;
}
