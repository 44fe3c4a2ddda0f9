/**
 * BuildKit's source excerpt (solver/errdefs Source.Print), the block buildx prints above an error and `--check`
 * prints under a warning:
 *
 *     Dockerfile:12
 *     --------------------
 *       10 |     COPY . .
 *       11 |
 *       12 | >>> RUNN npm install
 *       13 |     EXPOSE 3000
 *       14 |
 *     --------------------
 *
 * Context: up to two lines each side of a single marked line, one each side of a range. The header names the first
 * marked line. The file's text is split on `\n`, so a file ending in a newline has an empty last line that can show
 * up as context.
 */

/** 1-based, inclusive; an end before the start counts as the start. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

export interface SourceInfo {
  /** As BuildKit names it: `Dockerfile`, or the path given with `-f`. */
  readonly filename: string;
  readonly data: string;
}

export function sourceSnippet(info: SourceInfo, ranges: readonly SourceRange[]): string {
  if (ranges.length === 0) return '';
  const lines = info.data.split('\n');
  let start = Math.min(...ranges.map((r) => r.start));
  let end = Math.max(...ranges.map((r) => Math.max(r.start, r.end)));
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;

  const pad = end === start ? 4 : 2;
  const header = start;
  for (let p = 0; p < pad; ) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }

  let out = `${info.filename}:${header}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    const marked = ranges.some((r) => r.start <= i && Math.max(r.start, r.end) >= i);
    out += ` ${String(i).padStart(3)} | ${marked ? '>>>' : '   '} ${lines[i - 1]}\n`;
  }
  return out + '--------------------\n';
}
