// The README's memory promise: node:20 (1.1 GB) costs kilobytes, because its big files are generated from a seed and
// its layer trees are built once and shared by every machine that pulls it. Measured in a process of its own: the
// trees are cached for the process, and benchmarks before this one (builds, grading) have pulled node already.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { below, type Figure } from './figure.ts';

export const area = 'image store';

export default async function bench(): Promise<Figure[]> {
  const child = fileURLToPath(new URL('./pull-child.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the pull measurement failed: ${run.stderr || run.stdout}`);
  const { first, again } = JSON.parse(run.stdout) as { first: number; again: number };
  return [
    { name: 'docker pull node:20 (1.1 GB), first in the page: heap growth', value: first / 1024, unit: 'KiB', target: below(1024, 'README: costs kilobytes') },
    { name: 'docker pull node:20 on another machine: heap growth', value: Math.max(0, again) / 1024, unit: 'KiB', target: below(64, 'layer trees shared') },
  ];
}
