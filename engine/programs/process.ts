import type { VirtualClock } from '../core/clock.ts';
import type { Fs } from '../fs/types.ts';
import type { Readable, Writable } from './streams.ts';

/**
 * What a running simulated program sees: its arguments, environment, working directory, the filesystem of the
 * machine or container it runs in, its three standard streams, the virtual clock and a way to start children.
 * Programs return their exit status. They never touch the real host.
 */
export interface Process {
  /** argv[0] is the name the program was invoked by (`ls`, `/bin/sh`, `busybox`...). */
  readonly argv: readonly string[];
  /** Exported environment. Programs may read it; a child gets a copy. */
  readonly env: Readonly<Record<string, string>>;
  /** Absolute working directory. */
  readonly cwd: string;
  readonly fs: Fs;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly clock: VirtualClock;
  /** Aborted when the process is interrupted (Ctrl-C: reason 'SIGINT') or killed; programs stop and exit 128+n. */
  readonly signal: AbortSignal;
  /** User the process runs as. */
  readonly uid: number;
  readonly gid: number;
  /** The machine (host, container) this process runs on: hostname and the services a program may reach. */
  readonly system: System;
  /** Set when run as a BusyBox applet, whose messages are worded unlike GNU's (`ls: /x: No such file or directory`). */
  readonly dialect?: 'busybox';
  /**
   * Starts a child program found through PATH (or by path when argv[0] contains a slash) and waits for it.
   * Fails as the shells do when it is missing: the caller decides the wording, this returns `notFound`.
   */
  spawn(argv: readonly string[], options?: SpawnOptions): Promise<number>;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  cwd?: string;
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
  /** The child's interrupt signal; defaults to the parent's (a background job gets its own). */
  signal?: AbortSignal;
  /**
   * The user and group the child runs as (what setuid/setgid before exec give: gosu, su). Default: the parent's.
   * Only a root parent may change them; callers check that, as the kernel would refuse with EPERM.
   */
  uid?: number;
  gid?: number;
  /**
   * The child replaces the caller, as execve does (the shell's `exec cmd`, gosu): if the caller is a container's
   * PID 1, the new program becomes PID 1 and decides which signals it receives.
   */
  exec?: boolean;
  /**
   * Called instead of running when the command cannot be started, so the caller can print its own wording
   * (`bash: foo: command not found`, `env: 'foo': No such file or directory`). spawn then resolves to 127
   * (not-found, bad-interpreter) or 126 (the others) without printing anything itself.
   */
  onFailure?: (failure: SpawnFailure) => void;
}

export type SpawnFailure =
  | { readonly kind: 'not-found'; readonly command: string }
  | { readonly kind: 'permission-denied'; readonly path: string }
  | { readonly kind: 'is-directory'; readonly path: string }
  | { readonly kind: 'exec-format'; readonly path: string }
  /** A `#!` script whose interpreter is missing. */
  | { readonly kind: 'bad-interpreter'; readonly path: string; readonly interpreter: string };

/**
 * The machine a process lives on. Kept as an open record: later parts (docker client, sockets, the container
 * runtime) add what their programs need without changing every program.
 */
export interface System {
  readonly hostname: string;
  /** The kernel `uname` reports; containers share their host's. */
  readonly kernel?: Kernel;
  /** Named services (for example 'docker' for the docker CLI's connection to the engine). */
  readonly services: Readonly<Record<string, unknown>>;
}

export interface Kernel {
  readonly release: string;
  readonly version: string;
  readonly machine: string;
}

/** A simulated program: runs to completion and returns its exit status. */
export type Program = ((process: Process) => Promise<number>) & {
  /**
   * Signals the program installs handlers for (a server's SIGTERM, nginx's SIGQUIT). It matters for a container's
   * PID 1: the kernel drops any signal PID 1 has no handler for, so `docker stop` of `sleep` waits out its timeout
   * and ends with SIGKILL (137), while a program that handles SIGTERM stops at once.
   */
  readonly handledSignals?: readonly string[];
  /**
   * Memory the program keeps resident while it runs (RSS, bytes), as `docker stats` adds it up for a container; a
   * server declares its working set, small tools leave it out and count as a small C program.
   */
  readonly residentBytes?: number;
};

/** 128 + signal number, as a shell reports a process killed by a signal. */
export const SIGNAL_NUMBERS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
};

export function exitStatusForSignal(reason: unknown): number {
  const n = typeof reason === 'string' ? SIGNAL_NUMBERS[reason] : undefined;
  return 128 + (n ?? SIGNAL_NUMBERS.SIGINT!);
}
