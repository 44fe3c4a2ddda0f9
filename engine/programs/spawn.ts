import type { VirtualClock } from '../core/clock.ts';
import { readRange } from '../fs/content.ts';
import { resolvePath } from '../fs/path.ts';
import { asUser } from '../fs/user-fs.ts';
import { FsError, type Fs } from '../fs/types.ts';
import { exitStatusForSignal, type Process, type Program, type SpawnFailure, type SpawnOptions, type System } from './process.ts';
import { BrokenPipeError, type Readable, type Writable } from './streams.ts';

/**
 * Starting programs the way execve does: find the file (PATH search or a path with a slash), then run what the file
 * is. A file is a simulated program only if its content names one (`{kind:'synthetic', program}`), so a command
 * exists in a container exactly when its image holds the file (design principle 4). The registry of programs is a
 * parameter: the machine combines the shell, coreutils, docker and the rest.
 */

export interface Machine {
  readonly fs: Fs;
  readonly clock: VirtualClock;
  readonly system: System;
  /** Programs by the name their files carry in `content.program`. */
  readonly registry: Readonly<Record<string, Program>>;
}

export interface ProcessInit {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly signal: AbortSignal;
  readonly uid: number;
  readonly gid: number;
  /** Told which program this process image turns out to be, and again at each exec that replaces it. */
  readonly onExec?: (program: Program) => void;
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** A Process whose `spawn` starts children on the same machine, inheriting what `SpawnOptions` leaves out. */
export function createProcess(machine: Machine, init: ProcessInit): Process {
  const process: Process = {
    ...init,
    // Files a process creates belong to its user.
    fs: asUser(machine.fs, { uid: init.uid, gid: init.gid }),
    clock: machine.clock,
    system: machine.system,
    spawn: (argv, options = {}) => spawn(machine, argv, childInit(init, argv, options), options.onFailure),
  };
  return process;
}

function childInit(parent: ProcessInit, argv: readonly string[], o: SpawnOptions): ProcessInit {
  return {
    argv,
    env: { ...(o.env ?? parent.env) },
    cwd: o.cwd ?? parent.cwd,
    stdin: o.stdin ?? parent.stdin,
    stdout: o.stdout ?? parent.stdout,
    stderr: o.stderr ?? parent.stderr,
    signal: o.signal ?? parent.signal,
    uid: o.uid ?? parent.uid,
    gid: o.gid ?? parent.gid,
    // Only an exec keeps the process (and so PID 1's identity); an ordinary child is a new process.
    ...(o.exec && parent.onExec ? { onExec: parent.onExec } : {}),
  };
}

/**
 * Finds the file a command name refers to. PATH entries that hold a non-executable file are skipped, as bash and
 * dash do, but remembered: if nothing executable turns up the result is "Permission denied", not "not found".
 */
export function resolveCommand(fs: Fs, name: string, pathVar: string | undefined, cwd: string): { kind: 'found'; path: string } | SpawnFailure {
  if (name === '') return { kind: 'not-found', command: name };
  if (name.includes('/')) {
    const path = resolvePath(cwd, name);
    const st = statOrUndefined(fs, path);
    if (!st) return { kind: 'not-found', command: name };
    if (st.type === 'dir') return { kind: 'is-directory', path: name };
    if ((st.mode & 0o111) === 0) return { kind: 'permission-denied', path: name };
    return { kind: 'found', path };
  }
  let denied: string | undefined;
  for (const dir of (pathVar ?? DEFAULT_PATH).split(':')) {
    // An empty PATH entry means the current directory.
    const path = resolvePath(cwd, (dir || '.') + '/' + name);
    const st = statOrUndefined(fs, path);
    if (!st || st.type === 'dir') continue;
    if ((st.mode & 0o111) !== 0) return { kind: 'found', path };
    denied ??= path;
  }
  return denied ? { kind: 'permission-denied', path: denied } : { kind: 'not-found', command: name };
}

function statOrUndefined(fs: Fs, path: string) {
  try {
    return fs.stat(path);
  } catch (e) {
    if (e instanceof FsError) return undefined;
    throw e;
  }
}

/** Finds and runs `argv[0]`; a failure to start is reported through `onFailure` and resolves to 127 or 126. */
export async function spawn(machine: Machine, argv: readonly string[], init: ProcessInit, onFailure?: (f: SpawnFailure) => void): Promise<number> {
  const found = resolveCommand(machine.fs, argv[0] ?? '', init.env.PATH, init.cwd);
  if (found.kind !== 'found') return fail(found, onFailure);
  return execFile(machine, found.path, { ...init, argv }, onFailure);
}

/** Runs the file at `path` (absolute) with `init.argv`: a registered program, or a `#!` script via its interpreter. */
export async function execFile(machine: Machine, path: string, init: ProcessInit, onFailure?: (f: SpawnFailure) => void, depth = 0): Promise<number> {
  const shown = init.argv[0] ?? path;
  let entry;
  try {
    entry = machine.fs.entry(path);
  } catch (e) {
    if (e instanceof FsError) return fail({ kind: 'not-found', command: shown }, onFailure);
    throw e;
  }
  if (entry.type !== 'file') return fail({ kind: 'is-directory', path: shown }, onFailure);
  const content = entry.content;
  if (content.kind === 'synthetic') {
    const program = content.program === undefined ? undefined : machine.registry[content.program];
    if (!program) return fail({ kind: 'exec-format', path: shown }, onFailure);
    init.onExec?.(program);
    return runProgram(program, createProcess(machine, init));
  }
  const head = new TextDecoder().decode(readRange(content, 0, 256));
  if (!head.startsWith('#!') || depth > 4) return fail({ kind: 'exec-format', path: shown }, onFailure);
  // Linux passes everything after the interpreter path as one argument.
  const line = head.slice(2).split('\n')[0]!.trim();
  const space = line.search(/\s/);
  const interpreter = space < 0 ? line : line.slice(0, space);
  const arg = space < 0 ? '' : line.slice(space).trim();
  // The kernel hands the script the name execve got: the shell's PATH hit for a bare name, else the path as typed.
  const script = shown.includes('/') ? shown : path;
  const argv = [interpreter, ...(arg ? [arg] : []), script, ...init.argv.slice(1)];
  const st = statOrUndefined(machine.fs, resolvePath(init.cwd, interpreter));
  if (!st || st.type !== 'file') return fail({ kind: 'bad-interpreter', path: shown, interpreter }, onFailure);
  return execFile(machine, resolvePath(init.cwd, interpreter), { ...init, argv }, onFailure, depth + 1);
}

function fail(failure: SpawnFailure, onFailure?: (f: SpawnFailure) => void): number {
  onFailure?.(failure);
  return failure.kind === 'not-found' || failure.kind === 'bad-interpreter' ? 127 : 126;
}

/**
 * Runs a program to its exit status. A program that dies of a broken pipe or an interrupt gets the status Linux
 * gives (141, 130...); any other exception is a bug in a simulated program, reported on its stderr, never a crash.
 */
export async function runProgram(program: Program, process: Process): Promise<number> {
  try {
    return await program(process);
  } catch (e) {
    if (e instanceof BrokenPipeError) return 141;
    if (process.signal.aborted) return exitStatusForSignal(process.signal.reason);
    const name = process.argv[0] ?? 'program';
    try {
      await process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    } catch {
      // stderr itself is gone: nothing more to say.
    }
    return 1;
  }
}
