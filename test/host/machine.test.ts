import { describe, expect, it } from 'vitest';
import { createMachine, type EngineEvent, type Terminal } from '../../engine/index.ts';
import { macrotask } from '../../engine/core/tick.ts';

async function run(terminal: Terminal, line: string) {
  let out = '';
  const code = await terminal.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return { code, out };
}

describe('createMachine', () => {
  it('starts the student in the project folder with the project copied in', async () => {
    const machine = createMachine({ mode: 'headless', project: [{ path: 'Dockerfile', type: 'file', content: 'FROM alpine\n' }] });
    const t = machine.openTerminal();
    expect(t.prompt()).toBe('student@dockyard:~/project$ ');
    expect(await run(t, 'cat Dockerfile')).toEqual({ code: 0, out: 'FROM alpine\n' });
  });

  it('keeps each terminal’s working directory and variables to itself', async () => {
    const machine = createMachine({ mode: 'headless' });
    const a = machine.openTerminal();
    const b = machine.openTerminal();
    await run(a, 'cd /tmp; X=1');
    expect(a.prompt()).toBe('student@dockyard:/tmp$ ');
    expect(b.cwd).toBe('/home/student/project');
    expect((await run(b, 'echo "[$X]"')).out).toBe('[]\n');
    // They share one host filesystem.
    await run(a, 'echo shared > /tmp/f');
    expect((await run(b, 'cat /tmp/f')).out).toBe('shared\n');
  });

  it('restores a snapshot: files and time come back, the snapshot itself is untouched', async () => {
    const machine = createMachine({ mode: 'headless' });
    const t = machine.openTerminal();
    await run(t, 'echo before > kept.txt');
    const snap = machine.snapshot();
    const rootBefore = machine.hostFs.root;
    await run(t, 'echo after > kept.txt; echo new > extra.txt; sleep 60');
    machine.restore(snap);
    expect(machine.hostFs.root).toBe(rootBefore);
    expect((await run(t, 'cat kept.txt; ls')).out).toBe('before\nkept.txt\n');
    // Restoring twice gives the same state again: the snapshot is a value.
    await run(t, 'rm kept.txt');
    machine.restore(snap);
    expect((await run(t, 'cat kept.txt')).out).toBe('before\n');
  });

  it('says exit as bash does and gives the tab a fresh shell after `exit`', async () => {
    const t = createMachine({ mode: 'headless' }).openTerminal();
    await run(t, 'cd /tmp; X=1');
    expect(await run(t, 'exit 3')).toEqual({ code: 3, out: 'exit\n' });
    expect(t.cwd).toBe('/home/student/project');
    expect((await run(t, 'echo "[$X]"')).out).toBe('[]\n');
    // A subshell's exit ends only the subshell.
    expect(await run(t, '(exit 4); echo $?')).toEqual({ code: 0, out: '4\n' });
  });

  it('emits an event per command', async () => {
    const machine = createMachine({ mode: 'headless' });
    const seen: EngineEvent[] = [];
    machine.events.subscribe((e) => seen.push(e));
    await run(machine.openTerminal(), 'false');
    expect(seen).toEqual([{ type: 'command', line: 'false', exitCode: 1, at: machine.clock.now() }]);
  });

  it('announces host file changes while a command runs, batched to one event per step', async () => {
    const machine = createMachine({ mode: 'interactive' });
    const seen: string[] = [];
    machine.events.subscribe((e) => seen.push(e.type));
    const t = machine.openTerminal();
    const start = machine.snapshot();
    const done = run(t, 'for i in 1 2 3 4 5; do echo $i > f$i; done; sleep 5; echo end > g');
    await macrotask();
    await macrotask();
    // Five writes, one event, and before the command is over (it is sleeping).
    expect(seen).toEqual(['fs-changed']);
    machine.clock.advance(5000);
    await done;
    await macrotask();
    expect(seen).toEqual(['fs-changed', 'command', 'fs-changed']);
    // A command that writes nothing says nothing about files.
    await run(t, 'cat g');
    await macrotask();
    expect(seen.slice(3)).toEqual(['command']);
    // Restoring a snapshot swaps the whole tree: that is a change too.
    machine.restore(start);
    await macrotask();
    expect(seen.slice(4)).toContain('fs-changed');
  });

  it('stops a command on Ctrl-C from the terminal', async () => {
    const machine = createMachine({ mode: 'interactive' });
    const t = machine.openTerminal();
    const ctrlC = new AbortController();
    const running = t.run('sleep 100', { stdout: () => {}, stderr: () => {}, signal: ctrlC.signal });
    machine.clock.advance(1_000);
    ctrlC.abort('SIGINT');
    expect(await running).toBe(130);
  });

  it('answers the same bytes for the same seed and script', async () => {
    const transcript = async () => {
      const t = createMachine({ mode: 'headless', seed: 3 }).openTerminal();
      return (await run(t, 'date; sleep 2; date +%s; ls -la /home/student')).out;
    };
    expect(await transcript()).toBe(await transcript());
  });
});

describe('the terminal as standard input', () => {
  it('is a terminal to programs, so docker load without -i refuses as the real client does', async () => {
    const t = createMachine({ mode: 'headless' }).openTerminal();
    expect(await run(t, 'docker load')).toEqual({ code: 1, out: 'requested load from stdin, but stdin is empty\n' });
    expect(await run(t, 'docker image load -q')).toEqual({ code: 1, out: 'requested load from stdin, but stdin is empty\n' });
    // Input the page supplies still comes from the terminal.
    const typed = { read: async () => null };
    let out = '';
    expect(await t.run('docker load', { stdout: (s) => (out += s), stderr: (s) => (out += s), stdin: typed })).toBe(1);
    expect(out).toBe('requested load from stdin, but stdin is empty\n');
  });

  it('is not a terminal once redirected or piped: docker load reads what it is given', async () => {
    const t = createMachine({ mode: 'headless' }).openTerminal();
    const notTar = 'Error response from daemon: open /var/lib/docker/tmp/docker-import-1804289383/repositories: no such file or directory\n';
    await run(t, 'touch empty.tar');
    expect(await run(t, 'docker load < empty.tar')).toEqual({ code: 1, out: notTar });
    expect(await run(t, 'echo -n | docker load')).toEqual({ code: 1, out: notTar });
  });
});
