import { sha256 } from '@noble/hashes/sha2.js';
import type { FileContent } from './types.ts';

/**
 * File content helpers. Synthetic content is generated on demand in fixed 64 KiB blocks, each a pure function of
 * (seed, size, block index), so any range can be produced without the bytes before it and a 500 MB base image costs
 * nothing until something reads it.
 */

const BLOCK = 64 * 1024;
const WORDS = BLOCK / 4;
const encoder = new TextEncoder();
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export const EMPTY_CONTENT: FileContent = Object.freeze({ kind: 'bytes', bytes: new Uint8Array(0) });

export function bytesContent(data: Uint8Array | string): FileContent {
  return { kind: 'bytes', bytes: typeof data === 'string' ? encoder.encode(data) : data };
}

export function syntheticContent(seed: string, size: number, program?: string): FileContent {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`bad synthetic size ${size}`);
  return program === undefined ? { kind: 'synthetic', seed, size } : { kind: 'synthetic', seed, size, program };
}

export function contentSize(c: FileContent): number {
  return c.kind === 'bytes' ? c.bytes.length : c.size;
}

/** The whole content. For `bytes` content this is the stored array itself: treat it as read-only. */
export function readContent(c: FileContent): Uint8Array {
  if (c.kind === 'lazy') return concatChunks(c.chunks(), c.size);
  return c.kind === 'bytes' ? c.bytes : readRange(c, 0, c.size);
}

function concatChunks(chunks: Iterable<Uint8Array>, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk.subarray(0, Math.max(0, size - at)), at);
    at += chunk.length;
  }
  return out;
}

/** Bytes [start, end) (clamped to the content). */
export function readRange(c: FileContent, start: number, end: number): Uint8Array {
  const size = contentSize(c);
  const s = Math.max(0, Math.min(start, size));
  const e = Math.max(s, Math.min(end, size));
  if (c.kind === 'bytes') return c.bytes.subarray(s, e);
  if (c.kind === 'lazy') {
    const out = new Uint8Array(e - s);
    let at = 0;
    for (const chunk of c.chunks(s)) {
      if (at >= out.length) break;
      const part = chunk.subarray(0, out.length - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
  const out = new Uint8Array(e - s);
  const key = keyOf(c.seed, c.size);
  let pos = s;
  while (pos < e) {
    const b = Math.floor(pos / BLOCK);
    const blockStart = b * BLOCK;
    const block = generateBlock(key, b, new Uint8Array(BLOCK));
    const from = pos - blockStart;
    const to = Math.min(BLOCK, e - blockStart);
    out.set(block.subarray(from, to), pos - s);
    pos = blockStart + to;
  }
  return out;
}

/**
 * The content as a sequence of chunks (synthetic: one per 64 KiB block), for hashing and tar writing without
 * materializing big files. Each chunk is a fresh array the consumer may keep.
 */
export function* contentChunks(c: FileContent): Generator<Uint8Array, void, undefined> {
  if (c.kind === 'bytes') {
    if (c.bytes.length > 0) yield c.bytes;
    return;
  }
  if (c.kind === 'lazy') {
    yield* c.chunks();
    return;
  }
  const key = keyOf(c.seed, c.size);
  const blocks = Math.ceil(c.size / BLOCK);
  for (let b = 0; b < blocks; b++) {
    const len = Math.min(BLOCK, c.size - b * BLOCK);
    const block = generateBlock(key, b, new Uint8Array(BLOCK));
    yield len === BLOCK ? block : block.subarray(0, len);
  }
}

/** Same bytes (and, for synthetic content, the same program identity). Cheap unless both sides must be read. */
export function contentEquals(a: FileContent, b: FileContent): boolean {
  if (a === b) return true;
  if (a.kind === 'synthetic' && b.kind === 'synthetic') return a.seed === b.seed && a.size === b.size && a.program === b.program;
  if (contentSize(a) !== contentSize(b)) return false;
  if ((a.kind === 'synthetic' && a.program !== undefined) || (b.kind === 'synthetic' && b.program !== undefined)) return false;
  return bytesEqual(readContent(a), readContent(b));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Four 32-bit words from sha256(seed, size): the per-file key every block is derived from. */
const keyCache = new Map<string, Uint32Array>();
function keyOf(seed: string, size: number): Uint32Array {
  const id = `${size}\u0000${seed}`;
  let key = keyCache.get(id);
  if (key === undefined) {
    const h = sha256(encoder.encode(`dockyard-synthetic\u0000${id}`));
    key = new Uint32Array(4);
    for (let i = 0; i < 4; i++) key[i] = (h[4 * i]! | (h[4 * i + 1]! << 8) | (h[4 * i + 2]! << 16) | (h[4 * i + 3]! << 24)) >>> 0;
    // Bounded: a base image has thousands of files at most, but a long session could see many more.
    if (keyCache.size > 4096) keyCache.clear();
    keyCache.set(id, key);
  }
  return key;
}

/**
 * Fills `out` with block `index` of the stream: sfc32 (a small, fast, well-mixed generator) seeded from the key and
 * the block index, warmed up so neighbouring blocks are unrelated. Words are stored little-endian on every platform.
 */
function generateBlock(key: Uint32Array, index: number, out: Uint8Array): Uint8Array {
  let a = key[0]! ^ index;
  let b = key[1]! ^ Math.floor(index / 0x100000000);
  let c = key[2]!;
  let d = key[3]!; // sfc32's counter
  for (let i = 0; i < 12; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
  }
  const words = new Uint32Array(out.buffer, out.byteOffset, WORDS);
  for (let i = 0; i < WORDS; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    words[i] = t;
  }
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < BLOCK; i += 4) {
      const x = out[i]!;
      out[i] = out[i + 3]!;
      out[i + 3] = x;
      const y = out[i + 1]!;
      out[i + 1] = out[i + 2]!;
      out[i + 2] = y;
    }
  }
  return out;
}
