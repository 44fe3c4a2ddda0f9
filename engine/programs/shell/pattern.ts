/**
 * Shell pattern matching (fnmatch) for globbing, `case` and `${x#pat}`. Patterns arrive with quoted characters
 * escaped by a backslash, which is how expansion tells `"*"` (a star) from `*` (any string). Library matchers
 * (picomatch, minimatch) add braces, extglobs and path rules the shell does not have here, so this is a small
 * translation to a RegExp instead.
 */

/** The insides of POSIX bracket classes (`[:digit:]`), as RegExp class text; `[[ =~ ]]` uses them too. */
export const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  graph: '!-~',
  print: ' -~',
  word: 'A-Za-z0-9_',
};

const cache = new Map<string, RegExp>();

export function patternToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${translate(pattern)}$`, 's');
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

export function matchPattern(pattern: string, text: string): boolean {
  return patternToRegExp(pattern).test(text);
}

/** True when the pattern has an unescaped `*`, `?` or `[`: only then does a word go through pathname expansion. */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** The pattern's text with escapes removed: what a glob that matched nothing leaves behind. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** Escapes text so it matches itself as a pattern. */
export function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

function translate(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\' && i + 1 < p.length) out += escapeRe(p[++i]!);
    else if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const bracket = readBracket(p, i);
      if (bracket) {
        out += bracket.re;
        i = bracket.end;
      } else out += '\\[';
    } else out += escapeRe(c);
  }
  return out;
}

/** A bracket expression starting at `start`, or undefined when it has no closing `]` (then `[` is literal). */
function readBracket(p: string, start: number): { re: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (p[i] === '!' || p[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < p.length; i++) {
    const c = p[i]!;
    if (c === ']' && !first) return { re: `[${negate ? '^' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      const cls = close > 0 ? CLASSES[p.slice(i + 2, close)] : undefined;
      if (cls !== undefined) {
        body += cls;
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < p.length) body += escapeClass(p[++i]!);
    else if (c === '-' && body !== '' && p[i + 1] !== ']') body += '-';
    else body += escapeClass(c);
  }
  return undefined;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function escapeClass(c: string): string {
  return /[\]\\^-]/.test(c) ? `\\${c}` : c;
}
