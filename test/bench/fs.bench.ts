import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { syntheticContent } from '../../engine/fs/content.ts';
import { diffTrees } from '../../engine/fs/diff.ts';
import { digestChunks, setSha256 } from '../../engine/fs/digest.ts';
import { tarBytes, tarChunks } from '../../engine/fs/tar.ts';
import { buildTree, makeFile, type BuildItem } from '../../engine/fs/tree.ts';
import { TreeFs } from '../../engine/fs/tree-fs.ts';
import { union } from '../../engine/fs/union.ts';
import type { DirEntry } from '../../engine/fs/types.ts';
import { below, atLeast, type Figure } from './figure.ts';

export const area = 'filesystem';

/** A node_modules-like layout: packages with a few nested directories each. */
function items(n: number, variant = ''): BuildItem[] {
  const out: BuildItem[] = [];
  for (let i = 0; i < n; i++) {
    const pkg = `pkg${i % 250}`;
    const sub = i % 3 === 0 ? 'lib' : i % 3 === 1 ? 'dist/esm' : 'src';
    out.push({ path: `/usr/lib/node_modules/${pkg}/${sub}/file${i}.js`, entry: makeFile(`module.exports = ${i};${variant}\n`, { mtime: 1700000000 }) });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(runs: number, fn: () => void): number {
  fn(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

export default async function bench(opts: { smoke: boolean }): Promise<Figure[]> {
  const files = opts.smoke ? 1000 : 10_000;
  const mb = opts.smoke ? 5 : 50;
  const runs = opts.smoke ? 3 : 9;
  const figures: Figure[] = [];

  const list = items(files);
  const buildMs = time(runs, () => buildTree(list));
  figures.push({ name: `build a ${files}-file tree`, value: buildMs, unit: 'ms', target: below(50) });

  // Ten layers: a base, then nine small layers touching a few packages each (adds, rewrites, whiteouts).
  const base = buildTree(list);
  const makeLayers = (): DirEntry[] => {
    const layers: DirEntry[] = [buildTree(list)];
    for (let l = 1; l < 10; l++) {
      const its: BuildItem[] = [];
      for (let k = 0; k < 20; k++) its.push({ path: `/usr/lib/node_modules/pkg${(l * 37 + k) % 250}/lib/new${l}-${k}.js`, entry: makeFile('x') });
      its.push({ path: `/usr/lib/node_modules/pkg${l}/.wh.src`, entry: makeFile('', { mode: 0 }) });
      its.push({ path: `/etc/layer${l}`, entry: makeFile(String(l)) });
      layers.push(buildTree(its));
    }
    return layers;
  };
  const unionTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const layers = makeLayers(); // fresh objects each time: no memoized cleanliness from an earlier run
    const t = performance.now();
    union(layers);
    unionTimes.push(performance.now() - t);
  }
  figures.push({ name: `union of 10 layers (${files}-file base)`, value: median(unionTimes), unit: 'ms', target: below(20) });

  // Diff of two large trees a few files apart: built separately (nothing shared, every file compared) ...
  const upperItems = items(files);
  for (let k = 0; k < 5; k++) upperItems[k * 97] = { path: upperItems[k * 97]!.path, entry: makeFile('changed') };
  const upper = buildTree(upperItems);
  figures.push({ name: `diff, ${files} files, 5 changed, no shared structure`, value: time(runs, () => diffTrees(base, upper)), unit: 'ms', target: below(50) });
  // ... and the usual case, a container's root edited through TreeFs (shared structure).
  const fs = new TreeFs(base, () => 1);
  for (let k = 0; k < 5; k++) fs.writeFile(list[k * 97]!.path, 'changed');
  figures.push({ name: `diff, ${files} files, 5 changed, shared structure`, value: time(runs, () => diffTrees(base, fs.root)), unit: 'ms', target: below(1) });

  // tar + digest of a big layer of synthetic files, against Node's native sha256 over the same bytes.
  const big: BuildItem[] = [];
  for (let i = 0; i < mb; i++) big.push({ path: `/opt/blobs/blob${i}.bin`, entry: makeFile(syntheticContent(`blob${i}`, 1024 * 1024)) });
  for (let i = 0; i < 200; i++) big.push({ path: `/opt/small/f${i}`, entry: makeFile('small file\n') });
  const layer = buildTree(big);
  const bytes = tarBytes(layer);
  const sizeMb = bytes.length / (1024 * 1024);
  const oursMs = time(Math.min(runs, 5), () => digestChunks(tarChunks(layer)));
  const nodeMs = time(Math.min(runs, 5), () => createHash('sha256').update(bytes).digest('hex'));
  const nobleMs = time(Math.min(runs, 5), () => sha256(bytes));
  const genMs = time(Math.min(runs, 5), () => {
    for (const c of tarChunks(layer)) void c;
  });
  if (digestChunks(tarChunks(layer)) !== 'sha256:' + createHash('sha256').update(bytes).digest('hex')) throw new Error('digest mismatch');
  const ours = sizeMb / (oursMs / 1000);
  const node = sizeMb / (nodeMs / 1000);
  figures.push({ name: `tar+digest of a ${mb} MB layer (engine, streaming)`, value: ours, unit: 'MB/s', target: atLeast(80, 'pure-JS sha256 bound') });
  figures.push({ name: `  of which tar generation alone`, value: sizeMb / (genMs / 1000), unit: 'MB/s' });
  figures.push({ name: `  noble sha256 over the same bytes in memory`, value: sizeMb / (nobleMs / 1000), unit: 'MB/s' });
  figures.push({ name: `node:crypto sha256 over the same bytes`, value: node, unit: 'MB/s' });
  figures.push({ name: `engine / node:crypto speed ratio`, value: ours / node, unit: 'x' });
  // What a Node host (headless CLI, tests) gets by plugging the native hash into the engine.
  setSha256(() => {
    const h = createHash('sha256');
    return { update: (d) => void h.update(d), hex: () => h.digest('hex') };
  });
  try {
    const pluggedMs = time(Math.min(runs, 5), () => digestChunks(tarChunks(layer)));
    figures.push({ name: `tar+digest, node:crypto plugged in (setSha256)`, value: sizeMb / (pluggedMs / 1000), unit: 'MB/s' });
  } finally {
    setSha256();
  }
  // Files written one by one into one directory (a shell loop of touch): each write must cost the same however many
  // files the directory already holds, so ten times the files take about ten times as long.
  const writeInto = (n: number) => {
    const fs = new TreeFs();
    fs.mkdir('/d');
    for (let i = 0; i < n; i++) fs.writeFile(`/d/f${i}`, '');
  };
  const few = opts.smoke ? 1000 : 5000;
  const oneDir = time(runs, () => writeInto(few));
  const tenTimes = time(opts.smoke ? 1 : 3, () => writeInto(few * 10));
  figures.push({ name: `${few * 10} files written into one directory`, value: tenTimes, unit: 'ms' });
  figures.push({ name: `ten times the files into one directory: time ratio`, value: tenTimes / oneDir, unit: 'x', target: below(20, 'linear is 10, quadratic 100') });
  return figures;
}
