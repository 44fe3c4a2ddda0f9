/**
 * The RDB snapshot format (rdb.c, version 12 as Redis 7.4 and 8.0 write it), so a dump.rdb Dockyard writes is one
 * real redis-server loads: "REDIS0012", auxiliary fields, per database a SELECTDB and RESIZEDB, then each key (with
 * its expiry in ms), EOF and a CRC-64 of everything before it.
 *
 * Values use the RDB types every version still loads (string, list, set, hash). Redis itself writes the compact
 * listpack/quicklist/intset encodings; reading those (and LZF-compressed strings) is left out, so Dockyard loads
 * the files it wrote, and reports anything else as Redis does a damaged file.
 */
import { crc64 } from './crc64.ts';
import { addMember, newSet, type Keyspace, type RedisValue } from './store.ts';

export const RDB_VERSION = 12;

const OP = { AUX: 0xfa, RESIZEDB: 0xfb, EXPIRETIME_MS: 0xfc, EXPIRETIME: 0xfd, SELECTDB: 0xfe, EOF: 0xff } as const;
const TYPE = { string: 0, list: 1, set: 2, hash: 4 } as const;

export interface RdbInfo {
  /** Aux `redis-ver`: the version that wrote the file. */
  readonly version: string;
  /** Aux `ctime`: Unix seconds when it was written. */
  readonly ctime: number;
  /** Aux `used-mem`: bytes in use then. */
  readonly usedMem: number;
  /** Aux `aof-base`: the file is the base of a multi-part AOF. */
  readonly aofBase: boolean;
}

