import { emptyEngine } from '../../engine/cli/engine-view.ts';
import type { ImageService } from '../../engine/image/service.ts';
import type { RegistryImage } from '../../engine/image/registry.ts';
import { addLayers, putImage } from '../../engine/image/store.ts';
import { image, layer } from '../image/fake-registry.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runDockerCli } from '../../engine/cli/cli.ts';
import type { EngineView } from '../../engine/cli/engine-view.ts';

/** A recording of the real docker 28 client (see fixtures/capture/capture.mjs). */
export interface Fixture {
  readonly name: string;
  readonly command: readonly string[];
  readonly daemon: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const dir = join(import.meta.dirname, 'fixtures');

export function fixtures(): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f.slice(0, -5), ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<Fixture, 'name'>) }));
}

/** The engine state behind daemon-busy.json: 3 containers (1 running, 1 paused, 1 stopped), 2 images. */
export const BUSY_ENGINE: EngineView = {
  containers: () => [{ state: 'running' }, { state: 'paused' }, { state: 'exited' }],
  images: imagesOf([image([layer('a', 10)]), image([layer('b', 20)])]),
};

function imagesOf(images: RegistryImage[]): ImageService {
  const service = emptyEngine().images;
  for (const img of images) {
    service.update((s) => {
      const added = addLayers(s, img.layers.map((l) => ({ diffId: l.diffId, size: l.size, tree: l.tree() })));
      return { store: putImage(added.store, { id: img.id, configJson: img.configJson, config: img.config, layers: added.chain, repoDigests: [] }) };
    });
  }
  return service;
}

export async function runSimulated(argv: readonly string[], engine?: EngineView) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runDockerCli(argv.slice(1), {
    stdout: { write: async (s) => void (stdout += s) },
    stderr: { write: async (s) => void (stderr += s) },
    env: { HOME: '/home/student' },
    hostname: 'dockyard',
    ...(engine ? { engine } : {}),
  });
  return { stdout, stderr, exitCode };
}
