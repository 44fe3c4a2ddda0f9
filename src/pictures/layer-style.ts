/** How a layer block looks: presentation only (the sharing itself is worked out in the engine's images view). */

/** Pixels for a layer of `bytes`: a log scale, so a 0 B layer stays visible beside a 100 MB one. */
export function layerHeight(bytes: number): number {
  return Math.round(22 + 5 * Math.log10(bytes + 1));
}

/** Distinct hues that read on light and dark backgrounds; groups beyond them reuse them (the letter still differs). */
const HUES = ['#1d63ed', '#c2410c', '#0f766e', '#a21caf', '#4d7c0f', '#b91c1c', '#0369a1', '#92400e'];

export function shareColour(group: number | undefined): string | undefined {
  return group === undefined ? undefined : HUES[(group - 1) % HUES.length];
}

/** A, B, ... Z, then AA, AB: the mark that names a shared layer without relying on colour. */
export function shareMark(group: number): string {
  let n = group;
  let mark = '';
  while (n > 0) {
    mark = String.fromCharCode(65 + ((n - 1) % 26)) + mark;
    n = Math.floor((n - 1) / 26);
  }
  return mark;
}
