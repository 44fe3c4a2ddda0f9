import { isDockerError } from '../core/errors.ts';
import { checkArgs } from './args.ts';
import type { CliHost, CliOutput, Command, CommandContext, GlobalOptions } from './command.ts';
import { CommandTable, type CommandNode } from './command-table.ts';
import { COMMANDS } from './commands/index.ts';
import { EMPTY_ENGINE, type EngineView } from './engine-view.ts';
import { FlagError, parseFlags, type FlagSpec, type Flags } from './flags.ts';
import { renderHelp } from './help.ts';
import { usageOf } from './usage/index.ts';
import { CLIENT } from '../core/version-info.ts';

/**
 * The `docker` command line: global options, then a command found in the command table, its flags and arguments,
 * with docker 28's help and error texts and exit codes (125 for flag errors, 1 for usage errors and unknown
 * commands, what the command returns otherwise).
 */
export interface CliEnvironment {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** The engine state the commands read; an empty engine when absent. */
  readonly engine?: EngineView;
  /** Environment variables (HOME names the client config directory). */
  readonly env?: Readonly<Record<string, string>>;
  /** Hostname of the machine the daemon runs on. */
  readonly hostname?: string;
  /** Terminal width when stdout is a terminal; help wraps to it (80 otherwise). */
  readonly columns?: number;
  /** Ctrl-C. */
  readonly signal?: AbortSignal;
  /** The client's filesystem, directory and stdin, for commands that read or write the user's files. */
  readonly host?: CliHost;
}

const TABLE = new CommandTable(COMMANDS);
const ROOT_USE_LINE = 'docker [OPTIONS] COMMAND [ARG...]';
const VALID_LOG_LEVELS = new Set(['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace']);

/** The help flag every command has; `-h` only where the command does not use it for something else. */
function withHelp(flags: readonly FlagSpec[] | undefined): FlagSpec[] {
  const own = flags ?? [];
  const helpShort = own.some((f) => f.short === 'h') ? {} : { short: 'h' };
  return own.some((f) => f.long === 'help') ? [...own] : [...own, { long: 'help', ...helpShort, type: '', usage: 'Print usage' }];
}

