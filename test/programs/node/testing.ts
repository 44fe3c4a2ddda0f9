/** Test helper: a node image's filesystem with the shell, coreutils and node registered, and a way to run lines. */
import { VirtualClock } from '../../../engine/core/clock.ts';
import { driveHeadless } from '../../../engine/host/driver.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { union } from '../../../engine/fs/union.ts';
import type { DirEntry } from '../../../engine/fs/types.ts';
import { findCatalogImage } from '../../../engine/image/catalog/index.ts';
import { COREUTILS } from '../../../engine/programs/coreutils/index.ts';
import { SHELL_PROGRAMS } from '../../../engine/programs/shell/index.ts';
import { createProcess, type Machine } from '../../../engine/programs/spawn.ts';
import { BytesReader, Collector } from '../../../engine/programs/streams.ts';
import { NODE_PROGRAMS } from '../../../engine/programs/node/index.ts';

const roots = new Map<string, DirEntry>();

/** The root filesystem of a catalog image (`node:20`), built once per test file and shared (trees are immutable). */
export function imageRoot(ref: string): DirEntry {
  let root = roots.get(ref);
  if (!root) {
    const [repo, tag] = ref.split(':') as [string, string];
    const image = findCatalogImage(`library/${repo}`, tag);
    if (!image) throw new Error(`no ${ref} in the catalog`);
    root = union(image.layers.map((l) => l.tree()));
    roots.set(ref, root);
  }
  return root;
}

export interface TestMachine extends Machine {
  readonly fs: TreeFs;
}

export function nodeMachine(ref = 'node:20', files: Record<string, string> = {}): TestMachine {
  const clock = new VirtualClock();
  const fs = new TreeFs(imageRoot(ref), () => clock.nowSeconds());
  for (const [path, text] of Object.entries(files)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    fs.writeFile(path, text);
  }
  return { fs, clock, system: { hostname: 'buildkitsandbox', services: {} }, registry: { ...SHELL_PROGRAMS, ...COREUTILS, ...NODE_PROGRAMS } };
}

export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/**
 * Runs `/bin/sh -c line` as a Dockerfile RUN does (root, the image's PATH, HOME=/root), letting the virtual clock
 * run freely while it works.
 */
export async function run(m: TestMachine, line: string, cwd = '/app', env: Record<string, string> = {}, signal = new AbortController().signal): Promise<Ran> {
  const stdout = new Collector();
  const stderr = new Collector();
  const p = createProcess(m, {
    argv: ['sh'],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', HOSTNAME: 'buildkitsandbox', NODE_VERSION: '20.19.2', YARN_VERSION: '1.22.22', ...env },
    cwd,
    stdin: new BytesReader(''),
    stdout,
    stderr,
    signal,
    uid: 0,
    gid: 0,
  });
  const status = await driveHeadless(m.clock, p.spawn(['/bin/sh', '-c', line]), () => {});
  return { stdout: stdout.text(), stderr: stderr.text(), status };
}