export class RdbError extends Error {
  override readonly name = 'RdbError';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

class Writer {
  readonly #parts: number[] = [];
  byte(b: number): this {
    this.#parts.push(b & 0xff);
    return this;
  }
  bytes(b: Uint8Array | readonly number[]): this {
    for (const x of b) this.#parts.push(x);
    return this;
  }
  length(n: number): this {
    if (n < 1 << 6) return this.byte(n);
    if (n < 1 << 14) return this.byte(0x40 | (n >> 8)).byte(n);
    return this.byte(0x80).bytes([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
  }
  /** A string, stored as an 8/16/32-bit integer when it is one's canonical form (as rdbTryIntegerEncoding does). */
  string(s: string): this {
    if (/^(0|-?[1-9]\d{0,9})$/.test(s)) {
      const n = Number(s);
      if (n >= -128 && n <= 127) return this.byte(0xc0).byte(n);
      if (n >= -32768 && n <= 32767) return this.byte(0xc1).byte(n).byte(n >> 8);
      if (n >= -(2 ** 31) && n < 2 ** 31) return this.byte(0xc2).byte(n).byte(n >> 8).byte(n >> 16).byte(n >> 24);
    }
    const b = encoder.encode(s);
    return this.length(b.length).bytes(b);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.#parts);
  }
}

/** The snapshot of every database's live keys (expired ones are left out, as nobody could read them). */
export function encodeRdb(keyspace: Keyspace, info: RdbInfo, now: number): Uint8Array {
  const w = new Writer().bytes(encoder.encode(`REDIS${String(RDB_VERSION).padStart(4, '0')}`));
  const aux = (k: string, v: string) => w.byte(OP.AUX).string(k).string(v);
  aux('redis-ver', info.version);
  aux('redis-bits', '64');
  aux('ctime', String(info.ctime));
  aux('used-mem', String(info.usedMem));
  aux('aof-base', info.aofBase ? '1' : '0');
  for (const [n, db] of keyspace.dbs.entries()) {
    const live = [...db.data].filter(([k]) => (db.expires.get(k) ?? Infinity) > now);
    if (live.length === 0) continue;
    w.byte(OP.SELECTDB).length(n);
    w.byte(OP.RESIZEDB).length(live.length).length(live.filter(([k]) => db.expires.has(k)).length);
    for (const [key, value] of live) {
      const at = db.expires.get(key);
      if (at !== undefined) {
        w.byte(OP.EXPIRETIME_MS);
        let ms = BigInt(at);
        for (let i = 0; i < 8; i++, ms >>= 8n) w.byte(Number(ms & 0xffn));
      }
      w.byte(TYPE[value.type]).string(key);
      writeValue(w, value);
    }
  }
  w.byte(OP.EOF);
  const body = w.done();
  const out = new Uint8Array(body.length + 8);
  out.set(body);
  let crc = crc64(body);
  for (let i = 0; i < 8; i++, crc >>= 8n) out[body.length + i] = Number(crc & 0xffn);
  return out;
}

function writeValue(w: Writer, v: RedisValue): void {
  switch (v.type) {
    case 'string':
      w.string(v.value);
      return;
    case 'list':
      w.length(v.items.length);
      for (const item of v.items) w.string(item);
      return;
    case 'set':
      w.length(v.members.size);
      for (const m of v.members) w.string(m);
      return;
    case 'hash':
      w.length(v.fields.size);
      for (const [f, x] of v.fields) w.string(f).string(x);
      return;
  }
}

class Reader {
  pos = 0;
  constructor(readonly b: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.b.length) throw new RdbError('Short read or OOM loading DB. Unrecoverable error, aborting now.');
    return this.b[this.pos++]!;
  }
  take(n: number): Uint8Array {
    if (this.pos + n > this.b.length) throw new RdbError('Short read or OOM loading DB. Unrecoverable error, aborting now.');
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** A length, or an integer encoding as `{ enc }`. */
  length(): number | { enc: number } {
    const first = this.byte();
    const kind = first >> 6;
    if (kind === 0) return first & 0x3f;
    if (kind === 1) return ((first & 0x3f) << 8) | this.byte();
    if (kind === 3) return { enc: first & 0x3f };
    if (first === 0x80) return this.take(4).reduce((n, x) => n * 256 + x, 0);
    if (first === 0x81) return this.take(8).reduce((n, x) => n * 256 + x, 0);
    throw new RdbError(`Unknown length encoding ${first} in rdbLoadLen()`);
  }
  count(): number {
    const n = this.length();
    if (typeof n !== 'number') throw new RdbError('Unknown RDB encoding type');
    return n;
  }
  string(): string {
    const n = this.length();
    if (typeof n === 'number') return decoder.decode(this.take(n));
    const bytes = n.enc === 0 ? 1 : n.enc === 1 ? 2 : n.enc === 2 ? 4 : 0;
    if (bytes === 0) throw new RdbError(`Unknown RDB string encoding type ${n.enc}`);
    const raw = this.take(bytes);
    let v = 0;
    for (let i = bytes - 1; i >= 0; i--) v = v * 256 + raw[i]!;
    const sign = 2 ** (bytes * 8 - 1);
    return String(v >= sign ? v - 2 * sign : v);
  }
}

export interface LoadResult extends Partial<RdbInfo> {
  readonly keysLoaded: number;
  readonly keysExpired: number;
}

/** Loads a snapshot into `keyspace` (keys already past their expiry are skipped and counted). */
export function decodeRdb(bytes: Uint8Array, keyspace: Keyspace, now: number): LoadResult {
  const r = new Reader(bytes);
  const magic = decoder.decode(r.take(Math.min(9, bytes.length)));
  if (!magic.startsWith('REDIS')) throw new RdbError('Wrong signature trying to load DB from file');
  const version = Number(magic.slice(5));
  if (!(version >= 1 && version <= RDB_VERSION)) throw new RdbError(`Can't handle RDB format version ${magic.slice(5)}`);
  const aux: Record<string, string> = {};
  let db = 0;
  let loaded = 0;
  let expired = 0;
  let expireAt: number | undefined;
  for (;;) {
    const op = r.byte();
    if (op === OP.EOF) break;
    if (op === OP.AUX) {
      const k = r.string();
      aux[k] = r.string();
    } else if (op === OP.SELECTDB) {
      db = r.count();
      if (db >= keyspace.dbs.length) throw new RdbError(`FATAL: Data file was created with a Redis server configured to handle more than ${keyspace.dbs.length} databases. Exiting`);
    } else if (op === OP.RESIZEDB) {
      r.count();
      r.count();
    } else if (op === OP.EXPIRETIME_MS) {
      expireAt = r.take(8).reduceRight((n, x) => n * 256 + x, 0);
    } else if (op === OP.EXPIRETIME) {
      expireAt = r.take(4).reduceRight((n, x) => n * 256 + x, 0) * 1000;
    } else {
      const key = r.string();
      const value = readValue(r, op);
      if (expireAt !== undefined && expireAt <= now) expired++;
      else {
        keyspace.set(db, key, value);
        if (expireAt !== undefined) keyspace.setExpire(db, key, expireAt);
        loaded++;
      }
      expireAt = undefined;
    }
  }
  if (version >= 5) {
    const stored = r.take(8).reduceRight((n, x) => (n << 8n) | BigInt(x), 0n);
    // A zero checksum means the writer had rdbchecksum off.
    if (stored !== 0n && stored !== crc64(bytes.subarray(0, r.pos - 8))) throw new RdbError('Wrong RDB checksum. Aborting now.');
  }
  return {
    ...(aux['redis-ver'] !== undefined ? { version: aux['redis-ver'] } : {}),
    ...(aux.ctime !== undefined ? { ctime: Number(aux.ctime) } : {}),
    ...(aux['used-mem'] !== undefined ? { usedMem: Number(aux['used-mem']) } : {}),
    aofBase: aux['aof-base'] === '1',
    keysLoaded: loaded,
    keysExpired: expired,
  };
}

function readValue(r: Reader, type: number): RedisValue {
  switch (type) {
    case TYPE.string:
      return { type: 'string', value: r.string() };
    case TYPE.list: {
      const n = r.count();
      return { type: 'list', items: Array.from({ length: n }, () => r.string()) };
    }
    case TYPE.set: {
      const set = newSet();
      for (let n = r.count(); n > 0; n--) addMember(set, r.string());
      return set;
    }
    case TYPE.hash: {
      const fields = new Map<string, string>();
      for (let n = r.count(); n > 0; n--) fields.set(r.string(), r.string());
      return { type: 'hash', fields };
    }
    default:
      throw new RdbError(`Unknown RDB encoding type ${type}`);
  }
}
