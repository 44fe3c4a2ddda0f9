import { createMachine } from '../../../engine/index.ts';
import type { Registry } from '../../../engine/image/registry.ts';
import { fakeRegistry, imageBuiltAt, layer } from '../../image/fake-registry.ts';

/** A registry image with its own dates and history (these tests' clock starts 2025-01-06 09:00 UTC). */
export const builtImage = imageBuiltAt;

const debian = layer('debian', 74_000_000);
export const nodeImage = builtImage(
  '2024-12-03T10:00:00Z',
  [debian, layer('node', 190_000_000), layer('yarn', 5_200_000)],
  [
    { created: '2024-11-20T00:00:00Z', created_by: '# debian.sh --arch amd64 out/ bookworm @1732492800' },
    { created: '2024-11-20T00:00:00Z', created_by: 'CMD ["bash"]', empty_layer: true },
    { created: '2024-12-03T10:00:00Z', created_by: 'ENV NODE_VERSION=20.18.1', comment: 'buildkit.dockerfile.v0', empty_layer: true },
    {
      created: '2024-12-03T10:00:00Z',
      created_by: 'RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)" && case "${dpkgArch##*-}" in amd64) ARCH=\'x64\';; esac # buildkit',
      comment: 'buildkit.dockerfile.v0',
    },
    { created: '2024-12-03T10:00:00Z', created_by: 'RUN /bin/sh -c set -ex\tyarn --version # buildkit', comment: 'buildkit.dockerfile.v0' },
    { created: '2024-12-03T10:00:00Z', created_by: 'CMD ["node"]', comment: 'buildkit.dockerfile.v0', empty_layer: true },
  ],
  { config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NODE_VERSION=20.18.1'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] } },
);
export const pythonImage = builtImage(
  '2024-12-04T10:00:00Z',
  [debian, layer('python', 150_000_000)],
  [
    { created: '2024-11-20T00:00:00Z', created_by: '# debian.sh --arch amd64 out/ bookworm @1732492800' },
    { created: '2024-12-04T10:00:00Z', created_by: 'RUN /bin/sh -c install-python # buildkit', comment: 'buildkit.dockerfile.v0' },
  ],
);
export const alpineImage = builtImage(
  '2024-12-30T09:00:00Z',
  [layer('alpine', 8_300_000)],
  [
    { created: '2024-12-30T09:00:00Z', created_by: 'ADD alpine-minirootfs-3.21.0-x86_64.tar.gz / # buildkit', comment: 'buildkit.dockerfile.v0' },
    { created: '2024-12-30T09:00:00Z', created_by: 'CMD ["/bin/sh"]', comment: 'buildkit.dockerfile.v0', empty_layer: true },
  ],
  { config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'] } },
);

export const REGISTRY: Registry = fakeRegistry({
  'library/node': { '20': nodeImage },
  'library/python': { '3.12': pythonImage },
  'library/alpine': { latest: alpineImage, '3.21': alpineImage },
});

/** A headless machine on REGISTRY with one terminal; `run` gives a command line's stdout, stderr and status. */
export function machine(registry: Registry = REGISTRY) {
  // The fixtures' dates are relative to 2025-01-06, so the tests keep their meaning whatever a new machine's date.
  const m = createMachine({ mode: 'headless', registry, startTime: Date.UTC(2025, 0, 6, 9, 0, 0) });
  const terminal = m.openTerminal();
  const run = async (line: string) => {
    let stdout = '';
    let stderr = '';
    const exitCode = await terminal.run(line, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { stdout, stderr, exitCode };
  };
  return { machine: m, terminal, run };
}

export const short = (id: string) => id.slice(7, 19);
