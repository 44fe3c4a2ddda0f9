/**
 * The bits of Go's fmt the progress printers lean on, where JavaScript's own formatting disagrees with Go's.
 */

/**
 * Go's `%.<prec>f`: the float's exact binary value rounded to `prec` decimals, an exact tie going to the even digit.
 * `toFixed` rounds the same exact value but breaks ties upwards (`0.125` → `0.13`, Go prints `0.12`); ties are rare
 * (values like `0.25` seconds) but real.
 */
export function goFixed(x: number, prec: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  const rounded = x.toFixed(prec);
  // toFixed(100) is the exact decimal expansion for the magnitudes printed here (below 1e21, at most ~60 fraction
  // digits for a double of at least 1e-3), so a tie can be recognised as ...5000… after the kept digits.
  const exact = Math.abs(x).toFixed(100);
  const point = exact.indexOf('.');
  const rest = exact.slice(point + 1 + prec);
  if (!/^50*$/.test(rest)) return rounded;
  // A tie: toFixed went away from zero; Go keeps the even neighbour.
  const kept = exact.slice(0, point + 1 + prec).replace(/\.$/, '');
  const lastDigit = Number(kept.replace('.', '').slice(-1));
  if (lastDigit % 2 === 0) return (x < 0 ? '-' : '') + kept;
  return rounded;
}

/** time.Duration.Seconds() for a span of virtual milliseconds: whole seconds plus nanoseconds/1e9, as Go sums them. */
export function durationSeconds(ms: number): number {
  const ns = Math.round(ms * 1e6);
  const sec = Math.trunc(ns / 1e9);
  return sec + (ns - sec * 1e9) / 1e9;
}

/** Go's `%-<width>s`: left-justified, padded with spaces to `width` characters (never cut). */
export function padRight(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}
