import { displayWidth } from './format/width.ts';

/**
 * Go's text/tabwriter for what docker prints through it: cells are tab-terminated, a column's width is its widest
 * cell plus padding, at least minWidth, computed over each block of consecutive lines that have that column; the
 * text after a line's last tab is not part of any column.
 */
export interface TabwriterOptions {
  readonly minWidth: number;
  readonly padding: number;
  readonly padChar?: string;
  /** With padChar `\t`, a tab's width: cells are padded with tabs to the next multiple of it (buildx's tables). */
  readonly tabWidth?: number;
  /** A cell's width; Go's text/tabwriter counts runes (the default); docker's fork counts display cells. */
  readonly width?: (cell: string) => number;
}

/**
 * docker's list tables (ps, images, ...): formatter.go's tabwriter.NewWriter(out, 10, 1, 3, ' ', 0) from docker's
 * own tabwriter package, which measures cells with go-runewidth (see format/width.ts).
 */
export const TABLE_OPTIONS: TabwriterOptions = { minWidth: 10, padding: 3, width: displayWidth };

export function tabwrite(text: string, options: TabwriterOptions): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const widths = lines.map((cells) => new Array<number>(Math.max(0, cells.length - 1)).fill(0));
  const measure = options.width ?? ((s: string) => [...s].length);
  format(0, 0, lines.length);
  return lines.map((cells, li) => cells.map((c, ci) => (ci < cells.length - 1 ? pad(c, widths[li]![ci]!) : c)).join('')).join('\n');

  function pad(cell: string, width: number): string {
    if (options.padChar === '\t') {
      const tab = options.tabWidth ?? 8;
      const cellWidth = Math.ceil(width / tab) * tab;
      return cell + '\t'.repeat(Math.ceil(Math.max(0, cellWidth - measure(cell)) / tab));
    }
    return cell + (options.padChar ?? ' ').repeat(Math.max(0, width - measure(cell)));
  }

  /** Sizes column `col` over each run of lines [from, to) that has a cell in it, then the next column inside. */
  function format(col: number, from: number, to: number): void {
    let li = from;
    while (li < to) {
      if (lines[li]!.length - 1 <= col) {
        li++;
        continue;
      }
      const start = li;
      let width = 0;
      for (; li < to && lines[li]!.length - 1 > col; li++) width = Math.max(width, measure(lines[li]![col]!) + options.padding);
      width = Math.max(width, options.minWidth);
      for (let k = start; k < li; k++) widths[k]![col] = width;
      format(col + 1, start, li);
    }
  }
}
