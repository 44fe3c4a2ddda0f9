/** Output layouts shared by ls and friends: GNU's column fitting, human sizes, mode strings. */
import type { Stat } from '../../fs/types.ts';

/** Width of a string on a terminal (wide characters ignored: names here are mostly ASCII). */
export function width(s: string): number {
  return [...s].length;
}

/**
 * GNU ls's column layout (-C): the most columns whose total width stays below the line, filled top to bottom;
 * gaps are padded with tabs up to 8-column stops, then spaces, as ls does by default.
 */
export function columns(names: readonly string[], lineWidth: number): string {
  const n = names.length;
  if (n === 0) return '';
  const lens = names.map(width);
  const maxCols = Math.max(1, Math.min(n, Math.floor(lineWidth / 3)));
  let best: { cols: number; widths: number[] } = { cols: 1, widths: [Math.max(...lens)] };
  for (let cols = 1; cols <= maxCols; cols++) {
    const rows = Math.ceil(n / cols);
    const widths = new Array<number>(cols).fill(3);
    for (let i = 0; i < n; i++) {
      const c = Math.floor(i / rows);
      const w = lens[i]! + (c === cols - 1 ? 0 : 2);
      if (w > widths[c]!) widths[c] = w;
    }
    if (widths.reduce((a, b) => a + b, 0) < lineWidth) best = { cols, widths };
  }
  const rows = Math.ceil(n / best.cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    for (let c = 0; c < best.cols; c++) {
      const i = c * rows + r;
      if (i >= n) break;
      out += names[i]!;
      if (i + rows >= n) break;
      out += indent(pos + lens[i]!, pos + best.widths[c]!);
      pos += best.widths[c]!;
    }
    out += '\n';
  }
  return out;
}

function indent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      s += '\t';
      from += 8 - (from % 8);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}

/** `-h` sizes: powers of 1024, rounded up, one decimal below 10 (`4.0K`, `1.3M`, `12K`). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = 'KMGTPEZY';
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10 - 1e-9) / 10;
    if (r < 10) return r.toFixed(1) + units[u];
    v = r;
  }
  const r = Math.ceil(v - 1e-9);
  if (r >= 1024 && u < units.length - 1) return '1.0' + units[u + 1];
  return r + units[u]!;
}

const TYPE_CHAR: Record<Stat['type'], string> = { file: '-', dir: 'd', symlink: 'l' };

/** `drwxr-xr-x`, with s/S/t/T for setuid, setgid and sticky. */
export function modeString(type: Stat['type'], mode: number): string {
  const bit = (m: number, c: string) => (mode & m ? c : '-');
  const special = (x: number, s: number, lower: string) => {
    const hasX = (mode & x) !== 0;
    if (mode & s) return hasX ? lower : lower.toUpperCase();
    return hasX ? 'x' : '-';
  };
  return (
    TYPE_CHAR[type] +
    bit(0o400, 'r') + bit(0o200, 'w') + special(0o100, 0o4000, 's') +
    bit(0o040, 'r') + bit(0o020, 'w') + special(0o010, 0o2000, 's') +
    bit(0o004, 'r') + bit(0o002, 'w') + special(0o001, 0o1000, 't')
  );
}

/** 1K blocks a file of this size takes on ext4 with 4K blocks (what `total` and `du` add up). */
export function blocksK(st: Stat): number {
  if (st.type === 'symlink') return 0;
  return Math.ceil(st.size / 4096) * 4;
}
