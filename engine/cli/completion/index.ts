import { isBoolType } from '../flag-values.ts';
import { nameOf, type CommandNode } from '../command-table.ts';
import type { FlagUsage } from '../usage/types.ts';
import { flagValueRule } from './flag-values.ts';
import { POSITIONAL_RULES } from './positionals.ts';
import type { CompletionSources } from './sources.ts';
import { values, type Suggestion } from './suggestion.ts';
import { commandTable, visibleFlags, walk } from './walk.ts';

export { engineSources, type CompletionSources, type ContainerName } from './sources.ts';
export type { Suggestion } from './suggestion.ts';

/**
 * What docker's own completion (`docker __complete ...`, cobra) offers for the word being typed after `docker`:
 * subcommands, flags of the command reached, and argument or flag values from the daemon's names. `words` are the
 * words before the current one, unquoted; `current` is the current word so far. Values are whole words (`--network=`
 * kept when the value shares the flag's word) and only those that start with `current`; for file names the caller
 * lists the paths that complete what follows `prefix` in the current word.
 */
export type DockerCompletion =
  | { readonly kind: 'values'; readonly values: readonly string[]; readonly noSpace?: boolean }
  | { readonly kind: 'paths'; readonly dirsOnly?: boolean; readonly prefix: string }
  | { readonly kind: 'none' };

const NOTHING: DockerCompletion = { kind: 'none' };

export function completeDocker(words: readonly string[], current: string, sources: CompletionSources): DockerCompletion {
  const w = walk(words);
  const commandPath = w.node.command?.paths[0] ?? w.node.path;
  const ruleContext = (toComplete: string) => ({ sources, toComplete, args: w.args, flagValues: w.flagValues });

  if (w.pendingValue) return finish(flagValueRule(commandPath, w.pendingValue.long)(ruleContext(current)), '', current);

  if (!w.flagsEnded && current.startsWith('-')) {
    const eq = current.indexOf('=');
    if (current.startsWith('--') && eq > 0) {
      const spec = w.flags.find((f) => f.long === current.slice(2, eq));
      if (!spec || isBoolType(spec.type)) return NOTHING;
      const prefix = current.slice(0, eq + 1);
      return finish(flagValueRule(commandPath, spec.long)(ruleContext(current.slice(eq + 1))), prefix, current);
    }
    return finish(values(flagNames(visibleFlags(w.node), w.given, current)), '', current);
  }

  if (!w.node.command) {
    // A group (or docker itself) wants a subcommand; past an unknown word there is nothing to offer.
    if (w.args.length > 0) return NOTHING;
    return finish(values(subcommands(w.node, current)), '', current);
  }
  if (commandPath === 'docker help') return finish(values(helpTopics(w.args, current)), '', current);
  const rule = POSITIONAL_RULES[commandPath];
  return rule ? finish(rule(ruleContext(current)), '', current) : NOTHING;
}

/** Values narrowed to the typed word, with the flag part put back in front; file names left to the caller. */
function finish(s: Suggestion, prefix: string, current: string): DockerCompletion {
  if (s.kind === 'paths') return { kind: 'paths', prefix, ...(s.dirsOnly ? { dirsOnly: true } : {}) };
  if (s.kind === 'none') return NOTHING;
  const list = [...new Set(s.values.map((v) => prefix + v))].filter((v) => v.startsWith(current)).sort();
  return { kind: 'values', values: list, ...(s.noSpace ? { noSpace: true } : {}) };
}

/**
 * cobra's flag completion: `--long` for every visible flag, `-x` for a shorthand unless `--` was typed. A flag
 * already given is left out unless pflag says it repeats (a slice or array type, or stringTo...); docker's `list`
 * options are none of these, so cobra leaves out a given `-e` too.
 */
function flagNames(flags: readonly FlagUsage[], given: ReadonlySet<string>, current: string): string[] {
  const out: string[] = [];
  for (const f of flags) {
    if (given.has(f.long) && !repeats(f.type)) continue;
    out.push(`--${f.long}`);
    if (f.short && !current.startsWith('--')) out.push(`-${f.short}`);
  }
  return out;
}

function repeats(type: string): boolean {
  return type === 'strings' || type.includes('Slice') || type.includes('Array') || type.startsWith('stringTo');
}

/** The available subcommands of a group by name; when no name fits, cobra tries their aliases. */
function subcommands(node: CommandNode, current: string): string[] {
  const t = commandTable();
  const children = t.childrenOf(node);
  const names = children.map((c) => nameOf(c.path)).filter((n) => n.startsWith(current));
  if (names.length > 0 || current === '') return names;
  const aliases: string[] = [];
  for (const [word, child] of node.children) if (t.isAvailable(child) && word.startsWith(current)) aliases.push(word);
  return aliases;
}

/** `docker help container ru`: help walks the command tree like the commands themselves. */
function helpTopics(args: readonly string[], current: string): string[] {
  const { node, rest } = commandTable().find(args);
  if (rest.length > 0 || node.command) return [];
  return subcommands(node, current);
}
