#!/usr/bin/env node
// `npm run bench`: runs every test/bench/*.bench.ts and prints one report (test/bench/report.ts): each figure by area,
// with its target and whether it is met, and a summary line. Exits 1 only when a benchmark throws.
// `--smoke` runs each benchmark on small inputs (CI checks that they still work, not how fast they are); names
// (`npm run bench -- long-session`) run only the benchmarks whose file name contains one of them.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const smoke = process.argv.includes('--smoke');
const dir = fileURLToPath(new URL('../test/bench/', import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((name) => f.includes(name))))
  .sort();
const { report, exitCodeOf } = await import(pathToFileURL(dir + 'report.ts').href);

// In file order, as before: some benchmarks change process-wide settings (the SHA-256 in use) that later ones see.
const results = [];
for (const file of files) {
  const bench = file.replace(/\.bench\.ts$/, '');
  process.stderr.write(`running ${bench}...\n`);
  let area = 'other';
  try {
    const module = await import(pathToFileURL(dir + file).href);
    area = module.area ?? area;
    const out = await module.default({ smoke });
    if (Array.isArray(out)) results.push({ bench, area, figures: out });
    else results.push({ bench, area, figures: [], skipped: out.skipped });
  } catch (e) {
    results.push({ bench, area, figures: [], error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
process.stdout.write(report(results, { smoke, node: process.version }));
process.exitCode = exitCodeOf(results);
