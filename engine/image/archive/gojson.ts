import { compareNames } from '../../fs/path.ts';

/**
 * The bits of Go's encoding/json that the archive's bytes and `docker load`'s messages depend on: Marshal's string
 * escaping and sorted map keys, time.Time's text form, and the scanner's syntax errors.
 */

/** A Go string literal in JSON: Marshal escapes `<`, `>`, `&` and the JS line separators, unlike JSON.stringify. */
export function quote(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A Go map marshalled: keys in byte order, values already encoded. */
export function mapJson(entries: Iterable<readonly [string, string]>): string {
  const list = [...entries].sort((a, b) => compareNames(a[0], b[0]));
  return `{${list.map(([k, v]) => `${quote(k)}:${v}`).join(',')}}`;
}

/** A Go struct marshalled: fields in declaration order, `undefined` values left out (omitempty or absent). */
export function structJson(fields: readonly (readonly [string, string | undefined])[]): string {
  return `{${fields
    .filter((f): f is readonly [string, string] => f[1] !== undefined)
    .map(([k, v]) => `${quote(k)}:${v}`)
    .join(',')}}`;
}

export function stringsJson(list: readonly string[] | null | undefined): string {
  return list == null ? 'null' : `[${list.map(quote).join(',')}]`;
}

const RFC3339 = /^(\d{4}-\d\d-\d\d)[Tt](\d\d:\d\d:\d\d)(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/;

/**
 * time.Time's MarshalJSON after time.Parse of an RFC 3339 value: RFC3339Nano, so trailing zeros of the fraction go
 * and a zero offset prints as `Z`. Undefined for text Go would reject.
 */
export function goTime(text: string): string | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const frac = (m[3] ?? '').slice(0, 10).replace(/0+$/, '');
  const zone = m[4]!.toUpperCase() === 'Z' || /^[+-]00:00$/.test(m[4]!) ? 'Z' : m[4]!;
  return `${m[1]}T${m[2]}${frac === '.' ? '' : frac}${zone}`;
}

/** Whole seconds since the epoch of an RFC 3339 time (what Chtimes and a tar header keep), or undefined. */
export function epochSeconds(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}T${m[2]}${m[4]!.toUpperCase()}`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/**
 * The message Go's JSON reader gives for `text`, or undefined when it is valid. A Decoder (manifest.json) reads one
 * value and ignores what follows; Unmarshal (the config) rejects trailing data and words a short input differently.
 */
export function jsonSyntaxError(text: string, mode: 'decode' | 'unmarshal'): string | undefined {
  return scanJson(text, mode).error;
}

/** The first value of `text` parsed (after jsonSyntaxError found none): a Decoder ignores what follows it. */
export function firstJsonValue(text: string): unknown {
  return JSON.parse(text.slice(0, scanJson(text, 'decode').end));
}

function scanJson(text: string, mode: 'decode' | 'unmarshal'): { error?: string; end: number } {
  const s = new Scanner(text);
  s.space();
  if (s.i >= text.length) return { error: mode === 'decode' ? 'EOF' : 'unexpected end of JSON input', end: s.i };
  const err = s.value();
  if (err === END) return { error: mode === 'decode' ? 'unexpected EOF' : 'unexpected end of JSON input', end: s.i };
  if (err !== undefined) return { error: err, end: s.i };
  const end = s.i;
  if (mode === 'unmarshal') {
    s.space();
    if (s.i < text.length) return { error: s.bad('after top-level value'), end };
  }
  return { end };
}

const END = '\u0000end';

/** encoding/json's scanner refuses deeper nesting than this (maxNestingDepth): a hostile manifest, not a stack overflow. */
const MAX_NESTING = 10_000;

class Scanner {
  i = 0;
  constructor(readonly t: string) {}

  space(): void {
    while (this.i < this.t.length && ' \t\r\n'.includes(this.t[this.i]!)) this.i++;
  }

  bad(context: string): string {
    return `invalid character ${quoteChar(this.t.codePointAt(this.i)!)} ${context}`;
  }

  /**
   * One value, containers included. A loop over an explicit stack of open containers, not recursion: a hostile
   * manifest nested ten thousand deep (which Go accepts) must not overflow the JavaScript stack.
   */
  value(): string | undefined {
    const open: ('{' | '[')[] = [];
    for (;;) {
      const c = this.t[this.i];
      if (c === undefined) return END;
      if (c === '{' || c === '[') {
        if (open.length >= MAX_NESTING) return this.bad('exceeded max depth');
        this.i++;
        this.space();
        if (this.t[this.i] !== (c === '{' ? '}' : ']')) {
          open.push(c);
          const e = c === '{' ? this.key() : (this.space(), undefined);
          if (e !== undefined) return e;
          continue;
        }
        this.i++;
      } else {
        const e = this.scalar(c);
        if (e !== undefined) return e;
      }
      // A value ended: close the containers that end here, then go on with the next element, if any.
      for (;;) {
        const top = open.at(-1);
        if (top === undefined) return undefined;
        this.space();
        if (this.i >= this.t.length) return END;
        if (this.t[this.i] === (top === '{' ? '}' : ']')) {
          this.i++;
          open.pop();
          continue;
        }
        if (this.t[this.i] !== ',') return this.bad(top === '{' ? 'after object key:value pair' : 'after array element');
        this.i++;
        const e = top === '{' ? this.key() : (this.space(), undefined);
        if (e !== undefined) return e;
        break;
      }
    }
  }

  /** An object's key and its colon, up to where its value starts. */
  key(): string | undefined {
    this.space();
    if (this.i >= this.t.length) return END;
    if (this.t[this.i] !== '"') return this.bad('looking for beginning of object key string');
    const e = this.string();
    if (e !== undefined) return e;
    this.space();
    if (this.i >= this.t.length) return END;
    if (this.t[this.i] !== ':') return this.bad('after object key');
    this.i++;
    this.space();
    return undefined;
  }

  scalar(c: string): string | undefined {
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (c !== word[0]) continue;
      for (let k = 1; k < word.length; k++) {
        this.i++;
        if (this.i >= this.t.length) return END;
        if (this.t[this.i] !== word[k]) return this.bad(`in literal ${word} (expecting ${quoteChar(word.charCodeAt(k))})`);
      }
      this.i++;
      return undefined;
    }
    return this.bad('looking for beginning of value');
  }

  string(): string | undefined {
    this.i++;
    for (;;) {
      if (this.i >= this.t.length) return END;
      const c = this.t.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return undefined;
      }
      if (c < 0x20) return this.bad('in string literal');
      if (c === 0x5c) {
        this.i++;
        if (this.i >= this.t.length) return END;
        const e = this.t[this.i]!;
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            this.i++;
            if (this.i >= this.t.length) return END;
            if (!/[0-9a-fA-F]/.test(this.t[this.i]!)) return this.bad('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) return this.bad('in string escape code');
      }
      this.i++;
    }
  }

  number(): string | undefined {
    const digits = (): number => {
      const start = this.i;
      while (this.i < this.t.length && this.t[this.i]! >= '0' && this.t[this.i]! <= '9') this.i++;
      return this.i - start;
    };
    if (this.t[this.i] === '-') {
      this.i++;
      if (this.i >= this.t.length) return END;
      if (!(this.t[this.i]! >= '0' && this.t[this.i]! <= '9')) return this.bad('in numeric literal');
    }
    if (this.t[this.i] === '0') this.i++;
    else digits();
    if (this.t[this.i] === '.') {
      this.i++;
      if (this.i >= this.t.length) return END;
      if (digits() === 0) return this.bad('after decimal point in numeric literal');
    }
    if (this.t[this.i] === 'e' || this.t[this.i] === 'E') {
      this.i++;
      if (this.t[this.i] === '+' || this.t[this.i] === '-') this.i++;
      if (this.i >= this.t.length) return END;
      if (digits() === 0) return this.bad('in exponent of numeric literal');
    }
    return undefined;
  }
}

/** The scanner's quoteChar: `'x'`, with `'\''` and `'"'` spelled out and others as strconv.Quote gives them. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const ch = String.fromCodePoint(c);
  if (c >= 0x20 && c !== 0x7f) return `'${ch}'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
  return `"${named[c] ?? `\\x${c.toString(16).padStart(2, '0')}`}"`;
}

/** Go's name for a JSON value's kind in UnmarshalTypeError messages. */
export function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** encoding/json's field lookup: an exact key first, else the first key equal under case folding. */
export function field(obj: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  let found: unknown;
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) found = obj[k];
  return found;
}
