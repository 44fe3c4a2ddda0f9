/** Runs the redis programs on a small machine with its own network namespace, and waits for them. */
import { VirtualClock } from '../../../engine/core/clock.ts';
import { macrotask } from '../../../engine/core/tick.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import type { Process, Program } from '../../../engine/programs/process.ts';
import { BytesReader, Collector, type Readable, type Writable } from '../../../engine/programs/streams.ts';
import { createNetworkNamespace, type NetworkNamespace } from '../../../engine/network/namespace.ts';

/** 2026-11-29 14:00:00 UTC. */
export const START = Date.UTC(2026, 10, 29, 14, 0, 0);

export interface Box {
  fs: TreeFs;
  clock: VirtualClock;
  net: NetworkNamespace;
}

/** A redis image's skeleton: /data (the working directory) and the version in the environment. */
export function box(fs?: TreeFs, clock = new VirtualClock(START)): Box {
  const tree = fs ?? new TreeFs(undefined, () => clock.nowSeconds());
  if (!tree.exists('/data')) tree.mkdir('/data', { recursive: true });
  if (!tree.exists('/etc')) tree.mkdir('/etc');
  return { fs: tree, clock, net: createNetworkNamespace({ hostname: 'c0ffee123456' }) };
}

export interface Running {
  readonly stdout: Collector;
  readonly stderr: Collector;
  readonly exit: Promise<number>;
  readonly abort: (signal: string) => void;
}

export function start(b: Box, program: Program, argv: readonly string[], o: { stdin?: string | Readable; tty?: boolean; stdinTty?: boolean; env?: Record<string, string> } = {}): Running {
  const stdout = new Collector();
  const stderr = new Collector();
  const ctl = new AbortController();
  const out: Writable = o.tty ? { write: (d) => stdout.write(d), tty: { columns: 80, rows: 24 } } : stdout;
  const input = typeof o.stdin === 'object' ? o.stdin : new BytesReader(o.stdin ?? '');
  const stdin: Readable = o.stdinTty ? { read: () => input.read(), tty: { columns: 80, rows: 24 } } : input;
  const p: Process = {
    argv,
    env: o.env ?? { PATH: '/usr/local/bin:/usr/bin:/bin', REDIS_VERSION: '7.4.4' },
    cwd: '/data',
    fs: b.fs,
    stdin,
    stdout: out,
    stderr,
    clock: b.clock,
    signal: ctl.signal,
    uid: 0,
    gid: 0,
    system: { hostname: b.net.hostname, services: { net: b.net } },
    spawn: async () => 127,
  };
  return { stdout, stderr, exit: program(p), abort: (s) => ctl.abort(s) };
}

/** Lets pending work run (every step of these programs is a promise continuation). */
export async function settle(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await macrotask();
}

/** Waits until `cond` holds, failing after a bounded number of turns. */
export async function until(cond: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (cond()) return;
    await macrotask();
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Whether something accepts connections on `port` (the probe connection is closed at once). */
export async function listening(b: Box, port: number): Promise<boolean> {
  try {
    (await b.net.connect('127.0.0.1', port)).close();
    return true;
  } catch {
    return false;
  }
}
