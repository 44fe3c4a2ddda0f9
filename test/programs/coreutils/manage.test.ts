import { describe, expect, it } from 'vitest';
import { machine, run, sh } from '../harness.ts';

describe('rm and rmdir', () => {
  it('removes files, refuses directories without -r, GNU wording', async () => {
    const m = machine({ '/root/f': 'x', '/root/d/x': '' });
    expect(await run(m, ['rm', 'f', 'nofile', 'd'])).toEqual({
      stdout: '',
      stderr: "rm: cannot remove 'nofile': No such file or directory\nrm: cannot remove 'd': Is a directory\n",
      code: 1,
    });
    expect(m.fs.exists('/root/f')).toBe(false);
    expect(await run(m, ['rm', '-f', 'nofile'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await run(m, ['rm'])).toEqual({ stdout: '', stderr: "rm: missing operand\nTry 'rm --help' for more information.\n", code: 1 });
    expect((await run(m, ['rm', '-f'])).code).toBe(0);
    expect((await run(m, ['rm', '-d', 'd'])).stderr).toBe("rm: cannot remove 'd': Directory not empty\n");
    expect(await run(m, ['rm', '-rv', 'd'])).toEqual({ stdout: "removed 'd/x'\nremoved directory 'd'\n", stderr: '', code: 0 });
    expect(m.fs.exists('/root/d')).toBe(false);
  });
  it('guards . .. and /', async () => {
    expect((await sh(['rm', '-r', '.'])).stderr).toBe("rm: refusing to remove '.' or '..' directory: skipping '.'\n");
    expect(await sh(['rm', '-rf', '/'])).toEqual({
      stdout: '',
      stderr: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
      code: 1,
    });
  });
  it('-i asks on stderr and reads the answer', async () => {
    const m = machine({ '/root/f': '', '/root/g': 'x' });
    expect(await run(m, ['rm', '-i', 'f'], { stdin: 'n\n' })).toEqual({ stdout: '', stderr: "rm: remove regular empty file 'f'? ", code: 0 });
    expect(m.fs.exists('/root/f')).toBe(true);
    await run(m, ['rm', '-i', 'g'], { stdin: 'y\n' });
    expect(m.fs.exists('/root/g')).toBe(false);
  });
  it('rmdir only removes empty directories; -p removes parents', async () => {
    const m = machine({ '/root/m2/x': '', '/root/f': '' });
    m.fs.mkdir('/root/r/s', { recursive: true });
    const r = await run(m, ['rmdir', 'm2', 'nofile', 'f']);
    expect(r.stderr).toBe(
      "rmdir: failed to remove 'm2': Directory not empty\nrmdir: failed to remove 'nofile': No such file or directory\nrmdir: failed to remove 'f': Not a directory\n",
    );
    expect(await run(m, ['rmdir', '-pv', 'r/s'])).toEqual({ stdout: "rmdir: removing directory, 'r/s'\nrmdir: removing directory, 'r'\n", stderr: '', code: 0 });
  });
});

describe('touch', () => {
  it('creates files and sets mtime from the virtual clock', async () => {
    const m = machine();
    m.clock.advance(60_000);
    await run(m, ['touch', 'a']);
    expect(m.fs.stat('/root/a')).toMatchObject({ type: 'file', size: 0, mode: 0o644, mtime: m.clock.nowSeconds() });
    m.clock.advance(60_000);
    await run(m, ['touch', 'a']);
    expect(m.fs.stat('/root/a').mtime).toBe(m.clock.nowSeconds());
    await run(m, ['touch', '-d', '@0', 'a']);
    expect(m.fs.stat('/root/a').mtime).toBe(0);
    await run(m, ['touch', '-d', '2021-05-06 07:08:09', 'a']);
    expect(m.fs.stat('/root/a').mtime).toBe(Date.UTC(2021, 4, 6, 7, 8, 9) / 1000);
  });
  it('-c does not create; errors as GNU', async () => {
    const m = machine();
    expect(await run(m, ['touch', '-c', 'nope'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(m.fs.exists('/root/nope')).toBe(false);
    expect((await run(m, ['touch', 'a/b'])).stderr).toBe("touch: cannot touch 'a/b': No such file or directory\n");
    expect((await run(m, ['touch', '-d', 'garbage', 'x'])).stderr).toBe('touch: invalid date format ‘garbage’\n');
    expect((await run(m, ['touch'])).stderr).toBe("touch: missing file operand\nTry 'touch --help' for more information.\n");
  });
});

describe('sleep', () => {
  it('waits on the virtual clock', async () => {
    const m = machine();
    const start = m.clock.now();
    const done = run(m, ['sleep', '1.5', '1m']);
    await Promise.resolve();
    m.clock.advance(61_499);
    let finished = false;
    void done.then(() => (finished = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(finished).toBe(false);
    m.clock.advance(1);
    expect((await done).code).toBe(0);
    expect(m.clock.now() - start).toBe(61_500);
  });
  it('Ctrl-C ends it with 130', async () => {
    const m = machine();
    const ac = new AbortController();
    const done = run(m, ['sleep', '10'], { signal: ac.signal });
    ac.abort('SIGINT');
    expect((await done).code).toBe(130);
  });
  it('rejects bad intervals', async () => {
    expect((await sh(['sleep', '1x'])).stderr).toBe("sleep: invalid time interval ‘1x’\nTry 'sleep --help' for more information.\n");
    expect((await sh(['sleep'])).stderr).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
  });
});

describe('which and env', () => {
  it('which prints the first executable on PATH, nothing for missing names', async () => {
    const m = machine();
    m.fs.writeFile('/usr/bin/ls', '', { mode: 0o755 });
    m.fs.writeFile('/usr/bin/notexec', '', { mode: 0o644 });
    expect(await run(m, ['which', 'ls', 'nope', 'notexec'])).toEqual({ stdout: '/usr/bin/ls\n', stderr: '', code: 1 });
    expect((await run(m, ['which', '-a', 'ls'])).stdout).toBe('/usr/bin/ls\n/bin/ls\n');
    expect((await run(m, ['which'])).code).toBe(1);
  });
  it('env prints the environment in order, or runs a command with changes', async () => {
    const m = machine();
    const e = { PATH: '/bin', B: '2', A: '1' };
    expect((await run(m, ['env'], { env: e })).stdout).toBe('PATH=/bin\nB=2\nA=1\n');
    expect((await run(m, ['env', '-i', 'X=1', 'env'], { env: e })).stdout).toBe('X=1\n');
    expect((await run(m, ['env', '-u', 'B', 'C=3', 'env'], { env: e })).stdout).toBe('PATH=/bin\nA=1\nC=3\n');
    expect(await run(m, ['env', 'nope'], { env: e })).toEqual({ stdout: '', stderr: 'env: ‘nope’: No such file or directory\n', code: 127 });
    expect((await run(m, ['env', '-C', '/tmp', 'pwd'], { env: e })).stdout).toBe('/tmp\n');
    expect((await run(m, ['env', '-z'], { env: e })).stderr).toBe("env: invalid option -- 'z'\nTry 'env --help' for more information.\n");
  });
});

describe('permission errors name the action, as GNU does', () => {
  it('chmod and chown on a file the user does not own', async () => {
    const m = machine({ '/etc/motd': 'hi\n' });
    expect(await run(m, ['chmod', '600', '/etc/motd'], { uid: 1000, gid: 1000 })).toEqual({
      stdout: '',
      stderr: "chmod: changing permissions of '/etc/motd': Operation not permitted\n",
      code: 1,
    });
    expect((await run(m, ['chown', 'node', '/etc/motd'], { uid: 1000, gid: 1000 })).stderr).toBe(
      "chown: changing ownership of '/etc/motd': Operation not permitted\n",
    );
    expect((await run(m, ['chmod', '600', '/etc/nope'], { uid: 1000, gid: 1000 })).stderr).toBe(
      "chmod: cannot access '/etc/nope': No such file or directory\n",
    );
  });
});
