// The images picture re-reads its view on every image change: the first read of a node:20-sized image works out
// dive's efficiency over all its layer trees; later reads must reuse it (images are immutable) and stay instant.
import { createMachine, playScript } from '../../engine/index.ts';
import { below, type Figure } from './figure.ts';

export const area = 'pictures';

export default async function bench(opts: { smoke: boolean }): Promise<Figure[]> {
  const image = opts.smoke ? 'alpine:3.22' : 'node:20';
  const machine = createMachine({ mode: 'headless', project: [{ path: 'Dockerfile', type: 'file', content: `FROM ${image}\nRUN seq 1 2000 > /big\nRUN rm /big\n` }] });
  await playScript(machine, `docker pull -q ${image}\ndocker build -q -t app .\n`);
  let t = performance.now();
  const first = machine.views.images();
  const cold = performance.now() - t;
  if (first.images.length !== 2) throw new Error(`expected 2 images, got ${first.images.length}`);
  const calls = opts.smoke ? 10 : 100;
  t = performance.now();
  for (let i = 0; i < calls; i++) machine.views.images();
  const warm = (performance.now() - t) / calls;
  return [
    { name: `images view, first read (${image} + a build)`, value: cold, unit: 'ms', target: below(250) },
    { name: 'images view, later reads', value: warm, unit: 'ms', target: below(5) },
  ];
}
