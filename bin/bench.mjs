#!/usr/bin/env node
// `npm run bench`: runs every test/bench/*.bench.ts and prints one line per figure, with its target when it has one.
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

let failed = 0;
console.log(`Dockyard benchmarks${smoke ? ' (smoke run: small inputs)' : ''} on Node ${process.version}`);
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  try {
    const { default: bench } = await import(pathToFileURL(dir + file).href);
    for (const figure of await bench({ smoke })) {
      const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(figure.value < 10 ? 2 : 1);
      const target = figure.target ? `   (target ${figure.target})` : '';
      console.log(`${`${name}: ${figure.name}`.padEnd(58)} ${value.padStart(10)} ${figure.unit}${target}`);
    }
  } catch (e) {
    failed++;
    console.log(`${name}: FAILED ${e instanceof Error ? e.stack : e}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
