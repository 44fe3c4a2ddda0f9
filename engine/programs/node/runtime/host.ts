import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { resolvePath } from '../../../fs/path.ts';
import { FsError } from '../../../fs/types.ts';
import { netOf, type Listener, type Socket } from '../../../network/socket.ts';
import type { Sandbox } from '../../js/index.ts';
import type { Process } from '../../process.ts';
import { bindingFactory } from './bindings.ts';
import type { NodeFrames } from './frames.ts';
import { resolveModule } from './resolve.ts';
import { netError, uvError } from './uv-errors.ts';

/**
 * The host bindings the guest half of node reaches (`host.*` in guest/): the container's filesystem, its standard
 * streams, its sockets, module resolution, compiling module code with its file name, and the process's state.
 */

export interface HostState {
  cwd: string;
  /** Set by process.exit (or a fatal error): the exit status. */
  exitCode?: number;
  /** Output written in order; awaited before the process ends. */
  output: Promise<void>;
  readonly listeners: Map<number, Listener>;
  readonly sockets: Map<number, Socket>;
  /** Signals the app listens for (process.on('SIGTERM')). */
  readonly signals: Set<string>;
  readonly startedAt: number;
}

export interface HostOptions {
  readonly p: Process;
  readonly sandbox: Sandbox;
  readonly state: HostState;
  readonly version: string;
  readonly frames: NodeFrames;
  readonly argv: readonly string[];
  readonly execArgv: readonly string[];
  /** Told when the app installs or removes a signal handler. */
  readonly onSignalsChanged?: () => void;
}

type Binding = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any -- guest values arrive untyped

