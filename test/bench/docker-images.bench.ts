// `docker images` must stay instant with a classroom's worth of images: 200 images, p50 and p99 per call.
import { runDockerCli } from '../../engine/cli/cli.ts';
import { emptyEngine } from '../../engine/cli/engine-view.ts';
import { diffIdOf, digestBytes } from '../../engine/fs/digest.ts';
import { makeDir, makeFile } from '../../engine/fs/tree.ts';
import { parseReference } from '../../engine/image/reference.ts';
import { addLayers, putImage, setTag } from '../../engine/image/store.ts';
import type { ImageConfig } from '../../engine/image/types.ts';
import { below, type Figure } from './figure.ts';

export const area = 'ps and listings';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export default async function bench(opts: { smoke: boolean }): Promise<Figure[]> {
  const count = 200;
  const calls = opts.smoke ? 20 : 200;
  const engine = emptyEngine();
  const base = makeDir([['etc', makeDir([['os-release', makeFile('ID=debian\n')]])]]);
  engine.images.update((s) => addLayers(s, [{ diffId: diffIdOf(base), size: 117_000_000, tree: base }]));
  for (let i = 0; i < count; i++) {
    const app = makeDir([['app', makeDir([['index.js', makeFile(`console.log(${i})\n`)]])]]);
    const diffIds = [diffIdOf(base), diffIdOf(app)];
    const config: ImageConfig = {
      architecture: 'amd64',
      config: { Cmd: ['node', 'index.js'] },
      created: new Date(Date.UTC(2025, 6, 1) + i * 60_000).toISOString(),
      history: [{ created: '2025-06-01T00:00:00Z' }, { created: '2025-07-01T00:00:00Z', created_by: 'COPY . . # buildkit' }],
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: diffIds },
    };
    const configJson = JSON.stringify(config);
    const id = digestBytes(configJson);
    engine.images.update((s) => {
      const added = addLayers(s, [
        { diffId: diffIds[0]!, size: 117_000_000, tree: base },
        { diffId: diffIds[1]!, size: 20, tree: app },
      ]);
      const withImage = putImage(added.store, { id, configJson, config, layers: added.chain, repoDigests: [] });
      return { store: setTag(withImage, parseReference(`app${i}:v${i % 3}`), id).store };
    });
  }
  const times: number[] = [];
  let lines = 0;
  for (let i = 0; i < calls; i++) {
    let out = '';
    const t = performance.now();
    await runDockerCli(['images'], { stdout: { write: async (s) => void (out += s) }, stderr: { write: async () => {} }, engine });
    times.push(performance.now() - t);
    lines = out.split('\n').length - 2;
  }
  if (lines !== count) throw new Error(`docker images listed ${lines} rows, expected ${count}`);
  times.sort((a, b) => a - b);
  return [
    { name: `docker images with ${count} images: p50`, value: percentile(times, 50), unit: 'ms', target: below(20) },
    { name: `docker images with ${count} images: p99`, value: percentile(times, 99), unit: 'ms', target: below(50) },
  ];
}
