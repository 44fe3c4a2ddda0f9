/**
 * The help data of one docker command, as the real client prints it: read from docker 28's own `--help`, so the
 * simulated help and flag set match the real ones even for commands that are not implemented yet.
 */
export interface CommandUsage {
  /** The usage line without `Usage:  `, e.g. `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]`. */
  readonly use: string;
  /** The help's description paragraph (cobra's Long when set, else Short). */
  readonly description: string;
  /** The `Aliases:` line, e.g. `docker container run, docker run`. */
  readonly aliases?: string;
  readonly examples?: string;
  /** Local flags in help order (pflag sorts them by name); for `docker` itself, the global options. */
  readonly flags?: readonly FlagUsage[];
  /** Subcommands as listed in help: [name, short description]. */
  readonly commands?: readonly (readonly [string, string])[];
  /** Only `docker`: its other command lists. */
  readonly common?: readonly (readonly [string, string])[];
  readonly management?: readonly (readonly [string, string])[];
  readonly swarm?: readonly (readonly [string, string])[];
  /**
   * Flags the command accepts but its help does not list (pflag's MarkHidden and MarkDeprecated), so that parsing
   * still knows them: `docker build --rm` is accepted by buildx without being shown.
   */
  readonly hiddenFlags?: readonly HiddenFlag[];
  /**
   * Text the command's help template prints before `Usage:` and after the rest. Docker's own commands have none;
   * buildx's template is cobra's default one (the description, then the usage) plus a hint about experimental flags.
   */
  readonly helpPrefix?: string;
  readonly helpSuffix?: string;
}

export interface HiddenFlag extends FlagUsage {
  /** pflag's MarkDeprecated message: given the flag, the client prints `Flag --NAME has been deprecated, MESSAGE`. */
  readonly deprecated?: string;
  /** buildx's `flag-warn` annotation: logged as a warning when the flag is given (it is otherwise ignored). */
  readonly warning?: string;
  /** The visible flag bound to the same variable (pflag Var twice): `--net` fills `--network`'s value. */
  readonly sameAs?: string;
}

export interface FlagUsage {
  readonly long: string;
  readonly short?: string;
  /** pflag's value type name as help shows it (`string`, `list`, `int`, `duration`...); '' for booleans. */
  readonly type: string;
  /** The usage text, unwrapped; may hold newlines of its own. */
  readonly usage: string;
  /** What help shows in `(default …)`, already quoted for strings (`"info"`). */
  readonly default?: string;
}

/**
 * A command as the generated files store it: once, under the path cobra itself gives it (the first of its
 * `Aliases:`), so flags and examples shared by `docker run` and `docker container run` are not kept twice.
 */
export interface CapturedCommand extends CommandUsage {
  /**
   * The other paths the real client registers this same command under (`docker run` for `docker container run`).
   * Their help is the command's own but for the usage line, which names the path that was typed.
   */
  readonly aliasPaths?: readonly string[];
}
