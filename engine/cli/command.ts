import type { EngineView } from './engine-view.ts';
import type { Flags } from './flags.ts';
import type { CommandUsage } from './usage/types.ts';

/** Where the CLI writes; the same shape as a process's streams. */
export interface CliOutput {
  write(data: string): Promise<void>;
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
