import type { EscapeToken } from './directives.ts';

/** Go's bufio.Scanner default buffer (64 KiB) less one: BuildKit cannot read a longer physical line. */
export const MAX_LINE_BYTES = 65535;

export interface SourceLine {
  /** The line with its ending (`\n`, `\r\n`) still attached, as BuildKit's scanner yields it. */
  readonly raw: string;
  /** True when the line (ending excluded) is longer than the scanner can hold; reading stops there. */
  readonly tooLong: boolean;
}

const encoder = new TextEncoder();

function utf8Length(s: string): number {
  // Cheap upper bound first: most lines are far below the limit.
  return s.length * 3 <= MAX_LINE_BYTES ? s.length : encoder.encode(s).length;
}

/** Splits a Dockerfile into physical lines, stripping a first-line byte-order mark. */
export function splitLines(text: string): SourceLine[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const out: SourceLine[] = [];
  let pos = 0;
  while (pos < src.length) {
    const nl = src.indexOf('\n', pos);
    const end = nl < 0 ? src.length : nl + 1;
    const raw = src.slice(pos, end);
    out.push({ raw, tooLong: utf8Length(trimNewline(raw)) > MAX_LINE_BYTES });
    pos = end;
  }
  return out;
}

export function trimNewline(s: string): string {
  return s.replace(/[\r\n]+$/, '');
}

// Go's unicode.IsSpace, which BuildKit uses to strip indentation.
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export function trimLeadingWhitespace(s: string): string {
  return s.replace(LEADING_SPACE, '');
}

export function isComment(raw: string): boolean {
  return trimLeadingWhitespace(trimNewline(raw)).startsWith('#');
}

export function isBlank(s: string): boolean {
  return trimLeadingWhitespace(trimNewline(s)) === '';
}

/** Removes a comment line's text; BuildKit keeps the (now empty) line so numbering stays right. */
export function trimComment(s: string): string {
  return s.startsWith('#') ? '' : s;
}

const CONTINUATION: Record<EscapeToken, RegExp> = {
  // The escape character preceded by an escape character is an escaped escape, not a continuation; a lone escape
  // character on its own line is one.
  '\\': /([^\\])\\[ \t]*$|^\\[ \t]*$/,
  '`': /([^`])`[ \t]*$|^`[ \t]*$/,
};

/** Strips a trailing continuation (escape char plus spaces/tabs) and says whether the instruction ends here. */
export function trimContinuation(line: string, escape: EscapeToken): { line: string; endOfLine: boolean } {
  const re = CONTINUATION[escape];
  if (!re.test(line)) return { line, endOfLine: true };
  return { line: line.replace(re, '$1'), endOfLine: false };
}
