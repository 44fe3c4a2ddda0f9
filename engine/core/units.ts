/** go-units' size and duration texts, as docker prints them in tables. */

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** Go's %.<digits>g: significant digits, no trailing zeros. */
function formatG(n: number, digits: number): string {
  if (n === 0) return '0';
  const s = n.toPrecision(digits);
  if (s.includes('e')) {
    const [m, e] = s.split('e');
    const mant = m!.includes('.') ? m!.replace(/\.?0+$/, '') : m!;
    return `${mant}e${e!.startsWith('-') ? '-' : '+'}${e!.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function custom(size: number, base: number, units: readonly string[], digits: number): string {
  let i = 0;
  let n = size;
  while (n >= base && i < units.length - 1) {
    n /= base;
    i++;
  }
  return `${formatG(n, digits)}${units[i]}`;
}

/** HumanSize: 3 significant digits, decimal units: `0B`, `124MB`, `1.13GB`. */
export function humanSize(bytes: number): string {
  return custom(bytes, 1000, DECIMAL, 3);
}

/** HumanSizeWithPrecision (`system df` uses 4 digits). */
export function humanSizeWithPrecision(bytes: number, digits: number): string {
  return custom(bytes, 1000, DECIMAL, digits);
}

/** BytesSize: binary units, 4 significant digits (`docker info`'s Total Memory: `3.82GiB`). */
export function bytesSize(bytes: number): string {
  return custom(bytes, 1024, BINARY, 4);
}

/** HumanDuration: `Less than a second`, `About a minute`, `3 hours`, `2 weeks`... (go-units duration.go). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  const minutes = Math.trunc(ms / 60_000);
  const hours = Math.round(ms / 3_600_000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3_600_000) / 24 / 365)} years`;
}
