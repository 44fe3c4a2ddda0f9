import { CommandTable, type CommandNode } from '../command-table.ts';
import { COMMANDS } from '../commands/index.ts';
import { isBoolType } from '../flag-values.ts';
import type { FlagUsage } from '../usage/types.ts';

/**
 * Where the words typed after `docker` lead, read as cobra reads them for `__complete`: global options, then
 * management groups and a command, then its flags (with their values) and positional arguments.
 */
export interface Walk {
  /** The deepest command or group reached. */
  readonly node: CommandNode;
  /** Flags the node takes (`--help` and hidden ones included). */
  readonly flags: readonly FlagUsage[];
  /** Positional arguments given so far. */
  readonly args: readonly string[];
  /** Long names of the flags given so far. */
  readonly given: ReadonlySet<string>;
  /** The last value given to each value flag (`--type image`, `--type=image`). */
  readonly flagValues: ReadonlyMap<string, string>;
  /** The last word was a flag that wants a value: the current word is that value. */
  readonly pendingValue?: FlagUsage;
  /** `--` was given, or a positional ended the flags of a command that stops at its first (`run`, `exec`). */
  readonly flagsEnded: boolean;
}

let table: CommandTable | undefined;

/** The same command tree the CLI runs commands from. */
export function commandTable(): CommandTable {
  return (table ??= new CommandTable(COMMANDS));
}

const HELP: FlagUsage = { long: 'help', type: '', usage: 'Print usage' };

/** A node's flags as its help lists them, with the help flag every command gets. */
export function visibleFlags(node: CommandNode): FlagUsage[] {
  const own = node.usage.flags ?? [];
  const help = own.some((f) => f.long === 'help') ? [] : [own.some((f) => f.short === 'h') ? HELP : { ...HELP, short: 'h' }];
  return [...own, ...help];
}

/** A node's flags as pflag parses them: hidden ones too. */
function flagsOf(node: CommandNode): FlagUsage[] {
  return [...visibleFlags(node), ...(node.usage.hiddenFlags ?? [])];
}

export function walk(words: readonly string[]): Walk {
  const t = commandTable();
  let node = t.root;
  let flags = flagsOf(node);
  const args: string[] = [];
  let given = new Set<string>();
  let flagValues = new Map<string, string>();
  let pendingValue: FlagUsage | undefined;
  let flagsEnded = false;

  for (const word of words) {
    if (pendingValue) {
      flagValues.set(pendingValue.long, word);
      pendingValue = undefined;
      continue;
    }
    if (!flagsEnded && word === '--') {
      flagsEnded = true;
      continue;
    }
    if (!flagsEnded && word.length > 1 && word.startsWith('-')) {
      pendingValue = readFlag(flags, word, given, flagValues);
      continue;
    }
    // A group (or docker itself) takes the next positional as the name of its subcommand.
    if (!node.command && args.length === 0) {
      const child = node.children.get(word);
      if (child && t.isAvailable(child)) {
        node = child;
        flags = flagsOf(node);
        given = new Set();
        flagValues = new Map();
        continue;
      }
    }
    args.push(word);
    if (node.command && node.command.interspersed === false) flagsEnded = true;
  }
  return { node, flags, args, given, flagValues, ...(pendingValue ? { pendingValue } : {}), flagsEnded };
}

/** Notes a flag word as given; returns the flag when its value is the next word. */
function readFlag(flags: readonly FlagUsage[], word: string, given: Set<string>, flagValues: Map<string, string>): FlagUsage | undefined {
  if (word.startsWith('--')) {
    const eq = word.indexOf('=');
    const spec = flags.find((f) => f.long === word.slice(2, eq < 0 ? undefined : eq));
    if (!spec) return undefined;
    given.add(spec.long);
    if (isBoolType(spec.type)) return undefined;
    if (eq < 0) return spec;
    flagValues.set(spec.long, word.slice(eq + 1));
    return undefined;
  }
  // Shorthands cluster (`-dit`); the first that takes a value takes the rest of the word, or the next word.
  const letters = [...word.slice(1)];
  for (let i = 0; i < letters.length; i++) {
    const spec = flags.find((f) => f.short === letters[i]);
    if (!spec) return undefined;
    given.add(spec.long);
    if (isBoolType(spec.type)) continue;
    if (i === letters.length - 1) return spec;
    flagValues.set(spec.long, letters.slice(i + 1).join('').replace(/^=/, ''));
    return undefined;
  }
  return undefined;
}
