import { createNetworkNamespace } from '../../../engine/network/namespace.ts';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { union } from '../../../engine/fs/union.ts';
import { driveHeadless } from '../../../engine/host/driver.ts';
import { findCatalogImage } from '../../../engine/image/catalog/index.ts';
import type { Program } from '../../../engine/programs/process.ts';
import { containerPrograms } from '../../../engine/programs/registry.ts';
import { createProcess, type Machine } from '../../../engine/programs/spawn.ts';
import { BytesReader, Collector } from '../../../engine/programs/streams.ts';

/**
 * Test support: a container-like machine over a catalog image's real layers, and a way to run a command line in it
 * the way a RUN step does (`/bin/sh -c`), on virtual time.
 */

export interface ImageMachine {
  readonly fs: TreeFs;
  readonly clock: VirtualClock;
  readonly machine: Machine;
  readonly env: Readonly<Record<string, string>>;
}

export function imageMachine(ref: string, extra: Record<string, Program> = {}): ImageMachine {
  const [repo, tag = 'latest'] = ref.split(':') as [string, string | undefined];
  const image = findCatalogImage(repo.includes('/') ? repo : `library/${repo}`, tag);
  if (!image) throw new Error(`no ${ref} in the catalog`);
  const clock = new VirtualClock();
  const fs = new TreeFs(union(image.layers.map((l) => l.tree())), () => clock.nowSeconds());
  const env: Record<string, string> = { HOSTNAME: 'buildkitsandbox', HOME: '/root' };
  for (const kv of image.config.config?.Env ?? []) {
    const eq = kv.indexOf('=');
    env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return { fs, clock, env, machine: { fs, clock, system: { hostname: 'buildkitsandbox', services: { net: createNetworkNamespace({ hostname: 'buildkitsandbox' }) } }, registry: containerPrograms(extra) } };
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  /** Virtual milliseconds the command took. */
  readonly ms: number;
}

export interface RunOptions {
  readonly uid?: number;
  readonly gid?: number;
  readonly cwd?: string;
  readonly stdin?: string;
  readonly env?: Record<string, string>;
  /** Interrupts the command (Ctrl-C) after this many virtual milliseconds. */
  readonly interruptAfter?: number;
}

/** Runs `command` with `/bin/sh -c`, as a RUN step does, driving the virtual clock until it ends. */
export async function runIn(m: ImageMachine, command: string, o: RunOptions = {}): Promise<RunResult> {
  const stdout = new Collector();
  const stderr = new Collector();
  const interrupt = new AbortController();
  const env = { ...m.env, ...(o.uid ? { HOME: '/tmp' } : {}), ...o.env };
  const p = createProcess(m.machine, { argv: ['buildkit-runc'], env, cwd: o.cwd ?? '/', stdin: new BytesReader(o.stdin ?? ''), stdout, stderr, signal: interrupt.signal, uid: o.uid ?? 0, gid: o.gid ?? 0 });
  const start = m.clock.now();
  if (o.interruptAfter !== undefined) m.clock.after(o.interruptAfter, () => interrupt.abort('SIGINT'));
  const status = await driveHeadless(m.clock, p.spawn(['/bin/sh', '-c', command]), () => interrupt.abort('SIGINT'));
  return { stdout: stdout.text(), stderr: stderr.text(), status, ms: m.clock.now() - start };
}
