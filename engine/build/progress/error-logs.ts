import type { Trace } from './trace.ts';

/**
 * progressui's printErrorLogs, written when the display closes: for each failed (not cancelled) step, its name and
 * output between `------` rules. The TTY view keeps all of a step's output; the plain printer keeps the last 10
 * lines it wrote (plus a line still incomplete).
 */
export function errorLogs(trace: Trace): string {
  let out = '';
  for (const v of trace.vertexes) {
    if (v.error === '' || v.isCanceled) continue;
    out += '------\n';
    out += ` > ${v.name}:\n`;
    for (const l of v.logs) out += `${l}\n`;
    for (const l of v.keptLogs()) out += `${l}\n`;
    out += '------\n';
  }
  return out;
}
