import type { NetworkEvent } from './network/service.ts';
import type { BuildEvent } from './build/service.ts';
import type { VirtualClock } from './core/clock.ts';
import type { EventStream } from './core/events.ts';
import type { Fs } from './fs/types.ts';
import type { Registry } from './image/registry.ts';
import type { ImageEvent } from './image/service.ts';
import type { VolumeEvent } from './runtime/volumes/service.ts';
import type { ContainerEvent } from './runtime/containers/service.ts';
import type { Readable } from './programs/streams.ts';
import type { ImagesView } from './image/views.ts';
import type { BuildsView } from './build/views.ts';
import type { ContainersView } from './runtime/views.ts';
import type { NetworkView } from './network/views.ts';

/**
 * The public shape of a simulated machine: what the page, the headless command line and scenarios use.
 * Everything else in engine/ is internal.
 */

export interface MachineOptions {
  /** Seed for every generated ID and name. Same seed, same inputs: same bytes out. */
  seed?: number;
  /** Files copied into the host's working directory (/home/student/project). */
  project?: readonly ProjectEntry[];
  /**
   * 'headless': while a command waits only on virtual timers the clock jumps to the next one, and a foreground
   * command that would wait forever is interrupted after 10 virtual seconds as if by Ctrl-C.
   * 'interactive': the page moves the clock from real time (`machine.clock.advance`), Ctrl-C comes from the user.
   */
  mode?: 'headless' | 'interactive';
  /** Virtual time at which the machine starts (ms since the epoch); a fixed date in mid-2025 by default. */
  startTime?: number;
  /** Where `docker pull` finds images: the offline catalog unless a test supplies its own. */
  registry?: Registry;
}

/** One file, directory or symlink of a project, by its path relative to the project folder. */
export interface ProjectEntry {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink';
  readonly content?: string | Uint8Array;
  /** Permission bits; files default to 0644, directories to 0755. */
  readonly mode?: number;
  readonly target?: string;
}

export interface TerminalIO {
  /** Terminal output, in order, as it is produced. */
  stdout(chunk: string): void;
  stderr(chunk: string): void;
  /** What the terminal itself shows, not a program: `^C` when a headless run interrupts a command. */
  echo?(text: string): void;
  /** Abort with reason 'SIGINT' for Ctrl-C. */
  signal?: AbortSignal;
  /** Keyboard input for the foreground command (none by default). */
  stdin?: Readable;
  /** The terminal's size, for programs that format for it (`ls` columns, help text); 80x24 by default. */
  columns?: number;
  rows?: number;
}

/** One shell session on the host (a terminal tab): its own working directory, variables and history. */
export interface Terminal {
  readonly cwd: string;
  /** `student@dockyard:~/project$ ` */
  prompt(): string;
  /** Runs one command line (may hold several commands, here-documents and continuations); resolves to `$?`. */
  run(line: string, io: TerminalIO): Promise<number>;
  /** True while `text` is an unfinished command (open quote, here-document, `if` without `fi`): show `> `. */
  needsMore(text: string): boolean;
  /**
   * Tab completion of the word that ends at `cursor`, from this shell's state and the machine's: command names,
   * paths, and for `docker` its commands, flags and the names of containers, images, volumes and networks.
   */
  complete?(line: string, cursor: number): Completion | undefined;
}

/** What Tab may put in place of the word that ends at the cursor. */
export interface Completion {
  /** Where the replaced word starts in the line (it ends at the cursor). */
  readonly from: number;
  /** Full replacements for `line.slice(from, cursor)`, quoted as the shell reads them. A directory ends with '/'. */
  readonly candidates: readonly string[];
  /** A unique candidate is not followed by a space: it is the start of a longer value (`-v data:`, `--mount type=`). */
  readonly noSpace?: boolean;
}

export type EngineEvent =
  | { readonly type: 'command'; readonly line: string; readonly exitCode: number; readonly at: number }
  /** The host's files changed: at most once per macrotask, so a long command's writes show as it goes. */
  | { readonly type: 'fs-changed'; readonly where: 'host' }
  | ImageEvent
  | BuildEvent
  | VolumeEvent
  | NetworkEvent
  | ContainerEvent;

export interface Snapshot {
  readonly version: 1;
  readonly state: unknown;
}

/** What the pictures draw, computed on request from the engine's current state: plain data, nothing live. */
export interface Machine {
  readonly clock: VirtualClock;
  readonly events: EventStream<EngineEvent>;
  /** The host's filesystem (the student's machine). */
  readonly hostFs: Fs;
  openTerminal(): Terminal;
  /** The whole engine state as a structurally shared value: cheap to take, cheap to keep. */
  snapshot(): Snapshot;
  restore(snapshot: Snapshot): void;
  /**
   * The machine is being dropped (reset, another session, a grade done): every process on it, in containers or
   * started from a terminal, is killed as at power-off, so none keeps running (and holding memory) unseen.
   */
  shutdown(): void;
  /** What the pictures show, worked out from the current state on each call. */
  readonly views: MachineViews;
}

/** The pictures' models: plain data (no class instances), so they could cross a Web Worker boundary. */
export interface MachineViews {
  /** Every image as its stack of layers, shared layers marked, with dive's efficiency. */
  images(): ImagesView;
  /** The last few builds, step by step: CACHED or built, and why. */
  builds(): BuildsView;
  /** Containers (state, ports, mounts, filesystem split) and volumes with the containers that use them. */
  containers(): ContainersView;
  /** Networks with their containers, published ports, and the last connection's path. */
  network(): NetworkView;
}
