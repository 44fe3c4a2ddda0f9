import type { Completion } from '../../api.ts';
import { completeDocker, type CompletionSources } from '../../cli/completion/index.ts';
import { commandNames } from './commands.ts';
import { completePaths, type PathFs } from './paths.ts';
import { quoteRest, quoteWord } from './quote.ts';
import { expandVariables } from './variables.ts';
import { wordAt } from './words.ts';

/** What completion reads of one shell session and its machine. */
export interface ShellCompletionContext {
  readonly fs: PathFs;
  readonly cwd: string;
  /** Shell variables by name (`HOME`, `PATH` and the rest). */
  readonly variables: ReadonlyMap<string, string>;
  readonly functions: Iterable<string>;
  readonly aliases: Iterable<string>;
  /** The daemon's names for `docker`'s completion; absent when the machine has no docker. */
  readonly docker?: CompletionSources;
}

/**
 * Tab completion for a command line, as bash with docker's completion script installed does it: command names in
 * command position (after `|`, `&&`, `;`, `sudo`...), variable names after `$`, directories for `cd`, docker's own
 * completion after `docker`, and file names everywhere else. Candidates come quoted for the shell.
 */
export function completeLine(ctx: ShellCompletionContext, line: string, cursor: number): Completion | undefined {
  const at = wordAt(line, cursor);
  const home = ctx.variables.get('HOME') ?? '/';
  const typedQuote = at.typed.startsWith("'") || at.typed.startsWith('"');
  const paths = (value: string, options: { dirsOnly?: boolean; executables?: boolean } = {}, prefix = ''): Completion => {
    const slash = value.lastIndexOf('/');
    if (!at.typed.startsWith("'") && value.slice(0, slash).includes('$')) return expandedPaths(value, slash, options);
    const found = completePaths({ fs: ctx.fs, cwd: ctx.cwd, home, value, ...options });
    return { from: at.from, candidates: found.map((p) => quoteWord(prefix + p, at.typed, !p.endsWith('/'))) };
  };
  // `$HOME/pro`: bash looks in the directory the variables name but keeps them in the word, as typed.
  const expandedPaths = (value: string, slash: number, options: { dirsOnly?: boolean; executables?: boolean }): Completion => {
    const dir = expandVariables(value.slice(0, slash + 1), ctx.variables);
    const found = completePaths({ fs: ctx.fs, cwd: ctx.cwd, home, value: dir + value.slice(slash + 1), ...options });
    const typedDir = at.typed.slice(0, at.typed.lastIndexOf('/') + 1);
    return { from: at.from, candidates: found.map((p) => typedDir + quoteRest(p.slice(dir.length), at.typed, !p.endsWith('/'))) };
  };
  const words = (list: readonly string[], noSpace = false): Completion => ({
    from: at.from,
    candidates: list.map((w) => quoteWord(w, at.typed, !noSpace)),
    ...(noSpace ? { noSpace: true } : {}),
  });

  if (at.redirectTarget) return paths(at.value);
  if (!typedQuote && at.value.startsWith('$') && !at.value.includes('/')) {
    const prefix = at.value.slice(1);
    const names = [...ctx.variables.keys()].filter((n) => n.startsWith(prefix)).sort();
    return { from: at.from, candidates: names.map((n) => `$${n}`) };
  }
  if (at.words.length === 0) {
    // `X=./sr`: an assignment's value is a file name, as bash completes it.
    const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(at.value);
    if (assignment && !typedQuote) return paths(at.value.slice(assignment[0].length), {}, assignment[0]);
    if (at.value.includes('/')) return paths(at.value, { executables: true });
    const sources = { fs: ctx.fs, path: ctx.variables.get('PATH') ?? '', functions: ctx.functions, aliases: ctx.aliases };
    return words(commandNames(sources, at.value));
  }

  const command = at.words[0]!.slice(at.words[0]!.lastIndexOf('/') + 1);
  if (command === 'cd' || command === 'pushd' || command === 'rmdir') return paths(at.value, { dirsOnly: true });
  if (command === 'docker' && ctx.docker) {
    const result = completeDocker(at.words.slice(1), at.value, ctx.docker);
    if (result.kind === 'none') return undefined;
    if (result.kind === 'values') return words(result.values, result.noSpace);
    return paths(at.value.slice(result.prefix.length), result.dirsOnly ? { dirsOnly: true } : {}, result.prefix);
  }
  return paths(at.value);
}
