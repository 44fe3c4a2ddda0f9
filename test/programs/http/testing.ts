import { VirtualClock } from '../../../engine/core/clock.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { union } from '../../../engine/fs/union.ts';
import type { DirEntry } from '../../../engine/fs/types.ts';
import { driveHeadless } from '../../../engine/host/driver.ts';
import { findCatalogImage } from '../../../engine/image/catalog/index.ts';
import { createNetworkNamespace, type NetworkNamespace } from '../../../engine/network/namespace.ts';
import { HTTP_PROGRAMS } from '../../../engine/programs/http/index.ts';
import { containerPrograms } from '../../../engine/programs/registry.ts';
import { createProcess, type Machine } from '../../../engine/programs/spawn.ts';
import { BytesReader, Collector } from '../../../engine/programs/streams.ts';
import type { Tty } from '../../../engine/programs/streams.ts';

/**
 * Test support: a container over a catalog image's real files with its own network namespace, a background main
 * process (a server) that can be signalled, and foreground commands run on virtual time beside it.
 */

const roots = new Map<string, DirEntry>();

function imageRoot(ref: string): DirEntry {
  let root = roots.get(ref);
  if (!root) {
    const [repo, tag = 'latest'] = ref.split(':') as [string, string | undefined];
    const image = findCatalogImage(repo.includes('/') ? repo : `library/${repo}`, tag);
    if (!image) throw new Error(`no ${ref} in the catalog`);
    root = union(image.layers.map((l) => l.tree()));
    roots.set(ref, root);
  }
  return root;
}

export interface Box {
  readonly fs: TreeFs;
  readonly clock: VirtualClock;
  readonly net: NetworkNamespace;
  readonly machine: Machine;
  readonly env: Record<string, string>;
}

export function box(ref: string, net?: NetworkNamespace, clock = new VirtualClock()): Box {
  const [repo, tag = 'latest'] = ref.split(':') as [string, string | undefined];
  const image = findCatalogImage(repo.includes('/') ? repo : `library/${repo}`, tag)!;
  const fs = new TreeFs(imageRoot(ref), () => clock.nowSeconds());
  const ns = net ?? createNetworkNamespace({ hostname: 'c0ffee123456', addresses: ['172.17.0.2'] });
  const env: Record<string, string> = { HOSTNAME: ns.hostname, HOME: '/root' };
  for (const kv of image.config.config?.Env ?? []) env[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
  const machine: Machine = { fs, clock, system: { hostname: ns.hostname, kernel: { release: '6.8.0-60-generic', version: '#63-Ubuntu SMP', machine: 'x86_64' }, services: { net: ns } }, registry: containerPrograms(HTTP_PROGRAMS) };
  return { fs, clock, net: ns, machine, env };
}

export interface Background {
  readonly stdout: Collector;
  readonly stderr: Collector;
  readonly done: Promise<number>;
  kill(signal: string): void;
}

/** Starts argv as a container's main process would run, in the background. */
export function start(b: Box, argv: readonly string[]): Background {
  const stdout = new Collector();
  const stderr = new Collector();
  const control = new AbortController();
  const p = createProcess(b.machine, { argv: ['runc'], env: b.env, cwd: '/', stdin: new BytesReader(''), stdout, stderr, signal: control.signal, uid: 0, gid: 0 });
  const done = p.spawn(argv);
  return { stdout, stderr, done, kill: (signal) => control.abort(signal) };
}

export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** Runs `/bin/sh -c line` in the box on virtual time, until it ends. */
export async function run(b: Box, line: string, o: { tty?: Tty; cwd?: string } = {}): Promise<Ran> {
  const stdout = Object.assign(new Collector(), o.tty ? { tty: o.tty } : {});
  const stderr = new Collector();
  const control = new AbortController();
  const p = createProcess(b.machine, { argv: ['sh'], env: b.env, cwd: o.cwd ?? '/', stdin: new BytesReader(''), stdout, stderr, signal: control.signal, uid: 0, gid: 0 });
  const status = await driveHeadless(b.clock, p.spawn(['/bin/sh', '-c', line]), () => control.abort('SIGINT'));
  return { stdout: stdout.text(), stderr: stderr.text(), status };
}

/** Lets background processes run what they can without moving the clock. */
export async function settle(b: Box, rounds = 20): Promise<void> {
  void b;
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
