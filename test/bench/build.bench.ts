// docker build: the sample app cold and fully cached, and the case that decides whether editing feels instant: a
// rebuild after one file changed in a 10,000-file, 50 MB context. The COPY of the context misses, so its new layer
// must be tarred and hashed (its diffID is real); everything else (sending the context, the COPY checksum) should
// cost only what changed. Compared with reading every byte of the tree once, and with hashing every byte.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createMachine, playScript } from '../../engine/index.ts';
import type { ProjectEntry } from '../../engine/api.ts';
import { readContent } from '../../engine/fs/content.ts';
import { walk } from '../../engine/fs/tree.ts';
import { setSha256 } from '../../engine/fs/digest.ts';
import { below, atMost, type Figure } from './figure.ts';

export const area = 'builds';

const SAMPLE_APP = join(import.meta.dirname, '../../scenarios/projects/node-prisma-app');

function readProject(dir: string, base = ''): ProjectEntry[] {
  const out: ProjectEntry[] = [];
  for (const name of readdirSync(join(dir, base)).sort()) {
    const rel = base ? `${base}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push({ path: rel, type: 'dir' }, ...readProject(dir, rel));
    else out.push({ path: rel, type: 'file', content: readFileSync(join(dir, rel)) });
  }
  return out;
}

async function timed(machine: ReturnType<typeof createMachine>, script: string): Promise<number> {
  const t = performance.now();
  const entries = await playScript(machine, script);
  const ms = performance.now() - t;
  const failed = entries.find((e) => e.exitCode !== 0);
  if (failed) throw new Error(`${failed.command} failed: ${failed.output}`);
  return ms;
}

/** The median of `n` runs: one run of a few milliseconds is mostly noise. */
async function median(n: number, run: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await run());
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

/** `files` files of `bytes` each, spread over 100 directories, with deterministic content. */
function bigContext(files: number, bytes: number): ProjectEntry[] {
  const entries: ProjectEntry[] = [
    { path: 'Dockerfile', type: 'file', content: 'FROM alpine:3.22\nWORKDIR /src\nCOPY . .\n' },
    { path: '.dockerignore', type: 'file', content: 'scratch\n' },
    { path: 'scratch', type: 'dir' },
  ];
  for (let d = 0; d < 100; d++) entries.push({ path: `src/d${d}`, type: 'dir' });
  for (let i = 0; i < files; i++) {
    const data = new Uint8Array(bytes);
    let x = i * 2654435761;
    for (let b = 0; b < bytes; b++) {
      x = (x * 1103515245 + 12345) >>> 0;
      data[b] = x >>> 24;
    }
    entries.push({ path: `src/d${i % 100}/f${i}.txt`, type: 'file', content: data });
  }
  return entries;
}

export default async function bench(opts: { smoke: boolean }): Promise<Figure[]> {
  const figures: Figure[] = [];

  const app = createMachine({ mode: 'headless', project: readProject(SAMPLE_APP) });
  await timed(app, 'docker pull -q node:20\n');
  if (!opts.smoke) {
    figures.push({ name: 'sample app: cold build', value: await timed(app, 'docker build -q -t app .\n'), unit: 'ms', target: below(3000) });
    figures.push({ name: 'sample app: fully cached rebuild', value: await timed(app, 'docker build -q -t app .\n'), unit: 'ms', target: below(300) });
  }

  const files = opts.smoke ? 200 : 10_000;
  const bytes = 5_000;
  const machine = createMachine({ mode: 'headless', project: bigContext(files, bytes) });
  await timed(machine, 'docker pull -q alpine:3.22\ndocker build -q -t big .\n');
  // What the cache costs when nothing it keys on changed: the context is sent and checksummed again, incrementally.
  const touched = await median(5, () => timed(machine, 'touch src/d7/f7.txt\ndocker build -q -t big .\n'));
  const ignored = await median(5, () => timed(machine, 'echo note >> scratch/notes.txt\ndocker build -q -t big .\n'));
  // The page hashes with the engine's portable SHA-256; the headless CLI plugs in Node's (bin/main.ts).
  const portable = await timed(machine, 'echo changed >> src/d7/f7.txt\ndocker build -q -t big .\n');
  setSha256(() => {
    const h = createHash('sha256');
    return { update: (data: Uint8Array) => void h.update(data), hex: () => h.digest('hex') };
  });
  let rebuild: number;
  try {
    rebuild = await timed(machine, 'echo again >> src/d7/f7.txt\ndocker build -q -t big .\n');
  } finally {
    setSha256();
  }

  // A bare walk: visit every entry of the project and read every file's bytes once.
  const project = machine.hostFs.entry('/home/student/project');
  if (project.type !== 'dir') throw new Error('no project');
  let total = 0;
  const walkMs = await median(5, async () => {
    const start = performance.now();
    total = 0;
    for (const [, e] of walk(project)) if (e.type === 'file') total += readContent(e.content).length;
    return performance.now() - start;
  });

  const t = performance.now();
  const hash = createHash('sha256');
  for (const [, e] of walk(project)) if (e.type === 'file') hash.update(readContent(e.content));
  hash.digest();
  const hashMs = performance.now() - t;

  const label = `${files} files, ${(total / 1e6).toFixed(0)} MB`;
  figures.push({ name: `cached rebuild after touching a file (${label})`, value: touched, unit: 'ms' });
  figures.push({ name: `cached rebuild after editing an ignored file (${label})`, value: ignored, unit: 'ms' });
  figures.push({ name: `rebuild after one edit, page's SHA-256 (${label})`, value: portable, unit: 'ms' });
  figures.push({ name: `rebuild after one edit, Node's SHA-256 (${label})`, value: rebuild, unit: 'ms' });
  figures.push({ name: `bare walk reading every byte (${label})`, value: walkMs, unit: 'ms' });
  figures.push({ name: `hashing every byte with node:crypto (${label})`, value: hashMs, unit: 'ms' });
  figures.push({ name: 'cached rebuild after a touch / bare walk', value: touched / walkMs, unit: '×', target: atMost(3) });
  // A real edit makes a new layer whose diffID is the SHA-256 of its whole tar, so hashing bounds it from below.
  figures.push({ name: "rebuild (Node's SHA-256) / bare walk", value: rebuild / walkMs, unit: '×' });
  figures.push({ name: "rebuild (Node's SHA-256) / hashing every byte", value: rebuild / hashMs, unit: '×' });
  return figures;
}
