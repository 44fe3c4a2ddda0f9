/** A small machine for MongoDB tests: a filesystem, a network namespace, the virtual clock, mongod started as a process. */
import { VirtualClock } from '../../../engine/core/clock.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { driveHeadless } from '../../../engine/host/driver.ts';
import { createNetworkNamespace, type NetworkNamespace } from '../../../engine/network/namespace.ts';
import { MONGO_PROGRAMS } from '../../../engine/programs/mongo/index.ts';
import { createProcess, type Machine } from '../../../engine/programs/spawn.ts';
import { BytesReader, Collector, type Readable } from '../../../engine/programs/streams.ts';
import { MongoClient, type MongoClientOptions } from '../../../engine/programs/mongo/client/client.ts';
import { COREUTILS } from '../../../engine/programs/coreutils/index.ts';
import { SHELL_PROGRAMS } from '../../../engine/programs/shell/index.ts';

export interface World {
  readonly clock: VirtualClock;
  readonly net: NetworkNamespace;
}

export function world(hostname = 'c0ffee123456'): World {
  return { clock: new VirtualClock(), net: createNetworkNamespace({ hostname }) };
}

/** A container-like root: /data/db owned by mongodb (999), the passwd entries the mongo image has. */
export function dataFs(w: World): TreeFs {
  const fs = new TreeFs(undefined, () => w.clock.nowSeconds());
  fs.mkdir('/etc', { recursive: true });
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\nmongodb:x:999:999::/data/db:/bin/sh\n');
  fs.writeFile('/etc/group', 'root:x:0:\nnogroup:x:65534:\nmongodb:x:999:\n');
  fs.mkdir('/data/db', { recursive: true });
  fs.chown('/data/db', 999, 999);
  fs.mkdir('/tmp', { recursive: true });
  fs.chmod('/tmp', 0o1777);
  for (const name of ['mongod', 'mongosh', 'gosu']) {
    fs.mkdir('/usr/bin', { recursive: true });
    fs.writeFile(`/usr/bin/${name}`, { kind: 'synthetic', size: 1000, seed: name, program: name }, { mode: 0o755 });
  }
  for (const name of ['sh', 'bash', 'id', 'echo', 'touch']) fs.writeFile(`/usr/bin/${name}`, { kind: 'synthetic', size: 1000, seed: name, program: name }, { mode: 0o755 });
  return fs;
}

export function machine(w: World, fs: TreeFs): Machine {
  return { fs, clock: w.clock, system: { hostname: w.net.hostname, services: { net: w.net } }, registry: { ...SHELL_PROGRAMS, ...COREUTILS, ...MONGO_PROGRAMS } };
}

export interface Running {
  readonly stdout: Collector;
  readonly stderr: Collector;
  readonly exit: Promise<number>;
  signal(name: string): void;
}

/** Starts `argv` on the machine in the background, as the given user. */
export function start(m: Machine, argv: readonly string[], o: { uid?: number; gid?: number; stdin?: string | Readable; env?: Record<string, string> } = {}): Running {
  const stdout = new Collector();
  const stderr = new Collector();
  const abort = new AbortController();
  const p = createProcess(m, {
    argv: ['runc'],
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', ...o.env },
    cwd: '/',
    stdin: typeof o.stdin === 'object' ? o.stdin : new BytesReader(o.stdin ?? ''),
    stdout,
    stderr,
    signal: abort.signal,
    uid: o.uid ?? 0,
    gid: o.gid ?? 0,
  });
  const exit = p.spawn(argv);
  return { stdout, stderr, exit, signal: (name) => abort.abort(name) };
}

/** Runs `work` letting the virtual clock jump to each timer, as a headless command would. */
export function drive<T>(w: World, work: Promise<T>): Promise<T> {
  return driveHeadless(w.clock, work, () => {});
}

export function client(w: World, uri = 'mongodb://127.0.0.1:27017', options: MongoClientOptions = {}): MongoClient {
  return new MongoClient(uri, options, { net: w.net, clock: w.clock, seed: 'test-client' });
}

/** mongod's JSON log lines, parsed. */
export function logLines(out: Collector): { id: number; msg: string; attr?: Record<string, unknown>; s: string; c: string; ctx: string }[] {
  return out
    .text()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

/** Lets pending I/O run (macrotasks), without moving the clock. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
