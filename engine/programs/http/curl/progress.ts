/**
 * curl's classic progress meter (lib/progress.c), printed to stderr when the body does not go to a terminal and
 * --silent is not given: the two header lines, then the status line redrawn with `\r`, ended by a newline.
 */

export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** Five columns for a byte count or a speed: the number, then k, M, G as it grows (powers of 1024). */
export function max5(bytes: number): string {
  const K = 1024;
  const M = K * K;
  if (bytes < 100_000) return String(bytes).padStart(5);
  if (bytes < 10_000 * K) return `${String(Math.floor(bytes / K)).padStart(4)}k`;
  if (bytes < 100 * M) return `${String(Math.floor(bytes / M)).padStart(2)}.${Math.floor((bytes % M) / (M / 10))}M`;
  return `${String(Math.floor(bytes / M)).padStart(4)}M`;
}

function duration(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * One status line. `total` is the size the server announced (undefined when it did not say), `received` what came,
 * `ms` the virtual time spent; speeds are per second.
 */
export function meterLine(received: number, total: number | undefined, ms: number): string {
  const percent = total ? Math.floor((received * 100) / total) : received > 0 && total === 0 ? 100 : 0;
  const speed = received === 0 ? 0 : Math.floor((received * 1000) / Math.max(ms, 1));
  const totalShown = total ?? received;
  const spent = Math.floor(ms / 1000);
  const totalTime = total && speed > 0 ? Math.floor(total / speed) : 0;
  const left = total && speed > 0 ? Math.max(0, totalTime - spent) : 0;
  return `${String(percent).padStart(3)} ${max5(totalShown)}  ${String(percent).padStart(3)} ${max5(received)}    0     0  ${max5(speed)}      0 ${duration(totalTime)} ${duration(spent)} ${duration(left)} ${max5(speed)}`;
}
