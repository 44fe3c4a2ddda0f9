import { paint, YELLOW } from './colors.ts';
import { sourceSnippet } from './source.ts';
import type { VertexWarning } from './types.ts';

export type ProgressMode = 'auto' | 'tty' | 'plain' | 'quiet' | 'rawjson';

/**
 * The warnings a build reports, once each: buildx drops repeats (the same warning from another vertex). buildx
 * collects them in a Go map, so its order is arbitrary; here they keep the order they were reported in.
 */
export function dedupWarnings(warnings: readonly VertexWarning[]): VertexWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = JSON.stringify([w.short, w.detail, w.url ?? '', w.range ?? null, w.sourceInfo ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface SummaryOptions {
  /** The progress mode: quiet and rawjson print no summary. */
  readonly mode?: ProgressMode;
  /** `docker --debug build`: each warning expanded with its detail, link and source lines. */
  readonly debug?: boolean;
}

/**
 * buildx's printWarnings, written after the progress display closes (after a failed step's output excerpt, before
 * the error). The count line is always yellow, even in plain mode and with NO_COLOR, as buildx paints it with aec
 * directly:
 *
 *      2 warnings found (use docker --debug to expand):
 *      - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 9)
 *      - …
 */
export function warningsSummary(warnings: readonly VertexWarning[], options: SummaryOptions = {}): string {
  const list = dedupWarnings(warnings);
  if (list.length === 0 || options.mode === 'quiet' || options.mode === 'rawjson') return '';
  let head = list.length === 1 ? '1 warning found' : `${list.length} warnings found`;
  if (!options.debug) head += ' (use docker --debug to expand)';
  let out = '\n ' + paint(`${head}:\n`, YELLOW);
  for (const w of list) {
    out += ` - ${w.short}\n`;
    if (!options.debug) continue;
    for (const d of w.detail) out += `${d}\n`;
    if (w.url) out += `More info: ${w.url}\n`;
    if (w.sourceInfo && w.range) out += sourceSnippet(w.sourceInfo, [w.range]);
    out += '\n';
  }
  return out;
}
