import { runeWidth } from './format/width.ts';

/**
 * docker/cli's formatter.Ellipsis: a string wider than `max` columns is cut to fit `max - 1` and gets `…`. Widths
 * are x/text/width's: East Asian wide and fullwidth characters take 2, everything else 1.
 */
export function ellipsis(s: string, max: number): string {
  const chars = [...s];
  if (max <= 0) return '';
  if (max === 1) return chars[0] ?? '';
  const widths = chars.map((c) => (runeWidth(c) === 2 ? 2 : 1));
  if (widths.reduce((a, b) => a + b, 0) <= max) return s;
  let used = 0;
  let i = 0;
  while (i < chars.length && used + widths[i]! <= max - 1) used += widths[i++]!;
  return chars.slice(0, i).join('') + '…';
}
