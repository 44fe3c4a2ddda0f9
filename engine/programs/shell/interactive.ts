import { readTable } from '../../fs/passwd.ts';
import type { Process } from '../process.ts';
import { readLines } from '../streams.ts';
import { badSubstitutionMessage, syntaxErrorMessage, type DialectName, type Origin } from './dialect.ts';
import { Interpreter } from './interpreter.ts';
import { parse } from './parser.ts';
import { makeFds } from './redirect.ts';
import { ShellState } from './state.ts';

/**
 * A shell reading commands from a terminal (`docker exec -it ctr sh`, `docker run -it alpine`): a prompt on stderr,
 * one command line at a time (a secondary `> ` prompt while it is unfinished), state kept across lines, `exit` or end
 * of input (Ctrl-D) ends it with the last status.
 */
export async function runInteractive(p: Process, dialect: DialectName, name: string): Promise<number> {
  const origin: Origin = { dialect, name, interactive: true, commandString: false };
  // Process ids only need to be distinct within this shell's tree and the same on every run.
  let pid = 100;
  const state = ShellState.fromEnv(origin, p.env, p.cwd, { next: () => ++pid });
  const fds = makeFds(p.stdin, p.stdout, p.stderr);
  const say = (text: string) => p.stderr.write(text).catch(() => {});
  let pending = '';
  await say(primaryPrompt(dialect, p, state.cwd));
  for await (const line of readLines(p.stdin)) {
    pending += line + '\n';
    const parsed = parse(pending, dialect);
    if (parsed.kind === 'incomplete') {
      await say('> ');
      continue;
    }
    const source = pending;
    pending = '';
    if (parsed.kind === 'ok') {
      const sh = new Interpreter(state, p, p.signal);
      await sh.runTop(parsed.script, fds);
      if (sh.exited || p.signal.aborted) return state.status;
    } else {
      const e = parsed.error;
      await say(('token' in e ? syntaxErrorMessage(origin, e, source) : badSubstitutionMessage(origin, e)) + '\n');
      state.status = 2;
    }
    await say(primaryPrompt(dialect, p, state.cwd));
  }
  // Ctrl-D at the prompt: bash says `exit` as it leaves; dash and busybox ash just end the line.
  await say(dialect === 'bash' ? 'exit\n' : '\n');
  return state.status;
}

/**
 * PS1 as each shell shows it out of the box: busybox ash's `\w \$ ` (`/ # `), dash's `$ ` (`# ` for root), and for
 * bash the `\u@\h:\w\$ ` that Debian's /etc/bash.bashrc sets (`root@3f2a9c1b7d4e:/# `), the images with bash being
 * Debian-based.
 */
export function primaryPrompt(dialect: DialectName, p: Process, cwd: string): string {
  const sign = p.uid === 0 ? '#' : '$';
  if (dialect === 'dash') return `${sign} `;
  const home = p.env.HOME;
  const shown = home && home !== '/' && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd;
  if (dialect === 'ash') return `${shown} ${sign} `;
  const user = readTable(p.fs.root, '/etc/passwd').find((r) => r[2] === String(p.uid))?.[0] ?? `I have no name!`;
  return `${user}@${p.system.hostname}:${shown}${sign} `;
}
