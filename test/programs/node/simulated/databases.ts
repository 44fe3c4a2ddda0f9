/**
 * Test helper: a node app container and a database container on one user-defined network, in memory. The app's
 * namespace resolves the database's name (as Docker's embedded DNS does) and routes to its address; the database
 * server (mongod, redis-server) runs as a real program in its own namespace, on the same virtual clock.
 */
import { VirtualClock } from '../../../../engine/core/clock.ts';
import { macrotask } from '../../../../engine/core/tick.ts';
import { TreeFs } from '../../../../engine/fs/tree-fs.ts';
import { driveHeadless } from '../../../../engine/host/driver.ts';
import { createNetworkNamespace, type NetworkNamespace } from '../../../../engine/network/namespace.ts';
import { COREUTILS } from '../../../../engine/programs/coreutils/index.ts';
import { MONGO_PROGRAMS } from '../../../../engine/programs/mongo/index.ts';
import { REDIS_PROGRAMS } from '../../../../engine/programs/redis/index.ts';
import { NODE_PROGRAMS } from '../../../../engine/programs/node/index.ts';
import { packument } from '../../../../engine/programs/node/registry/catalog.ts';
import { packageFiles } from '../../../../engine/programs/node/registry/files.ts';
import { SHELL_PROGRAMS } from '../../../../engine/programs/shell/index.ts';
import { createProcess, type Machine } from '../../../../engine/programs/spawn.ts';
import { BytesReader, Collector } from '../../../../engine/programs/streams.ts';
import { dataFs } from '../../mongo/harness.ts';
import { imageRoot } from '../testing.ts';

export const DB_ADDRESS = '172.18.0.2';

export interface Network {
  readonly clock: VirtualClock;
  /** The app container's namespace. */
  readonly app: NetworkNamespace;
  /** The database container's namespace (name `name`, address DB_ADDRESS). */
  readonly db: NetworkNamespace;
}

/** `reachable: false` is a database on another network: its name does not resolve from the app. */
export function network(name = 'mongo', reachable = true, clock = new VirtualClock()): Network {
  const db = createNetworkNamespace({ hostname: name, addresses: [DB_ADDRESS] });
  const app = createNetworkNamespace({
    hostname: 'app',
    addresses: ['172.18.0.3'],
    nameServer: async (n) => (reachable && n === name ? [DB_ADDRESS] : undefined),
    route: (_from, to, signal) => db.connect(to.address, to.port, signal ? { signal } : {}),
  });
  return { clock, app, db };
}

export interface Running {
  readonly stdout: Collector;
  readonly stderr: Collector;
  readonly exit: Promise<number>;
  readonly abort: AbortController;
}

function spawn(m: Machine, argv: string[], cwd: string, env: Record<string, string>): Running {
  const stdout = new Collector();
  const stderr = new Collector();
  const abort = new AbortController();
  const p = createProcess(m, { argv: ['sh'], env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', ...env }, cwd, stdin: new BytesReader(''), stdout, stderr, signal: abort.signal, uid: 0, gid: 0 });
  return { stdout, stderr, exit: p.spawn(argv), abort };
}

/** mongod in the database namespace, listening on every address. */
export function startMongod(n: Network): Running {
  const fs = dataFs({ clock: n.clock, net: n.db });
  const m: Machine = { fs, clock: n.clock, system: { hostname: n.db.hostname, services: { net: n.db } }, registry: { ...SHELL_PROGRAMS, ...COREUTILS, ...MONGO_PROGRAMS } };
  return spawn(m, ['mongod', '--bind_ip_all'], '/', {});
}

/** redis-server in the database namespace (protected mode is off when no bind is configured: it listens everywhere). */
export function startRedis(n: Network): Running {
  const fs = new TreeFs(undefined, () => n.clock.nowSeconds());
  fs.mkdir('/data', { recursive: true });
  fs.mkdir('/etc', { recursive: true });
  fs.mkdir('/usr/local/bin', { recursive: true });
  fs.writeFile('/usr/local/bin/redis-server', { kind: 'synthetic', size: 1000, seed: 'redis-server', program: 'redis-server' }, { mode: 0o755 });
  const m: Machine = { fs, clock: n.clock, system: { hostname: n.db.hostname, services: { net: n.db } }, registry: { ...REDIS_PROGRAMS } };
  return spawn(m, ['redis-server', '--protected-mode', 'no'], '/data', { REDIS_VERSION: '7.4.4' });
}

/** A node:20 container's filesystem with `files` and the given npm packages installed in /app/node_modules. */
export function appMachine(n: Network, files: Record<string, string>, packages: Record<string, string>): Machine & { fs: TreeFs } {
  const fs = new TreeFs(imageRoot('node:20'), () => n.clock.nowSeconds());
  const write = (path: string, text: string) => {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    fs.writeFile(path, text);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  for (const [name, version] of Object.entries(packages)) {
    for (const f of packageFiles(packument(name)!.manifest(version))) if (typeof f.content === 'string') write(`/app/node_modules/${name}/${f.path}`, f.content);
  }
  return { fs, clock: n.clock, system: { hostname: 'app', services: { net: n.app, signalHandlers: new Set<string>() } }, registry: { ...SHELL_PROGRAMS, ...COREUTILS, ...NODE_PROGRAMS } };
}

export function startNode(m: Machine, argv: string[], env: Record<string, string> = {}): Running {
  return spawn(m, argv, '/app', { NODE_VERSION: '20.19.2', ...env });
}

/** Runs a node script to its end, letting the virtual clock jump to each timer as a headless command does. */
export async function runNode(n: Network, m: Machine, argv: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; status: number; elapsed: number }> {
  const started = n.clock.now();
  const r = startNode(m, argv, env);
  const status = await driveHeadless(n.clock, r.exit, () => {});
  return { stdout: r.stdout.text(), stderr: r.stderr.text(), status, elapsed: n.clock.now() - started };
}

/** Waits (in real time, without moving the clock) until something listens on `port` in `net`. */
export async function listening(net: NetworkNamespace, address: string, port: number): Promise<void> {
  const deadline = performance.now() + 20_000;
  for (;;) {
    try {
      (await net.connect(address, port)).close();
      return;
    } catch (e) {
      if (performance.now() > deadline) throw e;
      await macrotask();
    }
  }
}
