import type { VirtualClock } from '../../core/clock.ts';
import { Freezer } from './freezer.ts';

/**
 * What the kernel knows of one process of a container, for `docker top` (ps -ef) and `docker stats`: PIDs as the
 * host sees them, the parent (containerd's shim for the main process and every exec'd one), the user, the command
 * line, the start time, the terminal, and what the process keeps resident.
 */
export interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly uid: number;
  readonly argv: readonly string[];
  /** Virtual-clock milliseconds. */
  readonly started: number;
  /** `pts/N` when the process has a terminal (`-t`), else undefined (ps prints `?`). */
  readonly tty?: string;
  readonly residentBytes: number;
}

/**
 * A resident size for programs that declare none: what a small C program (sleep, a shell) keeps in memory is a few
 * hundred KiB; half a MiB is that order of magnitude, not a measurement.
 */
export const DEFAULT_RESIDENT_BYTES = 512 * 1024;

/**
 * Host PIDs, handed out in order as Linux does (no reuse: a session never gets near pid_max). The first one is
 * arbitrary: on a host that has been up a while, container processes get five-digit PIDs.
 */
export class PidCounter {
  #next: number;
  constructor(first = 12_400) {
    this.#next = first;
  }
  next(): number {
    return this.#next++;
  }
}

/**
 * A container's cgroup while it runs: its processes (main first, then exec'd ones in start order), the freezer that
 * `docker pause` uses, and a kill switch for exec'd processes, which die with the main process (its PID namespace
 * goes away).
 */
export class ContainerCgroup {
  readonly freezer = new Freezer();
  readonly clock: VirtualClock;
  #entries: ProcessEntry[] = [];
  #kills = new Map<number, (signal: string) => void>();
  #ttys = 0;

  constructor(host: VirtualClock, readonly pids: PidCounter) {
    this.clock = this.freezer.clock(host);
  }

  /** Adds a process; `kill` ends it when the container stops. Returns its entry. */
  add(entry: Omit<ProcessEntry, 'pid'>, kill?: (signal: string) => void): ProcessEntry {
    const full = { pid: this.pids.next(), ...entry };
    this.#entries.push(full);
    if (kill) this.#kills.set(full.pid, kill);
    return full;
  }

  remove(pid: number): void {
    this.#entries = this.#entries.filter((e) => e.pid !== pid);
    this.#kills.delete(pid);
  }

  /** The next pseudo-terminal of the container's devpts (the main process's `-t` gets pts/0). */
  allocateTty(): string {
    return `pts/${this.#ttys++}`;
  }

  list(): readonly ProcessEntry[] {
    return this.#entries;
  }

  /** The main process is gone: the kernel kills what is left in the namespace (SIGKILL), thawed first. */
  killAll(): void {
    const kills = [...this.#kills.values()];
    this.#entries = [];
    this.#kills.clear();
    this.#ttys = 0;
    this.freezer.thaw();
    for (const kill of kills) kill('SIGKILL');
  }
}
