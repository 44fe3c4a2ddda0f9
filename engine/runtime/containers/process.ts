import type { VirtualClock } from '../../core/clock.ts';
import { DockerError } from '../../core/errors.ts';
import { readTable, resolveUser } from '../../fs/passwd.ts';
import { readRange } from '../../fs/content.ts';
import { resolvePath } from '../../fs/path.ts';
import { TreeFs } from '../../fs/tree-fs.ts';
import type { DirEntry, Fs } from '../../fs/types.ts';
import { MountedFs } from '../../fs/mount-fs.ts';
import { attachMounts, type MountAttachHost } from '../mounts/attach.ts';
import type { ContainerNetworking } from './networking.ts';
import type { Kernel, Program } from '../../programs/process.ts';
import { createProcess, DEFAULT_PATH, resolveCommand } from '../../programs/spawn.ts';
import type { Readable, Writable } from '../../programs/streams.ts';
import { ociCreateFailed, runcExecError } from '../runc.ts';
import { commandLine, envRecord, mergeEnv } from './config.ts';
import type { ContainerRecord } from './types.ts';

export interface ProcessHost extends Omit<MountAttachHost, 'now'> {
  readonly clock: VirtualClock;
  readonly programs: Readonly<Record<string, Program>>;
  readonly kernel?: Kernel;
}

export interface ProcessIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Aborted with the signal's name ('SIGTERM', 'SIGKILL') when the lifecycle signals the process. */
  readonly signal: AbortSignal;
}

export interface PreparedProcess {
  /**
   * The container's filesystem while it runs: the image plus the writable layer (copy-on-write) with the mounts on
   * top; its `root` is the root filesystem alone.
   */
  readonly fs: Fs;
  /** Runs the process; resolves to its exit status (128+n when a signal ended it). */
  launch(io: ProcessIo): Promise<number>;
  /**
   * Whether a signal reaches the process: as PID 1 it gets only SIGKILL and the signals its program handles (the
   * interpreter's, for a `#!` script). The others the kernel drops.
   */
  receives(signal: string): boolean;
  /** The `--link` variables it was started with: `docker exec` processes get them too. */
  readonly linkEnv: readonly string[];
  /** The user it runs as (Config.User resolved in the container's /etc/passwd). */
  readonly uid: number;
  /** The program PID 1 runs now (the interpreter's, for a `#!` script; the last exec's), when the file names one. */
  readonly program?: Program;
}

/**
 * Prepares a container's main process over `root` (the image's layers with the writable layer on top), the way runc
 * does: as Config.User, in WorkingDir (created if missing), with the daemon's environment (PATH when the image sets
 * none, HOSTNAME, TERM for a tty, HOME from /etc/passwd) under the container's Env. A command runc cannot exec throws
 * the daemon's error here, before anything runs, so the caller can leave the container as it was.
 */
