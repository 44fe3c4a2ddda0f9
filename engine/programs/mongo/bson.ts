import { sha256Hex } from '../../core/ids.ts';

/**
 * The BSON values Dockyard's MongoDB model carries: JSON's, plus ObjectId, Date and RegExp (for queries). Documents
 * travel and rest as Extended JSON (canonical `$oid`/`$date`/`$regularExpression` wrappers, numbers left as they are):
 * a simplification of real BSON that keeps every value the lessons show.
 */
export type Value = null | boolean | number | string | Date | RegExp | ObjectId | readonly Value[] | Doc;
export interface Doc {
  [key: string]: Value;
}

/** A 12-byte ObjectId shown as 24 hex digits: 4 bytes of seconds, 5 process-unique bytes, a 3-byte counter. */
export class ObjectId {
  readonly #hex: string;

  constructor(hex: string) {
    if (!/^[0-9a-fA-F]{24}$/.test(hex)) throw new BSONError('input must be a 24 character hex string, 12 byte Uint8Array, or an integer');
    this.#hex = hex.toLowerCase();
  }

  toHexString(): string {
    return this.#hex;
  }
  toString(): string {
    return this.#hex;
  }
  toJSON(): string {
    return this.#hex;
  }
  equals(other: unknown): boolean {
    return other instanceof ObjectId && other.#hex === this.#hex;
  }
  getTimestamp(): Date {
    return new Date(parseInt(this.#hex.slice(0, 8), 16) * 1000);
  }
}

export class BSONError extends Error {
  override readonly name = 'BSONError';
}

/**
 * Makes ObjectIds as a driver or mongod does, deterministically: the time from the virtual clock, the 5 "random"
 * bytes and the counter's start drawn from `seed` instead of the real random source.
 */
export class ObjectIdFactory {
  readonly #unique: string;
  #counter: number;

  constructor(
    private readonly now: () => number,
    seed: string,
  ) {
    const h = sha256Hex(`objectid:${seed}`);
    this.#unique = h.slice(0, 10);
    this.#counter = parseInt(h.slice(10, 16), 16) & 0xffffff;
  }

  next(): ObjectId {
    const seconds = Math.floor(this.now() / 1000) >>> 0;
    this.#counter = (this.#counter + 1) & 0xffffff;
    return new ObjectId(seconds.toString(16).padStart(8, '0') + this.#unique + this.#counter.toString(16).padStart(6, '0'));
  }
}

export function isDoc(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof ObjectId) && !(v instanceof Date) && !(v instanceof RegExp);
}

/** To Extended JSON (the wire and storage form). `undefined` members are dropped, as BSON serialization does. */
export function toEJSON(v: unknown): unknown {
  if (v instanceof ObjectId) return { $oid: v.toHexString() };
  if (v instanceof Date) return { $date: v.toISOString() };
  if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } };
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : toEJSON(x)));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && typeof x !== 'function') out[k] = toEJSON(x);
    return out;
  }
  return v === undefined ? null : v;
}

export function fromEJSON(v: unknown): Value {
  if (Array.isArray(v)) return v.map(fromEJSON);
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && typeof o.$oid === 'string') return new ObjectId(o.$oid);
    if (keys.length === 1 && typeof o.$date === 'string') return new Date(o.$date);
    if (keys.length === 1 && typeof o.$regularExpression === 'object' && o.$regularExpression !== null) {
      const r = o.$regularExpression as { pattern: string; options: string };
      return new RegExp(r.pattern, r.options);
    }
    const out: Doc = {};
    for (const k of keys) out[k] = fromEJSON(o[k]);
    return out;
  }
  return v as Value;
}

export function stringifyEJSON(v: unknown): string {
  return JSON.stringify(toEJSON(v));
}

export function parseEJSON(text: string): Value {
  return fromEJSON(JSON.parse(text));
}

/** A deep copy (documents handed out must not alias the store's). */
export function clone<T extends Value>(v: T): T {
  return fromEJSON(toEJSON(v)) as T;
}

/** BSON's comparison order across types (MinKey < null < numbers < strings < objects < arrays < ObjectId < bool < date < regex). */
function typeRank(v: Value | undefined): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (v instanceof ObjectId) return 7;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  if (v instanceof RegExp) return 11;
  return 4;
}

/** Orders two values as mongod's sort does. */
export function compareValues(a: Value | undefined, b: Value | undefined): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (a instanceof ObjectId && b instanceof ObjectId) return a.toHexString() < b.toHexString() ? -1 : a.toHexString() > b.toHexString() ? 1 : 0;
  if (a instanceof RegExp && b instanceof RegExp) return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (isDoc(a) && isDoc(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
      const c = compareValues(a[ka[i]!], b[kb[i]!]) || (ka[i]! < kb[i]! ? -1 : ka[i]! > kb[i]! ? 1 : 0);
      if (c !== 0) return c;
    }
    return ka.length - kb.length;
  }
  return 0;
}

export function valuesEqual(a: Value | undefined, b: Value | undefined): boolean {
  return typeRank(a) === typeRank(b) && compareValues(a, b) === 0 && (Array.isArray(a) || isDoc(a) ? JSON.stringify(toEJSON(a)) === JSON.stringify(toEJSON(b)) : true);
}

/** BSON's type names, as server error messages spell them. */
export function typeName(v: Value | undefined): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  if (v instanceof ObjectId) return 'objectId';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  return 'object';
}

/** An estimate of a document's BSON size in bytes (for sizes and dataSize; BSON adds type bytes and lengths). */
export function bsonSize(v: Value): number {
  return stringifyEJSON(v).length + 5;
}
