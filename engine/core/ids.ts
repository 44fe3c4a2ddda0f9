import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * Deterministic identifiers. Every random-looking value is derived from (seed, counter), so the same inputs always
 * give the same IDs, and restoring a snapshot (which holds the counter) replays the same IDs again.
 */
export interface IdState {
  readonly seed: number;
  readonly counter: number;
}

export function initialIds(seed: number): IdState {
  return { seed, counter: 0 };
}

/** 32 pseudo-random bytes for draw number `counter` of `seed`. */
export function drawBytes(state: IdState, purpose: string): Uint8Array {
  return sha256(new TextEncoder().encode(`dockyard:${state.seed}:${state.counter}:${purpose}`));
}

/** A 64-hex ID shaped like a Docker container/network/volume ID, and the next state. */
export function nextHexId(state: IdState, purpose = 'id'): [string, IdState] {
  return [bytesToHex(drawBytes(state, purpose)), { ...state, counter: state.counter + 1 }];
}

/** A pseudo-random integer in [0, n), and the next state. */
export function nextInt(state: IdState, n: number, purpose = 'int'): [number, IdState] {
  const b = drawBytes(state, purpose);
  const v = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  return [v % n, { ...state, counter: state.counter + 1 }];
}

export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(sha256(typeof data === 'string' ? new TextEncoder().encode(data) : data));
}
