/**
 * A compact binary encoding of immutable, structurally shared values (the engine state): primitives, arrays, plain
 * objects, Maps, Sets and Uint8Arrays. The state is a DAG in which one subtree (a base image's layer, an unchanged
 * directory) is reachable from many places, so every object is written once and later occurrences are back-references;
 * strings and object shapes (key lists) are interned the same way. Byte arrays are written raw.
 *
 * Deterministic: a value is walked in its own order (array index, object key order, Map/Set insertion order), so the
 * same value always gives the same bytes. Strict on read: every length is bounds-checked and any byte sequence that is
 * not a well-formed encoding throws ValueCodecError, never anything else.
 *
 * Values the codec cannot write (functions, class instances) are handed to an `external` hook, which names them and
 * gives a plain payload to write instead; the reader gives the name and payload back to its own hook to rebuild them.
 */
import { runSteps, runStepsSliced } from './slicer.ts';
import { utf8Pieces } from './utf8-pieces.ts';

export class ValueCodecError extends Error {
  override readonly name = 'ValueCodecError';
}

export interface External {
  readonly name: string;
  readonly payload: unknown;
}

export interface EncodeOptions {
  /** Called once per distinct object before it is written: return a replacement to write it as an external. */
  external?: (value: object) => External | undefined;
}

export interface DecodeOptions {
  /** Rebuilds an external from its name and payload; throws (any error) when it cannot. */
  external?: (name: string, payload: unknown) => unknown;
  /** Deepest nesting accepted: bounds recursion on hostile input. */
  maxDepth?: number;
}

/** The byte before each value, saying what follows. */
const Tag = {
  Undefined: 0,
  Null: 1,
  False: 2,
  True: 3,
  Int: 4,
  Float: 5,
  String: 6,
  StringRef: 7,
  ObjectRef: 8,
  Array: 9,
  ObjectNewShape: 10,
  Object: 11,
  Map: 12,
  Set: 13,
  Bytes: 14,
  External: 15,
} as const;

const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Byte arrays at least this long are kept by reference as chunks of their own rather than copied in. */
const CHUNK_BY_REFERENCE = 1 << 16;

/** Strings this short are checked for ASCII and copied by hand; must stay under 0x80 (a one-byte length). */
const SHORT_STRING = 64;

class Writer {
  #buf = new Uint8Array(1 << 16);
  #len = 0;
  /** What came before `#buf`: its earlier parts and large byte arrays, by reference. */
  readonly #chunks: Uint8Array[] = [];
  readonly #f64 = new DataView(new ArrayBuffer(8));

  #room(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }

  byte(b: number): void {
    this.#room(1);
    this.#buf[this.#len++] = b;
  }

