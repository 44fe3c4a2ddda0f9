import { DockerError } from '../../core/errors.ts';
import { resolveUser } from '../../fs/passwd.ts';
import { resolvePath } from '../../fs/path.ts';
import type { Fs } from '../../fs/types.ts';
import { createProcess, resolveCommand } from '../../programs/spawn.ts';
import type { Readable, Writable } from '../../programs/streams.ts';
import { ociExecFailed, runcExecError } from '../runc.ts';
import { containerEnv, hostnameOf, programOf, type ProcessHost } from './process.ts';
import { DEFAULT_RESIDENT_BYTES, type ContainerCgroup } from './processes.ts';
import type { ContainerRecord } from './types.ts';

/** What `docker exec` asks for (moby ExecConfig). */
export interface ExecRequest {
  readonly cmd: readonly string[];
  /** `-e` / `--env-file`, `KEY=value`, over the container's Env. */
  readonly env?: readonly string[];
  /** `-w`; the container's WorkingDir when absent. */
  readonly workdir?: string;
  /** `-u`; the container's User when absent. */
  readonly user?: string;
  readonly tty?: boolean;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** An exec'd process that started. */
export interface ExecProcess {
  readonly pid: number;
  /** Resolves to the exit status (128+n when a signal ended it, 137 when the container stopped under it). */
  readonly exit: Promise<number>;
  /** Delivers a signal (not PID 1: the default action applies, so SIGINT ends a program that does not handle it). */
  kill(signal: string): void;
}

/** The running container an exec joins: its record, its filesystem (the main process's) and its cgroup. */
export interface ExecTarget {
  readonly record: ContainerRecord;
  readonly fs: Fs;
  /** The main process's services (its network namespace): an exec'd process shares them. */
  readonly services?: Readonly<Record<string, unknown>>;
  readonly cgroup: ContainerCgroup;
  /** The `--link` variables the container started with, which moby gives exec'd processes as well. */
  readonly linkEnv?: readonly string[];
}

/**
 * An exec that could not start: runc's message as the CLI prints it, and the exit code moby records for it (127
 * when the command is missing, 126 otherwise).
 */
export class ExecStartError extends DockerError {
  constructor(message: string, exitCode: number) {
    super(message, exitCode, 'EEXEC');
  }
}

/**
 * Starts a process in a running container's namespaces, as moby's ContainerExecStart and runc exec do: the
 * container's filesystem (the very one its main process writes, mounts included), its hostname, the daemon's
 * environment (PATH when the image sets none, HOSTNAME, TERM for a tty) under the container's Env under `-e`, HOME
 * from the user's passwd line, the user (`-u`, else Config.User) and directory (`-w`, else WorkingDir). A command
 * runc cannot exec throws ExecStartError before anything runs.
 */
export function startExec(target: ExecTarget, req: ExecRequest, host: ProcessHost): ExecProcess {
  const { record, fs, cgroup } = target;
  const hostname = hostnameOf(record);
  let ids: { uid: number; gid: number };
  try {
    ids = resolveUser(fs.root, req.user ?? record.config.User);
  } catch (e) {
    // moby resolves the user before runc runs (daemon/exec_linux.go getUser); its words are moby/sys/user's.
    throw new ExecStartError(e instanceof Error ? e.message : String(e), 126);
  }
  const env = containerEnv(record, { tty: req.tty ?? false, linkEnv: target.linkEnv ?? [], overrides: req.env ?? [], root: fs.root, uid: ids.uid });
  const cwd = resolvePath('/', req.workdir || record.config.WorkingDir || '/');
  if (!isDir(fs, cwd)) {
    throw new ExecStartError(ociExecFailed(`chdir to cwd (${JSON.stringify(cwd)}) set in config.json failed: no such file or directory`), 126);
  }
  const name = req.cmd[0] ?? '';
  const found = resolveCommand(fs, name, env.PATH, cwd);
  if (found.kind !== 'found') throw new ExecStartError(ociExecFailed(runcExecError(name, found)), found.kind === 'not-found' ? 127 : 126);
  const program = programOf(fs, found.path, cwd, host.programs);
  const abort = new AbortController();
  const machine = {
    fs,
    clock: cgroup.clock,
    system: { hostname, ...(host.kernel ? { kernel: host.kernel } : {}), services: target.services ?? {} },
    registry: host.programs,
  };
  const tty = req.tty ? cgroup.allocateTty() : undefined;
  const entry = cgroup.add(
    { ppid: cgroup.list()[0]?.ppid ?? 0, uid: ids.uid, argv: [...req.cmd], started: cgroup.clock.now(), ...(tty ? { tty } : {}), residentBytes: program?.residentBytes ?? DEFAULT_RESIDENT_BYTES },
    (signal) => abort.abort(signal),
  );
  const runc = createProcess(machine, {
    argv: ['runc'],
    env,
    cwd,
    stdin: req.stdin,
    stdout: cgroup.freezer.writer(req.stdout),
    stderr: cgroup.freezer.writer(req.stderr),
    signal: abort.signal,
    ...ids,
  });
  const exit = runc
    .spawn(req.cmd, { onFailure: (f) => void req.stdout.write(`${ociExecFailed(runcExecError(name, f))}\n`).catch(() => {}) })
    .finally(() => cgroup.remove(entry.pid));
  return { pid: entry.pid, exit, kill: (signal) => abort.abort(signal) };
}

function isDir(fs: Fs, path: string): boolean {
  try {
    return fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}
