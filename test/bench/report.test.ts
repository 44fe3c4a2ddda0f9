import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atLeast, atMost, below, exactly, type Figure } from './figure.ts';
import { AREAS, exitCodeOf, formatTarget, report, summarize, verdictOf, type BenchResult } from './report.ts';

const fig = (name: string, value: number, target?: Figure['target']): Figure => ({ name, value, unit: 'ms', ...(target ? { target } : {}) });

describe('the benchmark report', () => {
  it('says met, NOT MET or no target for each kind of bound, edges included', () => {
    expect([verdictOf(fig('a', 49.9, below(50))), verdictOf(fig('a', 50, below(50)))]).toEqual(['met', 'NOT MET']);
    expect([verdictOf(fig('a', 3, atMost(3))), verdictOf(fig('a', 3.01, atMost(3)))]).toEqual(['met', 'NOT MET']);
    expect([verdictOf(fig('a', 80, atLeast(80))), verdictOf(fig('a', 79.9, atLeast(80)))]).toEqual(['met', 'NOT MET']);
    expect([verdictOf(fig('a', 7, exactly(7))), verdictOf(fig('a', 8, exactly(7)))]).toEqual(['met', 'NOT MET']);
    expect(verdictOf(fig('a', 1))).toBe('no target');
    // A benchmark that measured nothing (NaN) has not met its target.
    expect(verdictOf(fig('a', Number.NaN, below(50)))).toBe('NOT MET');
    expect(formatTarget(atLeast(80, 'pure-JS sha256 bound'), 'MB/s')).toBe('≥ 80 MB/s (pure-JS sha256 bound)');
  });

  it('groups figures by area in the fixed order, with target and verdict beside each, and ends with the counts', () => {
    const results: BenchResult[] = [
      { bench: 'session', area: 'sessions', figures: [fig('save', 12, below(50))] },
      { bench: 'fs', area: 'filesystem', figures: [fig('diff', 0.5, below(1)), fig('walk', 3)] },
      { bench: 'browser', area: 'browser budgets', figures: [], skipped: 'dist/index.html is missing' },
      { bench: 'build', area: 'builds', figures: [fig('cold build', 4000, below(3000))] },
    ];
    const text = report(results, { smoke: false, node: 'v22.0.0' });
    const lines = text.trimEnd().split('\n');
    const headings = lines.filter((l) => l !== '' && !l.startsWith(' ') && !l.startsWith('Dockyard') && !l.startsWith('Summary'));
    expect(headings).toEqual(['filesystem', 'builds', 'browser budgets', 'sessions']);
    expect(lines.find((l) => l.includes('fs: diff'))).toMatch(/0\.50 ms\s+< 1 ms\s+met$/);
    expect(lines.find((l) => l.includes('fs: walk'))).toMatch(/3 ms\s+no target$/);
    expect(lines.find((l) => l.includes('build: cold build'))).toMatch(/4000 ms\s+< 3000 ms\s+NOT MET$/);
    expect(text).toContain('browser: skipped, dist/index.html is missing');
    expect(lines.at(-1)).toBe('Summary: 4 figures, 3 with targets, 2 met, 1 not met; 1 benchmark skipped');
    expect(summarize(results)).toEqual({ figures: 4, withTargets: 3, met: 2, failed: 0, skipped: 1 });
  });

  it('fails the run when a benchmark throws, never because a figure missed its target', () => {
    const missed: BenchResult[] = [{ bench: 'build', area: 'builds', figures: [fig('cold build', 9999, below(3000))] }];
    expect(exitCodeOf(missed)).toBe(0);
    const thrown: BenchResult[] = [...missed, { bench: 'grading', area: 'grading', figures: [], error: 'Error: boom' }];
    expect(exitCodeOf(thrown)).toBe(1);
    const text = report(thrown, { smoke: true, node: 'v22.0.0' });
    expect(text).toContain('grading: FAILED Error: boom');
    expect(text).toContain('smoke run');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Summary: 1 figures, 1 with targets, 0 met, 1 not met; 1 benchmark FAILED');
  });

  it('knows the area of every benchmark (a new one must say where it belongs)', () => {
    const dir = new URL('./', import.meta.url);
    const benches = readdirSync(dir).filter((f) => f.endsWith('.bench.ts'));
    expect(benches.length).toBeGreaterThan(0);
    for (const file of benches) {
      const area = /^export const area = '([^']+)';$/m.exec(readFileSync(new URL(file, dir), 'utf8'))?.[1];
      expect(AREAS, file).toContain(area);
    }
  });
});
