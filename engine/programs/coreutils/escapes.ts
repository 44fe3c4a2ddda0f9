/**
 * Backslash escapes as echo and printf expand them. Output is gathered as bytes (`\xc3\xa9` is one character, as on a
 * UTF-8 terminal) and decoded once at the end.
 */
const encoder = new TextEncoder();

export class ByteBuilder {
  #parts: number[] = [];
  text(s: string): void {
    for (const b of encoder.encode(s)) this.#parts.push(b);
  }
  byte(b: number): void {
    this.#parts.push(b & 0xff);
  }
  codePoint(cp: number): void {
    this.text(String.fromCodePoint(Math.min(cp, 0x10ffff)));
  }
  toString(): string {
    return new TextDecoder().decode(new Uint8Array(this.#parts));
  }
}

const SIMPLE: Record<string, number> = { '\\': 92, a: 7, b: 8, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11 };

export interface EscapeRules {
  /** `\NNN` with 1-3 octal digits (printf's format, coreutils echo, dash). */
  readonly octal: boolean;
  /** `\0NNN`: a leading zero then up to 3 more digits (echo, printf %b). */
  readonly zeroOctal: boolean;
  readonly hex: boolean;
  /** `\uHHHH`, `\UHHHHHHHH`. */
  readonly unicode: boolean;
  /** `\"` gives a double quote (printf's format). */
  readonly quote?: boolean;
  /** `\e` (not in dash before 0.5.12; it is on current Debian). */
  readonly escape?: boolean;
}

export interface Expanded {
  /** Characters consumed after the backslash (0: not an escape, the backslash is literal). */
  readonly length: number;
  /** `\c`: stop all further output. */
  readonly stop?: boolean;
  /** An error such as `missing hexadecimal number in escape`. */
  readonly error?: string;
}

const isOct = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** Expands the escape starting after a backslash at `s[i]`, appending to `out`. */
export function expandEscape(s: string, i: number, rules: EscapeRules, out: ByteBuilder): Expanded {
  const c = s[i];
  if (c === undefined) return { length: 0 };
  if (c === 'c') return { length: 1, stop: true };
  if (c === '"' && rules.quote) {
    out.text('"');
    return { length: 1 };
  }
  if (c === 'e' && rules.escape === false) return { length: 0 };
  const simple = SIMPLE[c];
  if (simple !== undefined) {
    out.byte(simple);
    return { length: 1 };
  }
  if (c === '0' && rules.zeroOctal) {
    let j = i + 1;
    let v = 0;
    while (j < i + 4 && isOct(s[j])) v = v * 8 + Number(s[j++]);
    out.byte(v);
    return { length: j - i };
  }
  if (isOct(c) && rules.octal) {
    let j = i;
    let v = 0;
    while (j < i + 3 && isOct(s[j])) v = v * 8 + Number(s[j++]);
    out.byte(v);
    return { length: j - i };
  }
  if (c === 'x' && rules.hex) {
    let j = i + 1;
    let v = 0;
    while (j < i + 3 && isHex(s[j])) v = v * 16 + parseInt(s[j++]!, 16);
    if (j === i + 1) return { length: 1, error: 'missing hexadecimal number in escape' };
    out.byte(v);
    return { length: j - i };
  }
  if ((c === 'u' || c === 'U') && rules.unicode) {
    const n = c === 'u' ? 4 : 8;
    const digits = s.slice(i + 1, i + 1 + n);
    if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) {
      return { length: 1, error: 'missing hexadecimal number in escape' };
    }
    out.codePoint(parseInt(digits, 16));
    return { length: 1 + n };
  }
  return { length: 0 };
}
