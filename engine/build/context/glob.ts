/**
 * Go's `path/filepath.Match` rules, which COPY/ADD wildcards, `.dockerignore` syntax checks and fsutil's wildcard
 * resolution all rely on:
 * - `*` is any run of characters except `/`; `?` is one character except `/`;
 * - `[...]`/`[^...]` is a class of characters and `a-z` ranges; a class may match `/` (Go does not stop it);
 * - `\` escapes the next character (Linux: there is no Windows exception here);
 * - a malformed pattern is an error (`syntax error in pattern`) even when the name would not match anyway.
 */

/** Go's `filepath.ErrBadPattern`. */
export const ERR_BAD_PATTERN = 'syntax error in pattern';

export class BadPatternError extends Error {
  override readonly name = 'BadPatternError';
  constructor() {
    super(ERR_BAD_PATTERN);
  }
}

type Token =
  | { readonly t: 'lit'; readonly c: string }
  | { readonly t: 'any' }
  | { readonly t: 'star' }
  | { readonly t: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [number, number])[] };

const compiled = new Map<string, readonly Token[]>();

/** The pattern's tokens; throws BadPatternError where Go's Match would report ErrBadPattern. */
function tokens(pattern: string): readonly Token[] {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const chars = Array.from(pattern);
  const out: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '*') {
      if (out[out.length - 1]?.t !== 'star') out.push({ t: 'star' });
      i++;
    } else if (c === '?') {
      out.push({ t: 'any' });
      i++;
    } else if (c === '\\') {
      if (i + 1 >= chars.length) throw new BadPatternError();
      out.push({ t: 'lit', c: chars[i + 1]! });
      i += 2;
    } else if (c === '[') {
      i++;
      let negated = false;
      if (chars[i] === '^') {
        negated = true;
        i++;
      }
      const ranges: [number, number][] = [];
      for (;;) {
        if (chars[i] === ']' && ranges.length > 0) {
          i++;
          break;
        }
        const lo = classChar(chars, i);
        i = lo.next;
        let hi = lo;
        if (chars[i] === '-') {
          hi = classChar(chars, i + 1);
          i = hi.next;
        }
        ranges.push([lo.code, hi.code]);
      }
      out.push({ t: 'class', negated, ranges });
    } else {
      out.push({ t: 'lit', c });
      i++;
    }
  }
  if (compiled.size > 1024) compiled.clear();
  compiled.set(pattern, out);
  return out;
}

/** One member of a class (Go's getEsc): not `-` or `]` unescaped, and something must follow it. */
function classChar(chars: readonly string[], at: number): { code: number; next: number } {
  let i = at;
  let c = chars[i];
  if (c === undefined || c === '-' || c === ']') throw new BadPatternError();
  if (c === '\\') {
    i++;
    c = chars[i];
    if (c === undefined) throw new BadPatternError();
  }
  i++;
  if (i >= chars.length) throw new BadPatternError();
  return { code: c.codePointAt(0)!, next: i };
}

/** Throws BadPatternError when Go would reject the pattern. */
export function checkPattern(pattern: string): void {
  tokens(pattern);
}

/** Go's `filepath.Match(pattern, name)`. Throws BadPatternError for a malformed pattern. */
export function match(pattern: string, name: string): boolean {
  return matchFrom(tokens(pattern), 0, Array.from(name), 0);
}

function matchFrom(toks: readonly Token[], ti: number, name: readonly string[], ni: number): boolean {
  while (ti < toks.length) {
    const tok = toks[ti]!;
    if (tok.t === 'star') {
      // Try the shortest run first; a star never consumes a separator.
      for (let j = ni; ; j++) {
        if (matchFrom(toks, ti + 1, name, j)) return true;
        if (j >= name.length || name[j] === '/') return false;
      }
    }
    const c = name[ni];
    if (c === undefined) return false;
    if (tok.t === 'lit') {
      if (c !== tok.c) return false;
    } else if (tok.t === 'any') {
      if (c === '/') return false;
    } else {
      const code = c.codePointAt(0)!;
      const inClass = tok.ranges.some(([lo, hi]) => lo <= code && code <= hi);
      if (inClass === tok.negated) return false;
    }
    ti++;
    ni++;
  }
  return ni === name.length;
}

/** fsutil's containsWildcards: an unescaped `*`, `?` or `[`. */
export function containsWildcards(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}
