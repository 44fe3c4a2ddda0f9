import { resolvePath } from '../../fs/path.ts';
import type { Program } from '../process.ts';
import { readAll } from '../streams.ts';
import { applySetOptions } from './builtins/vars.ts';
import { badSubstitutionMessage, isEndOfFileError, syntaxErrorMessage, unexpectedEofMessage, type DialectName, type Origin } from './dialect.ts';
import { runInteractive } from './interactive.ts';
import { Interpreter } from './interpreter.ts';
import { ScriptReader } from './parser.ts';
import { makeFds } from './redirect.ts';
import { ShellState } from './state.ts';

/**
 * The shell as a program (`sh -c 'cmd'`, `bash script.sh`, `sh < script`): non-interactive, so errors name the
 * line and a syntax error or fatal expansion error ends it. `RUN` steps and `docker exec` go through here.
 */

export function shellProgram(dialect: DialectName): Program {
  return async (p) => {
    const args = p.argv.slice(1);
    let command: string | undefined;
    let i = 0;
    const flags: string[] = [];
    let interactive = false;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        i++;
        break;
      }
      if (a === '-c') {
        command = '';
        continue;
      }
      if (a === '-o' || a === '+o') {
        flags.push(a, args[++i] ?? '');
        continue;
      }
      if (a.startsWith('--')) continue; // --login, --norc, --noprofile: nothing to load here
      if (!/^[-+][a-zA-Z]+$/.test(a)) break;
      if (a.includes('c')) command = '';
      if (a.includes('i')) interactive = true;
      const rest = a.replace(/[cilsr]/g, '');
      if (rest.length > 1) flags.push(rest);
    }
    const operands = args.slice(i);
    let source: string;
    let name = p.argv[0] ?? dialect;
    let positional: string[];
    if (command !== undefined) {
      const cmd = operands.shift();
      if (cmd === undefined) {
        await p.stderr.write(`${name}: -c: option requires an argument\n`);
        return 2;
      }
      source = cmd;
      if (operands.length > 0) name = operands.shift()!;
      positional = operands;
    } else if (operands.length > 0) {
      const file = operands.shift()!;
      try {
        source = new TextDecoder().decode(p.fs.readFile(resolvePath(p.cwd, file)));
      } catch {
        const msg =
          dialect === 'bash' ? `${name}: ${file}: No such file or directory` : dialect === 'dash' ? `${name}: 0: cannot open ${file}: No such file` : `${name}: can't open '${file}': No such file or directory`;
        await p.stderr.write(msg + '\n');
        return dialect === 'bash' ? 127 : 2;
      }
      name = file;
      positional = operands;
    } else if (interactive || p.stdin.tty) {
      // No script and a terminal on stdin (or -i): the shell is interactive.
      return runInteractive(p, dialect, name);
    } else {
      source = new TextDecoder().decode(await readAll(p.stdin));
      positional = operands;
    }
    const origin: Origin = { dialect, name, interactive: false, commandString: command !== undefined };
    // Process ids only need to be distinct within this shell's tree and the same on every run.
    let pid = 100;
    const state = ShellState.fromEnv(origin, p.env, p.cwd, { next: () => ++pid });
    state.positional = positional;
    const set = applySetOptions(state, flags);
    if (typeof set === 'string') {
      await p.stderr.write(`${name}: ${set}\n`);
      return 2;
    }
    const sh = new Interpreter(state, p, p.signal);
    const fds = makeFds(p.stdin, p.stdout, p.stderr);
    // A backslash as the very last character escapes nothing, and the shells print it as it is (`sh -c 'echo a \\'`):
    // doubling it makes the parser see exactly that instead of a line continuation waiting for more.
    const reader = new ScriptReader(/(^|[^\\])(\\\\)*\\$/.test(source) ? source + '\\' : source, dialect);
    for (let parsed = reader.next(); parsed; parsed = reader.next()) {
      if (parsed.kind === 'ok') {
        await sh.runTop(parsed.script, fds);
        if (sh.stopped) break;
        continue;
      }
      if (parsed.kind === 'incomplete') {
        await sh.write(fds, unexpectedEofMessage(origin, eofLine(dialect, source, parsed), parsed.expecting) + '\n');
        return 2;
      }
      const e = parsed.error;
      await sh.write(fds, ('token' in e ? syntaxErrorMessage(origin, e, source) : badSubstitutionMessage(origin, e)) + '\n');
      return dialect === 'bash' && !('token' in e) ? 1 : 2;
    }
    return state.status;
  };
}

/** bash counts an unfinished last line as one more line when a keyword is still open (`if` with no `fi`). */
function eofLine(dialect: DialectName, source: string, parsed: { line: number; expecting: string }): number {
  return isEndOfFileError(dialect, parsed.expecting) && !source.endsWith('\n') ? parsed.line + 1 : parsed.line;
}

/** The shells by the program names their files carry: bash, dash (Debian's /bin/sh) and busybox ash. */
export const SHELL_PROGRAMS: Readonly<Record<string, Program>> = {
  bash: shellProgram('bash'),
  dash: shellProgram('dash'),
  sh: shellProgram('dash'),
  ash: shellProgram('ash'),
};