export function prepareMainProcess(record: ContainerRecord, root: DirEntry, host: ProcessHost, networking?: ContainerNetworking): PreparedProcess {
  const now = () => host.clock.nowSeconds();
  const rootfs = new TreeFs(root, now);
  const mounts = [...attachMounts(record.mounts, rootfs, { ...host, now }), ...(networking?.mounts ?? [])];
  const fs = mounts.length > 0 ? new MountedFs(rootfs, mounts) : rootfs;
  const { uid, gid } = userOf(root, record.config.User);
  const env = containerEnv(record, { tty: record.config.Tty, linkEnv: networking?.env ?? [], root, uid });
  const cwd = record.config.WorkingDir || '/';
  if (!fs.exists(cwd)) fs.mkdir(cwd, { recursive: true });
  const argv = commandLine(record.config);
  const name = argv[0] ?? '';
  const found = resolveCommand(fs, name, env.PATH, cwd);
  if (found.kind !== 'found') throw startError(runcExecError(name, found), found.kind === 'not-found' ? 127 : 126);
  // Handlers a program installs while it runs (node's process.on('SIGTERM')) join the ones its program declares.
  const signalHandlers = new Set<string>();
  const services = { ...(networking ? { net: networking.attachment.stack } : {}), signalHandlers };
  const machine = { fs, clock: host.clock, system: { hostname: hostnameOf(record), ...(host.kernel ? { kernel: host.kernel } : {}), services }, registry: host.programs };
  // PID 1 is the program its file names (or its #! interpreter) until an exec replaces it.
  let pid1 = programOf(fs, found.path, cwd, host.programs);
  return {
    fs,
    linkEnv: networking?.env ?? [],
    uid,
    get program() {
      return pid1;
    },
    receives: (signal) => signal === 'SIGKILL' || (pid1?.handledSignals ?? []).includes(signal) || signalHandlers.has(signal),
    launch(io) {
      const runc = createProcess(machine, { argv: ['runc'], env, cwd, ...io, uid, gid, onExec: (program) => (pid1 = program) });
      return runc.spawn(argv, {
        exec: true,
        // Found but not runnable after all (a script whose interpreter is missing): the process "ran" and failed.
        onFailure: (f) => void io.stderr.write(`${ociCreateFailed(runcExecError(name, f))}\n`).catch(() => {}),
      });
    },
  };
}

/** The container's hostname: `--hostname`, else its short ID. */
export function hostnameOf(record: ContainerRecord): string {
  return record.config.Hostname || record.id.slice(0, 12);
}

/**
 * The environment a container process gets (runc's, for the main process and `docker exec` alike): the daemon's
 * (PATH when the image sets none, HOSTNAME, TERM for a tty, the `--link` variables) under Config.Env under an exec's
 * `-e`, and HOME from the user's passwd line when nothing set it.
 */
export function containerEnv(record: ContainerRecord, o: { readonly tty: boolean; readonly linkEnv: readonly string[]; readonly overrides?: readonly string[]; readonly root: DirEntry; readonly uid: number }): Record<string, string> {
  const daemonEnv = [`PATH=${DEFAULT_PATH}`, `HOSTNAME=${hostnameOf(record)}`, ...(o.tty ? ['TERM=xterm'] : [])];
  const env = envRecord(mergeEnv(mergeEnv([...daemonEnv, ...o.linkEnv], record.config.Env), o.overrides ?? []));
  env.HOME ??= homeOf(o.root, o.uid);
  return env;
}

/** The daemon's error for a process runc could not start; `exitCode` is what moby records in State.ExitCode. */
export function startError(execError: string, exitCode: number): DockerError {
  return new DockerError(`Error response from daemon: ${ociCreateFailed(execError)}`, exitCode, 'ESTART');
}

function userOf(root: DirEntry, user: string): { uid: number; gid: number } {
  try {
    return resolveUser(root, user);
  } catch (e) {
    // runc's wording is BuildKit's: both come from the same user package.
    throw startError(e instanceof Error ? e.message : String(e), 126);
  }
}

export function homeOf(root: DirEntry, uid: number): string {
  return readTable(root, '/etc/passwd').find((r) => r[2] === String(uid))?.[5] || '/';
}

/** The program that runs for the file at `path`: its own, or its `#!` interpreter's. */
export function programOf(fs: Fs, path: string, cwd: string, programs: Readonly<Record<string, Program>>): Program | undefined {
  for (let file = path, depth = 0; depth < 4; depth++) {
    let content;
    try {
      content = fs.fileContent(file);
    } catch {
      return undefined;
    }
    if (content.kind === 'synthetic') return content.program === undefined ? undefined : programs[content.program];
    const head = new TextDecoder().decode(readRange(content, 0, 256));
    if (!head.startsWith('#!')) return undefined;
    const interpreter = head.slice(2).split('\n')[0]!.trim().split(/\s+/)[0] ?? '';
    file = resolvePath(cwd, interpreter);
  }
  return undefined;
}
