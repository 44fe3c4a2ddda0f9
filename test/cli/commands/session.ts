import { runDockerCli } from '../../../engine/cli/cli.ts';
import type { EngineView } from '../../../engine/cli/engine-view.ts';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { driveHeadless } from '../../../engine/host/driver.ts';
import type { Registry } from '../../../engine/image/registry.ts';
import type { ContainerUse } from '../../../engine/image/remove.ts';
import type { SearchResult } from '../../../engine/image/search.ts';
import { ImageService } from '../../../engine/image/service.ts';
import { BytesReader, EMPTY_READER } from '../../../engine/programs/streams.ts';
import type { RegistryImage, RegistryLayer } from '../../../engine/image/registry.ts';
import { fakeRegistry, image, imageBuiltAt, layer } from '../../image/fake-registry.ts';

/** A fake registry image whose config says it was built at `created` (these tests' clock starts 2025-01-06). */
export function imageAt(created: string, layers: RegistryLayer[], cmd: string[] = ['sh']): RegistryImage {
  return imageBuiltAt(created, layers, undefined, { config: { ...image(layers, cmd).config.config } });
}

/** The fake registry most command tests pull from: node and python share a Debian base layer. */
export const base = layer('debian', 120_000_000);
export const nodeImage = imageAt('2024-06-03T10:00:00Z', [base, layer('node', 200_000_000), layer('yarn', 5_000_000)], ['node']);
export const pythonImage = imageAt('2024-11-20T10:00:00Z', [base, layer('python', 150_000_000)], ['python3']);
export const alpineImage = imageAt('2024-12-30T09:00:00Z', [layer('alpine', 8_000_000)], ['/bin/sh']);
export const REGISTRY = fakeRegistry({
  'library/node': { '20': nodeImage, lts: nodeImage },
  'library/python': { '3.12': pythonImage },
  'library/alpine': { latest: alpineImage },
});

export interface RunOptions {
  readonly stdin?: string;
  readonly tty?: { readonly columns: number; readonly rows: number; readonly redraws?: boolean };
  readonly signal?: AbortSignal;
}

/**
 * A docker CLI over one image service on a virtual clock that runs headless (pulls take their virtual time),
 * with containers a test can declare.
 */
/** The fixtures' dates are relative to this start, so the tests keep their meaning whatever a new machine's date. */
export const TEST_EPOCH_MS = Date.UTC(2025, 0, 6, 9, 0, 0);

export function session(registry: Registry = REGISTRY, extra: { search?: readonly SearchResult[] } = {}) {
  const clock = new VirtualClock(TEST_EPOCH_MS);
  const images = new ImageService(registry, clock);
  const using = new Map<string, ContainerUse[]>();
  const engine: EngineView = {
    containers: () => [],
    images,
    containersUsing: (id) => using.get(id) ?? [],
    ...(extra.search ? { searchIndex: () => extra.search! } : {}),
  };
  const run = async (line: string | readonly string[], options: RunOptions = {}) => {
    let stdout = '';
    let stderr = '';
    const argv = typeof line === 'string' ? line.split(' ') : line;
    const exitCode = await driveHeadless(
      clock,
      runDockerCli(argv.slice(1), {
        stdout: { write: async (s) => void (stdout += String(s)), ...(options.tty ? { tty: options.tty } : {}) },
        stderr: { write: async (s) => void (stderr += String(s)) },
        env: { HOME: '/home/student' },
        engine,
        ...(options.signal ? { signal: options.signal } : {}),
        host: {
          fs: undefined as never,
          cwd: '/',
          stdin: options.stdin !== undefined ? new BytesReader(options.stdin) : EMPTY_READER,
          stdinIsTerminal: false,
        },
      }),
      () => {},
    );
    return { stdout, stderr, exitCode };
  };
  /** Declares that container `id` (running or not) was created from the image `ref` names. */
  const useImage = (imageId: string, container: ContainerUse) => using.set(imageId, [...(using.get(imageId) ?? []), container]);
  return { clock, images, engine, run, useImage };
}

export const short = (id: string) => id.slice(7, 19);
