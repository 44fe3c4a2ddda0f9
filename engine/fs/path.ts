/**
 * POSIX path arithmetic on strings. Purely lexical: `..` here never looks at symlinks, which is what a shell does
 * for `cd` and what callers want before handing an absolute path to an `Fs` (the Fs itself walks `..` physically).
 */

/** The components of `p`, without empty ones (repeated slashes) and `.`; `..` is kept. */
export function segments(p: string): string[] {
  const out: string[] = [];
  for (const s of p.split('/')) if (s !== '' && s !== '.') out.push(s);
  return out;
}

/**
 * Collapses `.`, `..` and repeated slashes. Absolute paths stay absolute (`..` at the root stays at the root);
 * relative ones keep leading `..`s they cannot cancel; an empty result is `.` (relative) or `/` (absolute).
 * A trailing slash is dropped.
 */
export function normalize(p: string): string {
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const s of segments(p)) {
    if (s !== '..') out.push(s);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!absolute) out.push('..');
  }
  if (absolute) return '/' + out.join('/');
  return out.length > 0 ? out.join('/') : '.';
}

/** Joins parts with `/` then normalizes; an absolute part does NOT reset (unlike `resolvePath`), as in Node's `join`. */
export function join(...parts: string[]): string {
  const nonEmpty = parts.filter((p) => p !== '');
  return nonEmpty.length === 0 ? '.' : normalize(nonEmpty.join('/'));
}

/** `cwd` + `p` the way the kernel and shells combine them: an absolute `p` ignores `cwd`. Always absolute. */
export function resolvePath(cwd: string, p: string): string {
  if (p.startsWith('/')) return normalize(p);
  return normalize((cwd.startsWith('/') ? cwd : '/' + cwd) + '/' + p);
}

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

/** As `dirname(1)`: `/a/b/` → `/a`, `a` → `.`, `/` → `/`. */
export function dirname(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  const head = trimmed.slice(0, i).replace(/\/+$/, '');
  return head === '' ? '/' : head;
}

/** As `basename(1)` without a suffix: `/a/b/` → `b`, `/` → `/`. */
export function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p.startsWith('/') ? '/' : '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Whether `p` is `ancestor` or lies beneath it (both normalized absolute paths). */
export function isWithin(ancestor: string, p: string): boolean {
  if (ancestor === '/') return p.startsWith('/');
  return p === ancestor || p.startsWith(ancestor + '/');
}

/**
 * Compares names by their UTF-8 bytes, the order Go's `sort.Strings`, `ls` in the C locale and tar writers use.
 * JS `<` compares UTF-16 units, which disagrees only when a surrogate meets a unit in U+E000..U+FFFF.
 */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}