export function createHost(o: HostOptions): Record<string, Binding> {
  const { p, sandbox, state } = o;
  const fs = p.fs;
  const abs = (path: unknown) => resolvePath(state.cwd, String(path));
  let nextId = 1;

  const fsOps: Record<string, (...a: unknown[]) => unknown> = {
    readFile: (path) => fs.readFile(abs(path)),
    writeFile: (path, data, append) => {
      const bytes = data instanceof Uint8Array ? data : new TextEncoder().encode(String(data));
      fs.writeFile(abs(path), bytes, { append: append === true });
    },
    exists: (path) => fs.exists(abs(path)),
    stat: (path) => stats(fs.stat(abs(path))),
    lstat: (path) => stats(fs.lstat(abs(path))),
    readdir: (path) => fs.readdir(abs(path)),
    mkdir: (path, recursive) => {
      const target = abs(path);
      if (!recursive) return void fs.mkdir(target);
      let first: string | undefined;
      for (let d = target; !fs.exists(d); d = d.slice(0, d.lastIndexOf('/')) || '/') first = d;
      fs.mkdir(target, { recursive: true });
      return first;
    },
    rm: (path, recursive, force) => fs.rm(abs(path), { recursive: recursive === true, force: force === true }),
    rmdir: (path, recursive) => fs.rm(abs(path), { recursive: recursive === true }),
    unlink: (path) => {
      if (fs.lstat(abs(path)).type === 'dir') throw new FsError('EISDIR', abs(path));
      fs.rm(abs(path));
    },
    rename: (from, to) => fs.rename(abs(from), abs(to)),
    copyFile: (from, to) => fs.writeFile(abs(to), fs.readFile(abs(from))),
    realpath: (path) => fs.realpath(abs(path)),
    access: (path) => void fs.stat(abs(path)),
    symlink: (target, path) => fs.symlink(String(target), abs(path)),
    readlink: (path) => fs.readlink(abs(path)),
    chmod: (path, mode) => fs.chmod(abs(path), Number(mode)),
  };
  const SYSCALL: Record<string, string> = { readFile: 'open', writeFile: 'open', readdir: 'scandir', rm: 'rm', copyFile: 'copyfile', access: 'access', realpath: 'lstat' };
  const TWO_PATHS = new Set(['rename', 'copyFile', 'symlink']);

  const hold = () => sandbox.hold();
  const conn = (s: Socket) => {
    const id = nextId++;
    state.sockets.set(id, s);
    return { id, remoteAddress: s.remote.address, remotePort: s.remote.port, localAddress: s.local.address, localPort: s.local.port };
  };

  return {
    info: () => ({
      version: o.version,
      versions: { node: o.version, acorn: '8.14.0', ares: '1.34.5', modules: String(o.version.startsWith('20') ? 115 : 127), uv: '1.50.0', v8: '12.4.254.21-node.33', zlib: '1.3.0.1-motley', openssl: '3.0.15+quic' },
      lts: o.version.startsWith('20') ? 'Iron' : o.version.startsWith('22') ? 'Jod' : undefined,
      argv: o.argv,
      execArgv: o.execArgv,
      execPath: '/usr/local/bin/node',
      env: { ...p.env },
      pid: 1,
      uid: p.uid,
      gid: p.gid,
      hostname: p.system.hostname,
      kernel: p.system.kernel?.release ?? '6.10.14-linuxkit',
      tty: { 0: !!p.stdin.tty, 1: !!p.stdout.tty, 2: !!p.stderr.tty },
      columns: p.stdout.tty?.columns ?? 80,
      rows: p.stdout.tty?.rows ?? 24,
      moduleFrames: o.frames.moduleFrames,
      notFoundFrames: o.frames.notFoundFrames,
      notFoundHeader: o.frames.notFoundHeader,
      rejectionHeader: o.frames.rejectionHeader,
    }),
    write: (fd, data) => {
      const stream = fd === 2 ? p.stderr : p.stdout;
      const bytes = data instanceof Uint8Array ? data : String(data);
      state.output = state.output.then(() => stream.write(bytes)).catch(() => {});
    },
    exit: (code) => {
      state.exitCode ??= Number(code) & 0xff;
      sandbox.stop();
    },
    cwd: () => state.cwd,
    chdir: (dir) => {
      const target = abs(dir);
      if (fs.stat(target).type !== 'dir') throw uvError('ENOTDIR', 'chdir', target);
      state.cwd = target;
    },
    uptime: () => (p.clock.now() - state.startedAt) / 1000,
    signal: (name, on) => {
      if (on) state.signals.add(String(name));
      else state.signals.delete(String(name));
      o.onSignalsChanged?.();
    },
    kill: () => undefined,
    binding: (name) => {
      const factory = bindingFactory(String(name).replace(/^dockyard:/, ''));
      if (!factory) throw Object.assign(new Error(`No such module: ${String(name)}`), { code: 'ERR_INVALID_MODULE' });
      return factory({ p, hold });
    },
    hash: (alg, data) => {
      const name = String(alg).toLowerCase();
      if (name === 'sha256') return sha256(data as Uint8Array);
      if (name === 'sha1') return sha1(data as Uint8Array);
      throw new Error('Digest method not supported');
    },
    resolve: (request, parent) => resolveModule(fs, String(request), parent === undefined ? undefined : String(parent), state.cwd, 'require') ?? null,
    readText: (path) => {
      try {
        return fs.readText(abs(path));
      } catch (e) {
        throw e instanceof FsError ? uvError(e.code, 'open', abs(path)) : e;
      }
    },
    compile: (code, filename) => sandbox.evalScript(String(code), String(filename)),
    evalGlobal: (code, filename) => sandbox.evalScript(String(code), String(filename)),
    fs: (op, ...args) => {
      const fn = fsOps[String(op)];
      if (!fn) throw new Error(`fs.${String(op)} is not simulated`);
      try {
        return fn(...args);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        const syscall = SYSCALL[String(op)] ?? String(op);
        return TWO_PATHS.has(String(op)) ? throwIt(uvError(e.code, syscall.toLowerCase(), abs(args[0]), abs(args[1]))) : throwIt(uvError(e.code, syscall, abs(args[0])));
      }
    },
    netListen: (port, address) => {
      try {
        const l = netOf(p).listen(Number(port), address === undefined || address === '::' ? '0.0.0.0' : String(address));
        const id = nextId++;
        state.listeners.set(id, l);
        return { id, address: l.local.address, port: l.local.port };
      } catch (e) {
        throw netError(e);
      }
    },
    netAccept: async (id) => {
      const s = await state.listeners.get(Number(id))?.accept();
      return s ? conn(s) : null;
    },
    netRead: async (id) => (await state.sockets.get(Number(id))?.input.read()) ?? null,
    netWrite: async (id, data) => {
      const s = state.sockets.get(Number(id));
      const bytes = data instanceof Uint8Array ? data : new TextEncoder().encode(String(data));
      if (s && bytes.length > 0) await s.output.write(bytes).catch(() => {});
    },
    netEnd: (id) => {
      state.sockets.get(Number(id))?.close();
      state.sockets.delete(Number(id));
    },
    netClose: (id) => {
      state.listeners.get(Number(id))?.close();
      state.listeners.delete(Number(id));
    },
    netConnect: async (host, port) => {
      try {
        return conn(await netOf(p).connect(String(host), Number(port), { signal: p.signal }));
      } catch (e) {
        throw netError(e);
      }
    },
  };
}

function throwIt(e: Error): never {
  throw e;
}

function stats(s: { type: string; size: number; mode: number; uid: number; gid: number; mtime: number }) {
  const ms = s.mtime * 1000;
  const typeBits = s.type === 'dir' ? 0o040000 : s.type === 'symlink' ? 0o120000 : 0o100000;
  return {
    dev: 2049, mode: typeBits | s.mode, nlink: 1, uid: s.uid, gid: s.gid, rdev: 0, blksize: 4096, ino: 0, size: s.size, blocks: Math.ceil(s.size / 512),
    atimeMs: ms, mtimeMs: ms, ctimeMs: ms, birthtimeMs: ms, _type: s.type,
  };
}
