import { DockerError } from '../core/errors.ts';

/**
 * Go's path.Match, which the `reference` filter uses: `*` is any run of characters other than `/`, `?` one such
 * character, `[...]` a class (ranges, `^` to negate), `\` escapes. A malformed pattern is Go's ErrBadPattern.
 */
export function pathMatch(pattern: string, name: string): boolean {
  return compile(pattern).test(name);
}

const cache = new Map<string, RegExp>();

function badPattern(): DockerError {
  return new DockerError('Error response from daemon: syntax error in pattern', 1, 'EPATTERN');
}

function compile(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let re = '^';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      if (i + 1 >= chars.length) throw badPattern();
      re += escape(chars[++i]!);
    } else if (c === '[') {
      let j = i + 1;
      let negate = false;
      if (chars[j] === '^') {
        negate = true;
        j++;
      }
      let body = '';
      let first = true;
      for (;;) {
        if (j >= chars.length) throw badPattern();
        if (chars[j] === ']' && !first) break;
        first = false;
        let lo = chars[j]!;
        if (lo === '\\') {
          if (++j >= chars.length) throw badPattern();
          lo = chars[j]!;
        } else if (lo === '-' || lo === ']') throw badPattern();
        j++;
        if (chars[j] === '-' && chars[j + 1] !== undefined && chars[j + 1] !== ']') {
          let hi = chars[j + 1]!;
          j += 2;
          if (hi === '\\') {
            if (j >= chars.length) throw badPattern();
            hi = chars[j++]!;
          }
          if (hi < lo) throw badPattern();
          body += `${escapeClass(lo)}-${escapeClass(hi)}`;
        } else body += escapeClass(lo);
      }
      re += negate ? `(?![/])[^${body}]` : `[${body}]`;
      i = j;
    } else re += escape(c);
  }
  const compiled = new RegExp(re + '$', 'u');
  cache.set(pattern, compiled);
  return compiled;
}

// Outside a class, `-` needs no escape, and the `u` flag rejects escapes that mean nothing (`\-`).
function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

function escapeClass(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}