export async function runDockerCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const { stdout, stderr } = environment;
  const env = environment.env ?? {};
  const home = env.HOME ?? '/root';
  const helpText = (n: CommandNode) => renderHelp(TABLE, n, { columns: environment.columns ?? 80, home });

  const flagError = async (e: FlagError, useLine: string, path: string) => {
    await stderr.write(`${e.message}\n\nUsage:  ${useLine}\n\nRun '${path} --help' for more information\n`);
    return 125;
  };
  const showHelp = async (n: CommandNode, flags: Flags) => {
    if (flags.viaShorthand('help')) await stdout.write('Flag shorthand -h has been deprecated, use --help\n');
    await stdout.write(helpText(n));
    return 0;
  };
  const unknownCommand = async (n: CommandNode, word: string) => {
    const usage = n === TABLE.root ? '' : `Usage:  ${n.path}\n\n`;
    await stderr.write(`docker: unknown command: ${n.path} ${word}\n\n${usage}Run '${n.path} --help' for more information\n`);
    return 1;
  };

  // Global options come before the command; the first word that is not a flag is the command.
  const rootSpecs = withHelp(TABLE.root.usage.flags);
  let root;
  try {
    root = parseFlags(rootSpecs, argv, { interspersed: false });
  } catch (e) {
    if (e instanceof FlagError) return flagError(e, ROOT_USE_LINE, 'docker');
    throw e;
  }
  const logLevel = root.flags.string('log-level');
  if (!VALID_LOG_LEVELS.has(logLevel.toLowerCase())) {
    await stderr.write(`Unable to parse logging level: ${logLevel}\n`);
    return 1;
  }
  const globals: GlobalOptions = {
    debug: root.flags.bool('debug'),
    context: root.flags.changed('context') ? root.flags.string('context') : 'default',
    hosts: root.flags.list('host'),
    logLevel,
    config: root.flags.changed('config') ? root.flags.string('config') : `${home}/.docker`,
  };
  let helpRequested = root.flags.bool('help');
  let rest = root.args;

  if (rest.length === 0) {
    if (root.flags.bool('version')) {
      await stdout.write(`Docker version ${CLIENT.version}, build ${CLIENT.gitCommit}\n`);
      return 0;
    }
    if (helpRequested) return showHelp(TABLE.root, root.flags);
    await stderr.write(helpText(TABLE.root));
    return 0;
  }
  if (rest[0] === 'help') return helpCommand(rest.slice(1));

  let node = TABLE.root;
  let lastFlags = root.flags;
  while (!node.command) {
    // A management group: its own flags (just --help) may come before the subcommand's name.
    const at = rest.findIndex((a) => !a.startsWith('-') || a === '-');
    const before = at < 0 ? rest : rest.slice(0, at);
    const word = at < 0 ? undefined : rest[at];
    if (node !== TABLE.root) {
      try {
        lastFlags = parseFlags(withHelp(node.usage.flags), before, { interspersed: true }).flags;
      } catch (e) {
        if (e instanceof FlagError) return flagError(e, node.path, node.path);
        throw e;
      }
      helpRequested ||= lastFlags.bool('help');
    }
    if (word === undefined) {
      if (helpRequested) return showHelp(node, lastFlags);
      await stderr.write(helpText(node));
      return 0;
    }
    const child = node.children.get(word);
    if (!child) {
      if (helpRequested) return showHelp(node, lastFlags);
      if (node === TABLE.root && !usageOf(`docker ${word}`)) {
        // As cobra does for a word that is no command at all, the root's flags are checked over the rest first.
        try {
          parseFlags(rootSpecs, rest.slice(1), { interspersed: true });
        } catch (e) {
          if (e instanceof FlagError) return flagError(e, ROOT_USE_LINE, 'docker');
          throw e;
        }
      }
      return unknownCommand(node, word);
    }
    node = child;
    rest = rest.slice(at + 1);
  }

  const command: Command = node.command;
  let parsed;
  try {
    // Hidden flags parse but are not listed (buildx keeps the legacy builder's --rm, --force-rm... working).
    parsed = parseFlags(withHelp([...(node.usage.flags ?? []), ...(node.usage.hiddenFlags ?? [])]), rest, { interspersed: command.interspersed ?? true });
  } catch (e) {
    if (e instanceof FlagError) return flagError(e, node.usage.use, node.path);
    throw e;
  }
  if (helpRequested || parsed.flags.bool('help')) return showHelp(node, parsed.flags);
  const argsError = checkArgs(command.args, node.path, parsed.args.length);
  if (argsError) {
    await stderr.write(
      `docker: ${argsError.message}\n\nUsage:  ${node.usage.use}\n\n${argsError.footer} '${node.path} --help' for more information\n`,
    );
    return 1;
  }
  const ctx: CommandContext = {
    args: parsed.args,
    flags: parsed.flags,
    globals,
    engine: environment.engine ?? EMPTY_ENGINE,
    stdout,
    stderr,
    hostname: environment.hostname ?? 'dockyard',
    env,
    ...(environment.signal ? { signal: environment.signal } : {}),
    ...(environment.host ? { host: environment.host } : {}),
  };
  try {
    return await command.run(ctx);
  } catch (e) {
    // A flag value only the command can check (`--add-host`, `--label`) fails as pflag would have.
    if (e instanceof FlagError) return flagError(e, node.usage.use, node.path);
    if (!isDockerError(e)) throw e;
    await stderr.write(`${e.message}\n`);
    return e.exitCode;
  }

  async function helpCommand(words: readonly string[]): Promise<number> {
    const helpNode = TABLE.root.children.get('help');
    const use = usageOf('docker help')!;
    let parsed;
    try {
      parsed = parseFlags(withHelp(use.flags), words, { interspersed: true });
    } catch (e) {
      if (e instanceof FlagError) return flagError(e, use.use, 'docker help');
      throw e;
    }
    if (parsed.flags.bool('help') && helpNode) return showHelp(helpNode, parsed.flags);
    const { node: found, rest: unknown } = TABLE.find(parsed.args);
    if (unknown.length > 0) {
      await stderr.write(`unknown help topic: ${unknown[0]}\n`);
      return 1;
    }
    await stdout.write(helpText(found));
    return 0;
  }
}
