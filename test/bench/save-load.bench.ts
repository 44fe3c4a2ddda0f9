// docker save then docker load of node:20 (1.1 GB): the archive is lazy and the load takes its layer trees back
// without reading the tar, so the pair costs well under a second and little memory whatever the image size.
import { createMachine, playScript } from '../../engine/index.ts';
import { below, type Figure } from './figure.ts';

export const area = 'image store';

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

export default async function bench(opts: { smoke: boolean }): Promise<Figure[]> {
  const image = opts.smoke ? 'alpine:3.21' : 'node:20';
  const machine = createMachine({ mode: 'headless' });
  await playScript(machine, `docker pull -q ${image}\n`);
  const before = heapUsed();
  const t = performance.now();
  const entries = await playScript(machine, `docker save -o img.tar ${image}\ndocker rmi ${image}\ndocker load -i img.tar\n`);
  const ms = performance.now() - t;
  const load = entries[entries.length - 1]!;
  if (load.exitCode !== 0 || load.stdout !== `Loaded image: ${image}\n`) throw new Error(`docker load said ${JSON.stringify(load.output)}`);
  return [
    { name: `save + rmi + load of ${image}: time`, value: ms, unit: 'ms', target: below(1000) },
    { name: `save + rmi + load of ${image}: heap growth`, value: Math.max(0, heapUsed() - before) / 1e6, unit: 'MB', target: below(50) },
  ];
}
