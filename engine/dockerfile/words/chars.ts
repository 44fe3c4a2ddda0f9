/** End of input, as Go's text/scanner reports it. */
export const EOF = -1;

/**
 * Go's unicode.IsSpace: the Unicode White_Space property. JS's `\s` differs (it has U+FEFF, lacks U+0085),
 * and word splitting must agree with BuildKit on exactly which characters separate words.
 */
export function isSpace(cp: number): boolean {
  if (cp >= 0x09 && cp <= 0x0d) return true;
  switch (cp) {
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
  }
  return cp >= 0x2000 && cp <= 0x200a;
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

/** Go's unicode.IsLetter: variable names may be written in any script (`$안녕`). */
export function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return cp >= 0 && LETTER.test(String.fromCodePoint(cp));
}

/** Go's unicode.IsDigit (any decimal digit, not only ASCII). */
export function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT.test(String.fromCodePoint(cp));
}

/** POSIX special parameters: never set in a Dockerfile, but they still end a `$` name after one character. */
export function isSpecialParam(cp: number): boolean {
  return cp >= 0 && '@*#?-$!0'.includes(String.fromCodePoint(cp));
}

/** Go's string(rune): EOF and other invalid runes print as U+FFFD in BuildKit's messages. */
export function runeString(cp: number): string {
  return cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(cp);
}
