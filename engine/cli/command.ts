import type { Fs } from '../fs/types.ts';
import type { Readable, Tty } from '../programs/streams.ts';
import type { EngineView } from './engine-view.ts';
import type { Flags } from './flags.ts';
import type { CommandUsage } from './usage/types.ts';

/** Where the CLI writes; the same shape as a process's streams. */
export interface CliOutput {
  /** Bytes for binary output (`docker save` to a pipe), text for everything else. */
  write(data: string | Uint8Array): Promise<void>;
  /** Set when the stream is a terminal: `save` refuses to write a tar there, `load` shows progress. */
  readonly tty?: Tty;
}

/**
 * The client's side of the machine: the files `save -o` writes and `load -i` reads are the user's, relative to the
 * shell's directory and subject to the user's permissions, and stdin is what `load` reads without `-i`.
 */
export interface CliHost {
  /** The filesystem as the client's user sees it (what it creates belongs to that user). */
  readonly fs: Fs;
  readonly cwd: string;
  readonly stdin: Readable;
  /** stdin is the terminal itself: `docker load` refuses to wait for a tar typed at the keyboard. */
  readonly stdinIsTerminal: boolean;
  /** The client's user: what `docker cp` writes on the host belongs to it. */
  readonly uid?: number;
  readonly gid?: number;
}

/** The options given before the command (`docker -D --context x ...`). */
export interface GlobalOptions {
  readonly debug: boolean;
  readonly context: string;
  readonly hosts: readonly string[];
  readonly logLevel: string;
  readonly config: string;
}

export interface CommandContext {
  readonly args: readonly string[];
  readonly flags: Flags;
  readonly globals: GlobalOptions;
  readonly engine: EngineView;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** The hostname of the machine the daemon runs on (`docker info`'s Name). */
  readonly hostname: string;
  readonly env: Readonly<Record<string, string>>;
  /** Ctrl-C: aborted when the user interrupts, so long operations (a pull) stop. Absent in unit tests. */
  readonly signal?: AbortSignal;
  /** Absent when the CLI runs without a machine (unit tests of help and flags). */
  readonly host?: CliHost;
}

/** cobra's positional-argument rules, with the wording docker 28 prints for each. */
export type ArgsRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'exact'; readonly n: number }
  | { readonly kind: 'min'; readonly n: number }
  | { readonly kind: 'max'; readonly n: number }
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'any' };

/**
 * One docker command. `paths` lists every way to reach it, e.g. `docker info` and `docker system info`; the help
 * data of each path comes from the real client (engine/cli/usage), so a command file only adds its behaviour.
 * Names after the first for the same parent are cobra aliases (`docker container ls` / `list` / `ps`).
 */
export interface Command {
  readonly paths: readonly string[];
  readonly args: ArgsRule;
  /** false: flags end at the first positional (`run`, `create`, `exec`). */
  readonly interspersed?: boolean;
  run(ctx: CommandContext): Promise<number>;
}

/** A command as reached through one parent: its canonical path there and that path's help data. */
export interface ResolvedCommand {
  readonly command: Command;
  readonly path: string;
  readonly usage: CommandUsage;
}
