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
  images: () => [{}, {}],
};

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
