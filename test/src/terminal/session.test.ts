import { describe, expect, it } from 'vitest';
import type { Terminal, TerminalIO } from '../../../engine/api.ts';
import { ShellSession, endsWithContinuation } from '../../../src/terminal/session.ts';
import { colorizePrompt } from '../../../src/terminal/prompt.ts';
import { Screen } from './screen.ts';

/** A stand-in for the engine's Terminal: runs a few commands, waits for Ctrl-C on `sleep`. */
class FakeTerminal implements Terminal {
  cwd = '/home/student/project';
  runs: string[] = [];
  sizes: [number | undefined, number | undefined][] = [];
  prompt(): string {
    return `student@dockyard:${this.cwd.replace('/home/student', '~')}$ `;
  }
  needsMore(text: string): boolean {
    return (text.match(/'/g)?.length ?? 0) % 2 === 1;
  }
  async run(line: string, io: TerminalIO): Promise<number> {
    this.runs.push(line);
    const size = io as TerminalIO & { columns?: number; rows?: number };
    this.sizes.push([size.columns, size.rows]);
    await Promise.resolve();
    if (line.startsWith('echo ')) {
      io.stdout(line.slice(5) + '\n');
      return 0;
    }
    if (line.startsWith('cd ')) {
      this.cwd = line.slice(3);
      return 0;
    }
    if (line === 'sleep') {
      return new Promise((resolve) => io.signal?.addEventListener('abort', () => resolve(130)));
    }
    if (line === 'crash') throw new Error('boom');
    if (line === 'read') {
      const chunk = await io.stdin!.read();
      io.stdout(`got ${JSON.stringify(chunk ? new TextDecoder().decode(chunk) : null)}\n`);
      return 0;
    }
    if (line === 'wait') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 0;
    }
    io.stderr(`${line}: command not found\n`);
    return 127;
  }
}

function setup() {
  const terminal = new FakeTerminal();
  const screen = new Screen(60);
  const done: [string, number][] = [];
  const session = new ShellSession({
    terminal,
    write: (d) => screen.write(d),
    columns: 60,
    onCommandDone: (c, code) => done.push([c, code]),
  });
  session.start();
  return { terminal, screen, session, done };
}

async function settle(session: ShellSession) {
  for (let i = 0; i < 5; i++) await session.idle;
}

describe('ShellSession', () => {
  it('runs a line in the engine and shows its output and the new prompt', async () => {
    const t = setup();
    t.session.input('echo hello\r');
    await settle(t.session);
    expect(t.screen.lines()).toEqual([
      'student@dockyard:~/project$ echo hello',
      'hello',
      'student@dockyard:~/project$',
    ]);
    expect(t.done).toEqual([['echo hello', 0]]);
  });

  it('asks for a new prompt after cd', async () => {
    const t = setup();
    t.session.input('cd /tmp\r');
    await settle(t.session);
    expect(t.screen.lines().at(-1)).toBe('student@dockyard:/tmp$');
  });

  it('uses the engine continuation check and a trailing backslash', async () => {
    const t = setup();
    t.session.input("echo 'a\r");
    expect(t.terminal.runs).toEqual([]);
    t.session.input("b'\r");
    await settle(t.session);
    expect(t.terminal.runs).toEqual(["echo 'a\nb'"]);
    t.session.input('echo x \\\r');
    expect(t.terminal.runs).toHaveLength(1);
    t.session.input('y\r');
    await settle(t.session);
    expect(t.terminal.runs.at(-1)).toBe('echo x \\\ny');
  });

  it('aborts the running command with SIGINT on Ctrl-C', async () => {
    const t = setup();
    t.session.input('sleep\r');
    await Promise.resolve();
    t.session.input('\x03');
    await settle(t.session);
    expect(t.done).toEqual([['sleep', 130]]);
    expect(t.screen.lines().slice(-2)).toEqual(['^C', 'student@dockyard:~/project$']);
  });

  it('names the command it starts, and interrupt() stops it as Ctrl-C would', async () => {
    const terminal = new FakeTerminal();
    const started: string[] = [];
    const done: [string, number][] = [];
    const session = new ShellSession({
      terminal,
      write: () => {},
      onCommandStart: (c) => started.push(c),
      onCommandDone: (c, code) => done.push([c, code]),
    });
    session.start();
    session.interrupt();
    session.input('sleep\r');
    await Promise.resolve();
    expect(started).toEqual(['sleep']);
    expect(done).toEqual([]);
    session.interrupt();
    await settle(session);
    expect(done).toEqual([['sleep', 130]]);
  });

  it('survives an engine that throws', async () => {
    const t = setup();
    t.session.input('crash\r');
    await settle(t.session);
    expect(t.screen.lines().slice(-2)).toEqual(['dockyard: internal error: boom', 'student@dockyard:~/project$']);
    expect(t.session.editor.mode).toBe('editing');
  });

  it('tells the engine the terminal size', async () => {
    const t = setup();
    t.session.input('echo a\r');
    await settle(t.session);
    t.session.resize(100, 30);
    t.session.input('echo b\r');
    await settle(t.session);
    expect(t.terminal.sizes).toEqual([
      [60, 24],
      [100, 30],
    ]);
    expect(t.session.editor.columns).toBe(100);
  });

  it('runs typed-ahead commands after the current one', async () => {
    const t = setup();
    t.session.input('echo 1\r');
    t.session.input('echo 2\r');
    await settle(t.session);
    expect(t.terminal.runs).toEqual(['echo 1', 'echo 2']);
  });
});

describe('helpers', () => {
  it('detects an escaped newline', () => {
    expect(endsWithContinuation('a \\')).toBe(true);
    expect(endsWithContinuation('a \\\\')).toBe(false);
    expect(endsWithContinuation('a')).toBe(false);
  });

  it('colours the prompt without changing its text', () => {
    const p = 'student@dockyard:~/project$ ';
    const c = colorizePrompt(p);
    expect(c).not.toBe(p);
    // eslint-disable-next-line no-control-regex
    expect(c.replace(/\x1b\[[0-9;]*m/g, '')).toBe(p);
    expect(colorizePrompt('> ')).toBe('> ');
  });

  it('gives what is typed while a command runs to its stdin, a line at a time, echoed as a tty does', async () => {
    const t = setup();
    t.session.input('read\r');
    await Promise.resolve();
    t.session.input('hello wold');
    t.session.input('\x7f\x7frld\r');
    await settle(t.session);
    expect(t.screen.lines()).toEqual(['student@dockyard:~/project$ read', 'hello world', 'got "hello world\\n"', 'student@dockyard:~/project$']);
  });

  it('ends input with Ctrl-D on an empty line', async () => {
    const t = setup();
    t.session.input('read\r');
    await Promise.resolve();
    t.session.input('\x04');
    await settle(t.session);
    expect(t.screen.lines().slice(-2)).toEqual(['got null', 'student@dockyard:~/project$']);
  });

  it('hands a line no program read to the shell when the command ends', async () => {
    const t = setup();
    t.session.input('wait\r');
    await Promise.resolve();
    t.session.input('echo later\r');
    await settle(t.session);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await settle(t.session);
    expect(t.terminal.runs).toEqual(['wait', 'echo later']);
    expect(t.screen.lines().slice(-2)).toEqual(['later', 'student@dockyard:~/project$']);
  });
});
