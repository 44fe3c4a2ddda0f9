import { describe, expect, it } from 'vitest';
import { makeFile } from '../../../engine/fs/tree.ts';
import { ShellSession } from '../../../engine/programs/shell/session.ts';
import { BytesReader } from '../../../engine/programs/streams.ts';
import { bash, ENV, line, makeMachine, program } from './helpers.ts';

describe('command lookup and wording per dialect', () => {
  it('says command not found the way each shell does, with status 127', async () => {
    expect(await bash('nosuch')).toMatchObject({ stderr: 'bash: nosuch: command not found\n', status: 127 });
    expect(await program(['bash', '-c', 'true\nnosuch'])).toMatchObject({ stderr: 'bash: line 2: nosuch: command not found\n', status: 127 });
    expect(await program(['sh', '-c', 'nosuch'])).toMatchObject({ stderr: 'sh: 1: nosuch: not found\n', status: 127 });
    expect(await program(['/bin/sh', '-c', 'nosuch'])).toMatchObject({ stderr: '/bin/sh: 1: nosuch: not found\n', status: 127 });
    expect(await program(['/bin/ash', '-c', 'nosuch'])).toMatchObject({ stderr: '/bin/ash: nosuch: not found\n', status: 127 });
  });

  it('finds no builtin in the names of Object methods (found by fuzzing)', async () => {
    for (const name of ['valueOf', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(await bash(name)).toMatchObject({ stderr: `bash: ${name}: command not found\n`, status: 127 });
    }
  });

  it('refuses non-executable files with 126 and runs #! scripts through their interpreter', async () => {
    const m = makeMachine();
    m.fs.writeFile('/tmp/plain.sh', 'echo hi\n');
    m.fs.writeFile('/tmp/run.sh', '#!/bin/sh\necho "script $0 $1"\nnosuch\n', { mode: 0o755 });
    m.fs.putEntry('/tmp/blob', makeFile('\x7fELF', { mode: 0o755 }));
    expect(await bash('/tmp/plain.sh', m)).toMatchObject({ stderr: 'bash: /tmp/plain.sh: Permission denied\n', status: 126 });
    expect(await bash('/tmp/run.sh arg', m)).toMatchObject({ stdout: 'script /tmp/run.sh arg\n', stderr: '/tmp/run.sh: 3: nosuch: not found\n', status: 127 });
    // A script found through PATH gets the path the shell found, as execve passes it to the interpreter.
    expect(await bash('PATH=/tmp:$PATH; run.sh arg', m)).toMatchObject({ stdout: 'script /tmp/run.sh arg\n' });
    expect(await bash('/tmp/blob', m)).toMatchObject({ stderr: 'bash: /tmp/blob: cannot execute binary file: Exec format error\n', status: 126 });
    expect(await bash('/tmp', m)).toMatchObject({ stderr: 'bash: /tmp: Is a directory\n', status: 126 });
    expect(await bash('./missing', m)).toMatchObject({ stderr: 'bash: ./missing: No such file or directory\n', status: 127 });
  });

  it('finds programs only through PATH files, and functions and builtins first', async () => {
    expect((await bash('PATH=/nowhere; fake-echo x; echo $?')).stdout).toBe('127\n');
    expect((await bash('cat() { echo fn; }; cat; command cat </dev/null; echo $?')).stdout).toBe('fn\n0\n');
  });

  it('runs scripts from a file and from stdin', async () => {
    const m = makeMachine();
    m.fs.writeFile('/tmp/s.sh', 'echo "file $1"\nif true; then\n  echo inside\nfi\n');
    expect((await program(['sh', '/tmp/s.sh', 'x'], m)).stdout).toBe('file x\ninside\n');
    expect((await program(['sh'], m, new BytesReader('echo from stdin\n'))).stdout).toBe('from stdin\n');
    expect(await program(['bash', '-c', 'if true; then fi'], m)).toMatchObject({ stderr: "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `if true; then fi'\n", status: 2 });
    expect(await program(['sh', '-c', 'echo "open'], m)).toMatchObject({ stderr: 'sh: 1: Syntax error: Unterminated quoted string\n', status: 2 });
  });
});

describe('ShellSession', () => {
  it('keeps cwd, variables, functions, aliases and $? across lines', async () => {
    const m = makeMachine();
    const s = new ShellSession({ machine: m.machine, env: ENV, cwd: '/root' });
    await line(s, 'cd /tmp; X=kept; f() { echo "f $X"; }; alias ll="echo listed"; false');
    expect(s.cwd).toBe('/tmp');
    expect((await line(s, 'echo $?; pwd; f; ll')).stdout).toBe('1\n/tmp\nf kept\nlisted\n');
    expect((await line(s, 'fi')).stderr).toBe("bash: syntax error near unexpected token `fi'\n");
    expect(s.exited).toBe(false);
    await line(s, 'exit 3');
    expect(s.exited).toBe(true);
    expect(s.status).toBe(3);
  });

  it('asks for more input on unfinished lines', () => {
    const s = new ShellSession({ machine: makeMachine().machine, env: ENV, cwd: '/root' });
    for (const t of ['echo "abc', 'if true; then', 'cat <<EOF', 'echo a \\', 'for i in 1 2; do', 'echo a |']) expect(s.needsMore(t), t).toBe(true);
    for (const t of ['echo "abc"', 'if true; then echo; fi', 'cat <<EOF\nx\nEOF', 'fi']) expect(s.needsMore(t), t).toBe(false);
  });

  it('stops a running loop on Ctrl-C with status 130', async () => {
    const m = makeMachine();
    const s = new ShellSession({ machine: m.machine, env: ENV, cwd: '/root' });
    const ctrl = new AbortController();
    const running = line(s, 'while true; do fake-echo tick; sleep 1; done; echo not-reached', undefined, ctrl.signal);
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 0));
      m.clock.advance(1000);
    }
    await new Promise((r) => setTimeout(r, 0));
    ctrl.abort('SIGINT');
    const r = await running;
    expect(r.status).toBe(130);
    expect(r.stdout).toMatch(/^(tick\n){3,4}$/);
    expect((await line(s, 'echo $?')).stdout).toBe('130\n');
  });

  it('interrupts a builtin loop that never runs a program', async () => {
    const s = new ShellSession({ machine: makeMachine().machine, env: ENV, cwd: '/root' });
    const ctrl = new AbortController();
    const running = line(s, 'while :; do :; done', undefined, ctrl.signal);
    await new Promise((r) => setTimeout(r, 5));
    ctrl.abort('SIGINT');
    expect((await running).status).toBe(130);
  });

  it('interrupts a for loop over a long list, whose turns never wait', async () => {
    const s = new ShellSession({ machine: makeMachine().machine, env: ENV, cwd: '/root' });
    const ctrl = new AbortController();
    // Without a yield now and then, the whole list runs in one task and Ctrl-C arrives after the loop ended.
    const running = line(s, 'for i in {1..300000}; do :; done; echo finished', undefined, ctrl.signal);
    await new Promise((r) => setImmediate(r));
    ctrl.abort('SIGINT');
    const done = await running;
    expect([done.status, done.stdout]).toEqual([130, '']);
  });
});
