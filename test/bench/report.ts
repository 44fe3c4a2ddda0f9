/**
 * `npm run bench`'s one report: every figure grouped by area, its target beside it and whether it is met, then one
 * summary line. A benchmark that throws is listed as failed (that, not a missed target, is what fails the run).
 */
import { meets, type Figure, type Target } from './figure.ts';

/** The areas in the order the report shows them; a benchmark names its own (`export const area`). */
export const AREAS = ['filesystem', 'image store', 'builds', 'ps and listings', 'grading', 'browser budgets', 'sessions', 'terminal', 'pictures'] as const;

export interface BenchResult {
  /** The benchmark's file name without `.bench.ts`. */
  readonly bench: string;
  readonly area: string;
  readonly figures: readonly Figure[];
  readonly skipped?: string;
  readonly error?: string;
}

export type Verdict = 'met' | 'NOT MET' | 'no target';

export function verdictOf(figure: Figure): Verdict {
  if (!figure.target) return 'no target';
  return meets(figure.value, figure.target) ? 'met' : 'NOT MET';
}

export interface Summary {
  readonly figures: number;
  readonly withTargets: number;
  readonly met: number;
  readonly failed: number;
  readonly skipped: number;
}

export function summarize(results: readonly BenchResult[]): Summary {
  const figures = results.flatMap((r) => r.figures);
  return {
    figures: figures.length,
    withTargets: figures.filter((f) => f.target).length,
    met: figures.filter((f) => verdictOf(f) === 'met').length,
    failed: results.filter((r) => r.error !== undefined).length,
    skipped: results.filter((r) => r.skipped !== undefined).length,
  };
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) < 10 ? 2 : 1);
}

export function formatTarget(target: Target, unit: string): string {
  const op = { '<': '<', '<=': '≤', '>=': '≥', '=': '=' }[target.op];
  return `${op} ${formatValue(target.bound)} ${unit}${target.note ? ` (${target.note})` : ''}`;
}

function areaRank(area: string): number {
  const i = (AREAS as readonly string[]).indexOf(area);
  return i < 0 ? AREAS.length : i;
}

export function report(results: readonly BenchResult[], opts: { smoke: boolean; node: string }): string {
  const lines = [`Dockyard benchmarks on Node ${opts.node}${opts.smoke ? ' (smoke run: small inputs, so a verdict here says nothing about the promised figure)' : ''}`];
  const sorted = [...results].sort((a, b) => areaRank(a.area) - areaRank(b.area) || a.area.localeCompare(b.area));
  const nameWidth = Math.min(90, Math.max(0, ...results.flatMap((r) => r.figures.map((f) => r.bench.length + 2 + f.name.length))));
  const targetWidth = Math.max(0, ...results.flatMap((r) => r.figures.map((f) => (f.target ? formatTarget(f.target, f.unit).length : 0))));
  let area: string | undefined;
  for (const r of sorted) {
    if (r.area !== area) {
      area = r.area;
      lines.push('', area);
    }
    if (r.error !== undefined) lines.push(`  ${r.bench}: FAILED ${r.error}`);
    else if (r.skipped !== undefined) lines.push(`  ${r.bench}: skipped, ${r.skipped}`);
    for (const f of r.figures) {
      const value = `${formatValue(f.value).padStart(10)} ${f.unit}`;
      const target = f.target ? formatTarget(f.target, f.unit) : '';
      lines.push(`  ${`${r.bench}: ${f.name}`.padEnd(nameWidth)}  ${value.padEnd(22)}  ${target.padEnd(targetWidth)}  ${verdictOf(f)}`);
    }
  }
  const s = summarize(results);
  const notMet = s.withTargets - s.met;
  lines.push(
    '',
    `Summary: ${s.figures} figures, ${s.withTargets} with targets, ${s.met} met` +
      (notMet > 0 ? `, ${notMet} not met` : '') +
      (s.skipped > 0 ? `; ${s.skipped} benchmark${s.skipped === 1 ? '' : 's'} skipped` : '') +
      (s.failed > 0 ? `; ${s.failed} benchmark${s.failed === 1 ? '' : 's'} FAILED` : ''),
  );
  return lines.join('\n') + '\n';
}

/** A missed target never fails the run (smoke inputs are small, and a loaded machine is slow); a benchmark that throws does. */
export function exitCodeOf(results: readonly BenchResult[]): number {
  return results.some((r) => r.error !== undefined) ? 1 : 0;
}
