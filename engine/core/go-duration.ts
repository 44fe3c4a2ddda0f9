/** Go's time.Duration.String: `0s`, `500ms`, `1.5s`, `1m30s`, `1h0m0s` (ns in, as Go holds durations). */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${sign}${abs}ns`;
  if (abs < 1e6) return `${sign}${abs / 1e3}µs`;
  if (abs < 1e9) return `${sign}${abs / 1e6}ms`;
  const h = Math.floor(abs / 3.6e12);
  const m = Math.floor((abs % 3.6e12) / 6e10);
  const s = (abs % 6e10) / 1e9;
  if (h > 0) return `${sign}${h}h${m}m${s}s`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
}
