import type { FlagUsage } from './usage/types.ts';

/**
 * The flag table of a help text, laid out as pflag's FlagUsagesWrapped does: `  -f, --format string` padded to a
 * common column two spaces past the longest, then the usage (and `(default …)`) wrapped to the terminal width with
 * its continuation lines aligned on that column. Docker passes the terminal width minus one (80 - 1 without a tty).
 */
export function flagUsages(flags: readonly FlagUsage[], cols: number): string {
  const lines: { head: string; usage: string }[] = [];
  let maxlen = 0;
  for (const f of flags) {
    let head = f.short ? `  -${f.short}, --${f.long}` : `      --${f.long}`;
    if (f.type !== '') head += ` ${f.type}`;
    maxlen = Math.max(maxlen, head.length + 1);
    const usage = f.default === undefined ? f.usage : `${f.usage} (default ${f.default})`;
    lines.push({ head, usage });
  }
  return lines
    .map(({ head, usage }) => `${head} ${' '.repeat(maxlen - head.length)} ${wrap(maxlen + 2, cols, usage)}\n`)
    .join('');
}

/** Wraps `s` to width `w` with continuation lines indented by `i`; the first line's indent is the caller's. */
function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replaceAll('\n', '\n' + ' '.repeat(i));
  let width = w - i;
  let out = '';
  if (width < 24) {
    // Too narrow beside the names: the usage goes on its own lines, indented 16.
    i = 16;
    width = w - i;
    out += '\n' + ' '.repeat(i);
  }
  if (width < 24) return s.replaceAll('\n', out);
  // Up to `slop` characters past the width are allowed when they finish the text, to avoid a short orphan line.
  const slop = 5;
  width -= slop;
  const indent = ' '.repeat(i);
  let [line, rest] = wrapN(width, slop, s);
  out += line.replaceAll('\n', '\n' + indent);
  while (rest !== '') {
    [line, rest] = wrapN(width, slop, rest);
    out += '\n' + indent + line.replaceAll('\n', '\n' + indent);
  }
  return out;
}

/** Splits `s` at the last blank or newline before `i` characters (or takes it whole if it fits within the slop). */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}
