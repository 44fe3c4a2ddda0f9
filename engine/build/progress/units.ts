import { goFixed } from './go-format.ts';

/**
 * Sizes as BuildKit's progress UI prints them: `fmt.Sprintf("%.2f", units.Bytes(n))` with tonistiigi/units. Below
 * 1000 bytes the value stays an integer (`312B`, `0B`); above, it is divided by the largest power of 1000 that fits
 * and always gets two decimals (`1.21kB`, `1.00kB`, `45.60MB`). This is not go-units' HumanSize (engine/cli/units.ts
 * `humanSize`, three significant digits), which `docker images` uses.
 */
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

export function progressBytes(n: number): string {
  let i = 0;
  let base = 1;
  while (i < DECIMAL.length - 1 && n >= base * 1000) {
    base *= 1000;
    i++;
  }
  if (i === 0) return `${Math.trunc(n)}B`;
  return `${goFixed(n / base, 2)}${DECIMAL[i]}`;
}
