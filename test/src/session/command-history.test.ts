import { describe, expect, it } from 'vitest';
import { createMachine, type Terminal } from '../../../engine/index.ts';
import { CommandHistory } from '../../../src/session/command-history.ts';

async function run(terminal: Terminal, line: string): Promise<string> {
  let out = '';
  await terminal.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return out;
}

describe('CommandHistory', () => {
  it('undoes the last command, then the one before, and nothing more', async () => {
    const history = new CommandHistory(createMachine({ mode: 'headless' }));
    const t = history.track().openTerminal();
    expect(history.canUndo).toBe(false);
    await run(t, 'echo one > f');
    await run(t, 'docker volume create v1');
    await run(t, '   ');
    expect(history.lastCommand).toBe('docker volume create v1');
    expect(history.undo()).toBe(true);
    expect(await run(t, 'docker volume ls -q; cat f')).toBe('one\n');
    // The check was a command too: undo it, then the first one.
    expect(history.undo()).toBe(true);
    expect(history.undo()).toBe(true);
    expect(await run(t, 'cat f')).toBe('cat: f: No such file or directory\n');
  });

  it('keeps only the last few commands', async () => {
    const history = new CommandHistory(createMachine({ mode: 'headless' }), () => {}, 2);
    const t = history.track().openTerminal();
    for (const n of [1, 2, 3]) await run(t, `echo ${n} >> f`);
    expect(history.undo()).toBe(true);
    expect(history.undo()).toBe(true);
    expect(history.undo()).toBe(false);
    expect(await run(t, 'cat f')).toBe('1\n');
  });

  it('refuses to undo while a command runs', async () => {
    const changes: boolean[] = [];
    const history = new CommandHistory(createMachine({ mode: 'headless' }), () => changes.push(history.running));
    const t = history.track().openTerminal();
    await run(t, 'echo a > f');
    const slow = run(t, 'sleep 5');
    expect(history.running).toBe(true);
    expect(history.undo()).toBe(false);
    await slow;
    expect(history.canUndo).toBe(true);
    expect(changes).toContain(true);
  });

  it('brings running containers back stopped, as after a daemon restart', async () => {
    const history = new CommandHistory(createMachine({ mode: 'headless' }));
    const t = history.track().openTerminal();
    await run(t, 'docker run -d --name web nginx:alpine');
    await run(t, 'echo x > f');
    history.undo();
    expect(await run(t, "docker inspect --format '{{.State.Status}} {{.State.ExitCode}}' web")).toBe('exited 137\n');
  });
});
