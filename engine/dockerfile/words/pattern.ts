import { runeString } from './chars.ts';

/** Go regexp's `.`: everything but a newline (JS's `.` also stops at \r, U+2028 and U+2029). */
const ANY = '[^\\n]';
const REGEX_SPECIAL = '[]{}.+()|^$';

/**
 * A shell wildcard pattern (`*`, `?`, backslash escapes; no bracket expressions) as a regular expression,
 * following lex.go's convertShellPatternToRegex, including its error for an escape of anything but `*`, `?`, `\`.
 * A backslash before `}` or `/` only kept that character from ending the `${…}`, so it is dropped.
 */
export function shellPatternToRegex(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const runes = [...pattern];
  let out = anchored ? '^' : '';
  const star = greedy ? `${ANY}*` : `${ANY}*?`;
  for (let i = 0; i < runes.length; i++) {
    let tok = runes[i]!;
    if (tok === '*') {
      out += star;
      continue;
    }
    if (tok === '?') {
      out += ANY;
      continue;
    }
    if (tok === '\\') {
      const following = runes[i + 1];
      if (following === '}' || following === '/') continue;
      out += '\\';
      i++;
      tok = runes[i] ?? runeString(-1);
      if (tok !== '*' && tok !== '?' && tok !== '\\') {
        throw new Error(`invalid pattern (${pattern}) in substitution: invalid escape '\\${tok}'`);
      }
    } else if (REGEX_SPECIAL.includes(tok)) {
      out += '\\';
    }
    out += tok;
  }
  return new RegExp(out, 'gu');
}

/** Reverses by code point, keeping each `\x` escape pair in order (so `a\*c` becomes `c\*a`). */
export function reversePattern(pattern: string): string {
  const runes = [...pattern];
  const out: string[] = new Array<string>(runes.length);
  const last = runes.length - 1;
  for (let i = 0; i <= last; ) {
    const at = last - i;
    if (runes[i] === '\\' && i !== last) {
      out[at - 1] = '\\';
      out[at] = runes[i + 1]!;
      i += 2;
    } else {
      out[at] = runes[i]!;
      i++;
    }
  }
  return out.join('');
}

function reverseString(text: string): string {
  return [...text].reverse().join('');
}

/** `${var#pat}` / `${var##pat}`: the shortest or longest matching prefix removed. */
export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const re = shellPatternToRegex(pattern, greedy, true);
  re.lastIndex = 0;
  const m = re.exec(value);
  return m ? value.slice(m.index + m[0].length) : value;
}

/**
 * `${var%pat}` / `${var%%pat}`. A regex cannot find the shortest match ending at the end of the string, so,
 * as BuildKit does, both the value and the pattern are reversed and the prefix rule applied.
 */
export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

/** `${var/pat/repl}`: the first match replaced, the replacement taken literally. */
export function replaceFirst(pattern: string, value: string, replacement: string): string {
  const re = shellPatternToRegex(pattern, true, false);
  re.lastIndex = 0;
  const m = re.exec(value);
  return m ? value.slice(0, m.index) + replacement + value.slice(m.index + m[0].length) : value;
}

/**
 * `${var//pat/repl}` goes through Go's Regexp.ReplaceAllString, whose rules differ from String.replace:
 * an empty match right after a match is not replaced, and the replacement expands `$name`/`${name}`
 * (only `$0`, the whole match, can be non-empty since the pattern has no groups) and `$$`.
 */
export function replaceAll(pattern: string, value: string, replacement: string): string {
  const re = shellPatternToRegex(pattern, true, false);
  let out = '';
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= value.length) {
    re.lastIndex = searchPos;
    const m = re.exec(value);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    out += value.slice(lastEnd, start);
    if (end > lastEnd || start === 0) out += expandReplacement(replacement, m[0]);
    lastEnd = end;
    const width = searchPos < value.length ? String.fromCodePoint(value.codePointAt(searchPos)!).length : 1;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + value.slice(lastEnd);
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/** Go's Regexp.Expand for a pattern without capture groups. */
function expandReplacement(template: string, match: string): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const ref = extractReference(rest);
    if (!ref) {
      out += '$';
      continue;
    }
    rest = ref.rest;
    if (ref.name === '0') out += match;
  }
  return out + rest;
}

function extractReference(text: string): { name: string; rest: string } | undefined {
  const brace = text.startsWith('{');
  const body = brace ? text.slice(1) : text;
  let name = '';
  for (const ch of body) {
    if (!NAME_CHAR.test(ch)) break;
    name += ch;
  }
  if (name === '') return undefined;
  let consumed = name.length;
  if (brace) {
    if (body[consumed] !== '}') return undefined;
    consumed++;
  }
  // Only group 0 exists; any other name or number (leading zeros are not numbers in Go) expands to nothing.
  return { name: name === '0' ? '0' : 'other', rest: body.slice(consumed) };
}