  /** Unsigned LEB128, for any safe integer (arithmetic, not bit operations, past 32 bits). */
  uint(n: number): void {
    this.#room(8);
    while (n >= 0x80) {
      this.#buf[this.#len++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.#buf[this.#len++] = n;
  }

  bytes(b: Uint8Array): void {
    if (b.length >= CHUNK_BY_REFERENCE) {
      if (this.#len > 0) this.#chunks.push(this.#buf.slice(0, this.#len));
      this.#chunks.push(b);
      this.#len = 0;
      return;
    }
    this.#room(b.length);
    this.#buf.set(b, this.#len);
    this.#len += b.length;
  }

  /** A string as its UTF-8 length and bytes. */
  utf8(s: string): void {
    // Short ASCII (names, keys, labels) is copied in place: a TextEncoder call per string costs more than the copy.
    if (s.length <= SHORT_STRING) {
      this.#room(s.length + 1);
      const start = this.#len;
      const buf = this.#buf;
      let i = 0;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[start + 1 + i] = c;
      }
      if (i === s.length) {
        buf[start] = s.length; // under 0x80: one byte of LEB128
        this.#len += s.length + 1;
        return;
      }
    }
    const bytes = encoder.encode(s);
    this.uint(bytes.length);
    this.bytes(bytes);
  }

  float(n: number): void {
    this.#f64.setFloat64(0, n, true);
    this.bytes(new Uint8Array(this.#f64.buffer));
  }

  /** The encoding as consecutive pieces; large byte arrays are the caller's own (not to be changed meanwhile). */
  chunks(): Uint8Array[] {
    return this.#len > 0 ? [...this.#chunks, this.#buf.slice(0, this.#len)] : [...this.#chunks];
  }
}

/** The pieces of `encodeValueChunks` as one array. */
export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function encodeValue(value: unknown, options: EncodeOptions = {}): Uint8Array {
  return concatChunks(encodeValueChunks(value, options));
}

/**
 * `encodeValue`'s bytes as consecutive pieces, large byte arrays by reference: an 8 MB file is not copied until the
 * pieces are joined, which may happen in a worker.
 */
export function encodeValueChunks(value: unknown, options: EncodeOptions = {}): Uint8Array[] {
  return runSteps(encoding(value, options));
}

/**
 * Work between two pauses of `encodeValueChunksSliced`, a few milliseconds: a unit per value, and one per 64
 * characters of a new string (an object of 100,000 labels is one object, but 200,000 strings).
 */
const SLICE_WORK = 20_000;

/**
 * `encodeValueChunks`, pausing (`pause()`, a yield to the page) every few thousand objects: the same bytes, without
 * one long task for a state of a hundred thousand files or a thousand containers. The value must not change meanwhile
 * (a snapshot never does).
 */
export async function encodeValueChunksSliced(value: unknown, pause: () => Promise<void>, options: EncodeOptions = {}): Promise<Uint8Array[]> {
  return runStepsSliced(encoding(value, options), pause, 1);
}

/** Strings longer than this are encoded in pieces of this many characters, a pause allowed between pieces. */
const LONG_STRING = 256 * 1024;

/** The encoder, as steps, yielding every SLICE_WORK units of work. */
function* encoding(value: unknown, options: EncodeOptions): Generator<void, Uint8Array[], void> {
  const w = new Writer();
  let work = 0;
  /** Counts a unit of work; true when a slice is used up. */
  const due = (): boolean => {
    if (++work < SLICE_WORK) return false;
    work = 0;
    return true;
  };
  const strings = new Map<string, number>();
  const shapes = new Map<string, number>();
  const objects = new Map<object, number>();
  const inProgress = new Set<object>();

  const string = (s: string) => {
    const ref = strings.get(s);
    if (ref !== undefined) {
      w.byte(Tag.StringRef);
      w.uint(ref);
      return;
    }
    strings.set(s, strings.size);
    work += s.length >> 6;
    w.byte(Tag.String);
    w.utf8(s);
  };

  // Objects and long strings are generators, other values are written in place: a generator per number or short
  // string would cost more than the encoding itself, hence `stepped(x) ? yield* steps(x) : primitive(x)` below.
  const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;
  const stepped = (v: unknown): v is object | string => isObject(v) || (typeof v === 'string' && v.length > LONG_STRING && !strings.has(v));
  const steps = (v: object | string) => (typeof v === 'string' ? longString(v) : object(v));

  /** A string of megabytes (an image config, a Dockerfile) encoded a slice at a time. */
  function* longString(s: string): Generator<void, void, void> {
    strings.set(s, strings.size);
    const pieces: Uint8Array[] = [];
    let length = 0;
    for (const piece of utf8Pieces(s, LONG_STRING)) {
      pieces.push(piece);
      length += piece.length;
      yield;
    }
    w.byte(Tag.String);
    w.uint(length);
    for (const piece of pieces) w.bytes(piece);
  }

  const primitive = (v: unknown): void => {
    switch (typeof v) {
      case 'undefined':
        return w.byte(Tag.Undefined);
      case 'boolean':
        return w.byte(v ? Tag.True : Tag.False);
      case 'number':
        // Zigzag (small negatives stay small) doubles the magnitude, which must stay a safe integer.
        if (Number.isInteger(v) && Math.abs(v) < 2 ** 52 && !Object.is(v, -0)) {
          w.byte(Tag.Int);
          return w.uint(v < 0 ? -2 * v - 1 : 2 * v);
        }
        w.byte(Tag.Float);
        return w.float(v);
      case 'string':
        return string(v);
      case 'object':
        return w.byte(Tag.Null);
      default:
        throw new ValueCodecError(`cannot encode a value of type ${typeof v}`);
    }
  };

  function* object(v: object): Generator<void, void, void> {
    const ref = objects.get(v);
    if (ref !== undefined) {
      w.byte(Tag.ObjectRef);
      w.uint(ref);
      return;
    }
    if (inProgress.has(v)) throw new ValueCodecError('cannot encode a value that contains itself');
    inProgress.add(v);
    if (due()) yield;
    const ext = options.external?.(v);
    if (ext) {
      w.byte(Tag.External);
      string(ext.name);
      if (stepped(ext.payload)) yield* steps(ext.payload);
      else primitive(ext.payload);
    } else if (v instanceof Uint8Array) {
      w.byte(Tag.Bytes);
      w.uint(v.length);
      w.bytes(v);
    } else if (Array.isArray(v)) {
      w.byte(Tag.Array);
      w.uint(v.length);
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (stepped(x)) yield* steps(x);
        else primitive(x);
        if (due()) yield;
      }
    } else if (v instanceof Map) {
      w.byte(Tag.Map);
      w.uint(v.size);
      for (const [k, x] of v) {
        if (stepped(k)) yield* steps(k);
        else primitive(k);
        if (stepped(x)) yield* steps(x);
        else primitive(x);
        if (due()) yield;
      }
    } else if (v instanceof Set) {
      w.byte(Tag.Set);
      w.uint(v.size);
      for (const x of v) {
        if (stepped(x)) yield* steps(x);
        else primitive(x);
        if (due()) yield;
      }
    } else {
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new ValueCodecError(`cannot encode an instance of ${(v.constructor as { name?: string } | undefined)?.name ?? 'a class'}`);
      const keys = Object.keys(v);
      // JSON, not a join: `{}` and `{"": …}`, or keys holding the separator, must not share a shape.
      const shapeKey = JSON.stringify(keys);
      const shape = shapes.get(shapeKey);
      if (shape === undefined) {
        shapes.set(shapeKey, shapes.size);
        w.byte(Tag.ObjectNewShape);
        w.uint(keys.length);
        for (const k of keys) {
          string(k);
          if (due()) yield;
        }
      } else {
        w.byte(Tag.Object);
        w.uint(shape);
      }
      const record = v as Record<string, unknown>;
      for (const k of keys) {
        const x = record[k];
        if (stepped(x)) yield* steps(x);
        else primitive(x);
        if (due()) yield;
      }
    }
    inProgress.delete(v);
    // Numbered when finished: a reader meets a back-reference only after the object it names is complete.
    objects.set(v, objects.size);
  }

  if (stepped(value)) yield* steps(value);
  else primitive(value);
  return w.chunks();
}

export function decodeValue(bytes: Uint8Array, options: DecodeOptions = {}): unknown {
  const maxDepth = options.maxDepth ?? 10_000;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const strings: string[] = [];
  const shapes: string[][] = [];
  const objects: unknown[] = [];
  let at = 0;

  const fail = (what: string): never => {
    throw new ValueCodecError(`${what} at byte ${at}`);
  };
  const byte = (): number => (at < bytes.length ? bytes[at++]! : fail('unexpected end of data'));
  const uint = (): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = byte();
      n += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
      if (scale > 2 ** 56) fail('number too large');
    }
    if (!Number.isSafeInteger(n)) fail('number too large');
    return n;
  };
  /** A count of items, each at least one byte: more than the bytes left is malformed, not a huge allocation. */
  const count = (): number => {
    const n = uint();
    if (n > bytes.length - at) fail(`count ${n} exceeds the remaining data`);
    return n;
  };
  const raw = (n: number): Uint8Array => {
    if (n > bytes.length - at) fail('unexpected end of data');
    const out = bytes.slice(at, at + n);
    at += n;
    return out;
  };
  const string = (tag: number): string => {
    if (tag === Tag.String) {
      let s: string;
      try {
        s = strictUtf8.decode(raw(uint()));
      } catch (e) {
        if (e instanceof ValueCodecError) throw e;
        return fail('invalid UTF-8 in a string');
      }
      strings.push(s);
      return s;
    }
    if (tag === Tag.StringRef) {
      const i = uint();
      return i < strings.length ? strings[i]! : fail(`unknown string reference ${i}`);
    }
    return fail(`expected a string, found tag ${tag}`);
  };

