// What a RUN instruction will execute, as argv lists, so rules can ask "does this RUN call apt-get install?" without
// being fooled by quoting, `&&` chains, continuation lines or heredocs. The project's own shell parser reads the
// script; its words are kept as written when they hold expansions (the value is unknown until build time).
import type { RunCommand } from '../../instructions/index.ts';
import { parse, type Command, type Script, type Word, type WordPart } from '../../../programs/shell/index.ts';

/** One simple command's words, the program name reduced to its base name (`/usr/bin/apt-get` is `apt-get`). */
export type Argv = readonly string[];

/** Programs that run the rest of their arguments as a command: `sudo apt-get install …`, `env X=1 npm ci`. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'command', 'nice', 'nohup', 'time']);

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);

/** A bare heredoc RUN (`RUN <<EOF`) runs its body with the shell. */
const BARE_HEREDOC = /^(?:\d*<<-?\s*(?:"[^"]*"|'[^']*'|\S+)\s*)+$/;

function partText(part: WordPart): string | undefined {
  if (part.kind === 'lit') return part.text;
  if (part.kind === 'dq') {
    const inner = part.parts.map(partText);
    return inner.every((t) => t !== undefined) ? inner.join('') : undefined;
  }
  return undefined;
}

function wordText(word: Word): string {
  const parts = word.parts.map(partText);
  return parts.every((t) => t !== undefined) ? parts.join('') : word.raw;
}

function* scriptCommands(script: Script): Generator<Argv> {
  for (const item of script.items) {
    const { first, rest } = item.command;
    for (const pipeline of [first, ...rest.map((r) => r.pipeline)]) {
      for (const command of pipeline.commands) yield* commandArgvs(command);
    }
  }
}

function* commandArgvs(command: Command): Generator<Argv> {
  switch (command.kind) {
    case 'simple': {
      const argv = unwrap(command.words.map(wordText));
      if (argv.length > 0) yield argv;
      return;
    }
    case 'subshell':
    case 'group':
      yield* scriptCommands(command.body);
      return;
    case 'if':
      for (const b of command.branches) {
        yield* scriptCommands(b.cond);
        yield* scriptCommands(b.body);
      }
      if (command.otherwise) yield* scriptCommands(command.otherwise);
      return;
    case 'for':
      yield* scriptCommands(command.body);
      return;
    case 'while':
    case 'until':
      yield* scriptCommands(command.cond);
      yield* scriptCommands(command.body);
      return;
    case 'case':
      for (const arm of command.arms) yield* scriptCommands(arm.body);
      return;
    case 'function':
      yield* commandArgvs(command.body);
      return;
    case 'cond':
      return;
  }
}

/** Drops wrapper programs with their options and `NAME=value` words, and reduces the program to its base name. */
function unwrap(words: readonly string[]): string[] {
  let i = 0;
  while (i < words.length && WRAPPERS.has(baseName(words[i]!))) {
    i++;
    while (i < words.length && (words[i]!.startsWith('-') || /^\w+=/.test(words[i]!))) i++;
  }
  const rest = words.slice(i);
  return rest.length === 0 ? [] : [baseName(rest[0]!), ...rest.slice(1)];
}

const baseName = (program: string) => program.slice(program.lastIndexOf('/') + 1);

function shellScript(text: string): Argv[] {
  const result = parse(text, 'dash');
  // A script the shell cannot parse fails at build time with the shell's own error; no advice to give here.
  return result.kind === 'ok' ? [...scriptCommands(result.script)] : [];
}

/** The commands a RUN executes: its shell-form script, heredoc bodies included, or its exec-form argv. */
export function runArgvs(run: RunCommand): Argv[] {
  const cmdLine = run.cmdLine ?? [];
  if (!run.prependShell) {
    const argv = unwrap(cmdLine);
    // `RUN ["sh", "-c", "..."]` is a shell script after all.
    if (argv.length >= 3 && SHELLS.has(argv[0]!) && argv[1] === '-c') return shellScript(argv[2]!);
    return argv.length > 0 ? [argv] : [];
  }
  const script = cmdLine.join(' ');
  if (run.files.length > 0 && BARE_HEREDOC.test(script.trim())) return run.files.flatMap((f) => shellScript(f.data));
  // Other heredocs feed a command's stdin or a file; the shell reads them from the lines after the command.
  const bodies = run.files.map((f) => `${f.data}${f.data.endsWith('\n') || f.data === '' ? '' : '\n'}${f.name}\n`).join('');
  return shellScript(run.files.length > 0 ? `${script}\n${bodies}` : script);
}

/** The positional words after a subcommand: what is left once options are set aside (`-y`, `--no-cache`). */
export const positionals = (args: readonly string[]) => args.filter((a) => !a.startsWith('-'));
