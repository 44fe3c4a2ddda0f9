import { sha256 } from '@noble/hashes/sha2.js';
import { deflateSync, inflateSync } from 'fflate';

/**
 * The envelope of a saved file: it says what it is (magic), which schema its payload follows (version), and carries a
 * checksum, so a file that is not ours, was cut short or was damaged is told apart from one that is merely old, before
 * any of its payload is trusted.
 *
 *   magic (16 bytes)  version (u32 LE)  compression (u8: 0 none, 1 deflate)  payload length (u32 LE)
 *   SHA-256 of everything after the magic but the checksum itself (32 bytes)  body (the payload, compressed or not)
 *
 * The checksum covers the version too: a flipped bit there must read as damage, not as a save from another version.
 */

export type SaveProblem =
  /** Not a file of this kind at all (wrong magic, or too short to have one). */
  | 'not-a-save'
  /** Ours, but cut short or damaged (checksum, lengths, undecodable payload, wrong shape). */
  | 'damaged'
  /** Written by a newer version of the program. */
  | 'too-new'
  /** Older than any version a migration starts from. */
  | 'too-old';

export class SaveFormatError extends Error {
  override readonly name = 'SaveFormatError';
  constructor(
    readonly problem: SaveProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Turns a payload of schema version n into one of version n + 1. */
export type Migration = (payload: unknown) => unknown;

export interface SaveFormat {
  /** Exactly 16 ASCII characters. */
  readonly magic: string;
  /** The schema version this program writes. */
  readonly version: number;
  /** Keyed by the version each migration starts from; a save of version v is read by running v, v+1, … in turn. */
  readonly migrations: ReadonlyMap<number, Migration>;
}

const MAGIC_LENGTH = 16;
const HEADER_LENGTH = MAGIC_LENGTH + 4 + 1 + 4 + 32;
/** Payloads above this are refused rather than allocated: no session comes near it. */
const MAX_PAYLOAD = 1 << 30;

const NONE = 0;
const DEFLATE = 1;

function magicBytes(format: SaveFormat): Uint8Array {
  const bytes = new TextEncoder().encode(format.magic);
  if (bytes.length !== MAGIC_LENGTH) throw new Error(`save magic must be ${MAGIC_LENGTH} ASCII characters`);
  return bytes;
}

function checksumOf(file: Uint8Array): Uint8Array {
  return sha256.create().update(file.subarray(MAGIC_LENGTH, MAGIC_LENGTH + 9)).update(file.subarray(HEADER_LENGTH)).digest();
}

/** Wraps a payload; deflated when that makes it smaller. Same payload, same bytes. */
export function writeSaveFile(format: SaveFormat, payload: Uint8Array): Uint8Array {
  if (payload.length > MAX_PAYLOAD) throw new Error('session too large to save');
  const deflated = deflateSync(payload, { level: 6 });
  const [compression, body] = deflated.length < payload.length ? [DEFLATE, deflated] : [NONE, payload];
  const out = new Uint8Array(HEADER_LENGTH + body.length);
  const view = new DataView(out.buffer);
  out.set(magicBytes(format), 0);
  view.setUint32(MAGIC_LENGTH, format.version, true);
  out[MAGIC_LENGTH + 4] = compression;
  view.setUint32(MAGIC_LENGTH + 5, payload.length, true);
  out.set(body, HEADER_LENGTH);
  out.set(checksumOf(out), MAGIC_LENGTH + 9);
  return out;
}

/** The payload and the schema version it was written in, once the envelope checks out. */
export function readSaveFile(format: SaveFormat, bytes: Uint8Array): { version: number; payload: Uint8Array } {
  const magic = magicBytes(format);
  if (bytes.length < MAGIC_LENGTH || magic.some((b, i) => bytes[i] !== b)) throw new SaveFormatError('not-a-save', 'This is not a Dockyard session file.');
  if (bytes.length < HEADER_LENGTH) throw new SaveFormatError('damaged', 'The session file is cut short: its header is incomplete.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(MAGIC_LENGTH, true);
  if (version > format.version) {
    throw new SaveFormatError('too-new', `The session file was saved by a newer Dockyard (format ${version}; this page reads up to ${format.version}).`);
  }
  const compression = bytes[MAGIC_LENGTH + 4]!;
  const length = view.getUint32(MAGIC_LENGTH + 5, true);
  const checksum = bytes.subarray(MAGIC_LENGTH + 9, HEADER_LENGTH);
  const body = bytes.subarray(HEADER_LENGTH);
  const actual = checksumOf(bytes);
  if (actual.some((b, i) => checksum[i] !== b)) throw new SaveFormatError('damaged', 'The session file is damaged or cut short: its checksum does not match.');
  if (compression !== NONE && compression !== DEFLATE) throw new SaveFormatError('damaged', `The session file uses an unknown compression (${compression}).`);
  if (length > MAX_PAYLOAD) throw new SaveFormatError('damaged', 'The session file declares an impossible size.');
  if (compression === NONE) {
    if (body.length !== length) throw new SaveFormatError('damaged', 'The session file is damaged: its length does not match.');
    return { version, payload: body };
  }
  let payload: Uint8Array;
  try {
    payload = inflateSync(body, { out: new Uint8Array(length + 1) });
  } catch {
    throw new SaveFormatError('damaged', 'The session file is damaged: its contents cannot be decompressed.');
  }
  // One byte of room beyond the declared length: a body that inflates to more is caught, not silently truncated.
  if (payload.length !== length) throw new SaveFormatError('damaged', 'The session file is damaged: its contents have the wrong length.');
  return { version, payload };
}

/** Brings a decoded payload from `version` up to the format's current version, one migration at a time. */
export function migrate(format: SaveFormat, version: number, payload: unknown): unknown {
  let value = payload;
  for (let v = version; v < format.version; v++) {
    const step = format.migrations.get(v);
    if (!step) throw new SaveFormatError('too-old', `The session file is from an older Dockyard (format ${version}) that this page can no longer read.`);
    try {
      value = step(value);
    } catch (e) {
      throw new SaveFormatError('damaged', `The session file (format ${version}) could not be upgraded: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return value;
}