  const read = (depth: number): unknown => {
    if (depth > maxDepth) fail('nesting too deep');
    const tag = byte();
    switch (tag) {
      case Tag.Undefined:
        return undefined;
      case Tag.Null:
        return null;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int: {
        const z = uint();
        return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      }
      case Tag.Float: {
        if (at + 8 > bytes.length) fail('unexpected end of data');
        const f = view.getFloat64(at, true);
        at += 8;
        return f;
      }
      case Tag.String:
      case Tag.StringRef:
        return string(tag);
      case Tag.ObjectRef: {
        const i = uint();
        return i < objects.length ? objects[i] : fail(`unknown object reference ${i}`);
      }
      case Tag.Bytes:
        return done(raw(uint()));
      case Tag.Array: {
        const n = count();
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) out[i] = read(depth + 1);
        return done(out);
      }
      case Tag.Map: {
        const n = count();
        const out = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) {
          const k = read(depth + 1);
          if (out.has(k)) fail('duplicate Map key');
          out.set(k, read(depth + 1));
        }
        return done(out);
      }
      case Tag.Set: {
        const n = count();
        const out = new Set<unknown>();
        for (let i = 0; i < n; i++) {
          const x = read(depth + 1);
          if (out.has(x)) fail('duplicate Set member');
          out.add(x);
        }
        return done(out);
      }
      case Tag.ObjectNewShape: {
        const n = count();
        const keys: string[] = [];
        for (let i = 0; i < n; i++) keys.push(string(byte()));
        if (new Set(keys).size !== keys.length) fail('duplicate object key');
        shapes.push(keys);
        return objectOf(keys, depth);
      }
      case Tag.Object: {
        const i = uint();
        return objectOf(i < shapes.length ? shapes[i]! : fail(`unknown shape reference ${i}`), depth);
      }
      case Tag.External: {
        const name = string(byte());
        const payload = read(depth + 1);
        if (!options.external) return fail(`unexpected external value "${name}"`);
        let value: unknown;
        try {
          value = options.external(name, payload);
        } catch (e) {
          return fail(`external value "${name}": ${e instanceof Error ? e.message : String(e)}`);
        }
        return done(value);
      }
      default:
        return fail(`unknown tag ${tag}`);
    }
  };

  const objectOf = (keys: readonly string[], depth: number): unknown => {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a key named `__proto__` must stay data, not change the prototype.
    for (const k of keys) Object.defineProperty(out, k, { value: read(depth + 1), enumerable: true, writable: true, configurable: true });
    return done(out);
  };

  const done = <T>(value: T): T => {
    objects.push(value);
    return value;
  };

  const value = read(0);
  if (at !== bytes.length) fail('trailing data');
  return value;
}
