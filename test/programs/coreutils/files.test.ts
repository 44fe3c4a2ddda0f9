import { describe, expect, it } from 'vitest';
import { machine, run, sh } from '../harness.ts';

describe('cat', () => {
  it('concatenates files and stdin, reporting missing ones', async () => {
    const r = await sh(['cat', 'a', 'nofile', '-', '/tmp'], { files: { '/root/a': 'A\n' }, stdin: 'in\n' });
    expect(r.stdout).toBe('A\nin\n');
    expect(r.stderr).toBe('cat: nofile: No such file or directory\ncat: /tmp: Is a directory\n');
    expect(r.code).toBe(1);
  });
  it('numbers lines across files as one stream (-n, -b)', async () => {
    const files = { '/root/f': 'a\nb\n\nc' };
    expect((await sh(['cat', '-n', 'f', 'f'], { files })).stdout).toBe('     1\ta\n     2\tb\n     3\t\n     4\tca\n     5\tb\n     6\t\n     7\tc');
    expect((await sh(['cat', '-b', 'f'], { files })).stdout).toBe('     1\ta\n     2\tb\n\n     3\tc');
    expect((await sh(['cat', '-A', 'f'], { files })).stdout).toBe('a$\nb$\n$\nc');
  });
  it('rejects unknown options like GNU', async () => {
    expect(await sh(['cat', '-z'])).toEqual({ stdout: '', stderr: "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n", code: 1 });
    expect((await sh(['cat', '--bogus'])).stderr).toBe("cat: unrecognized option '--bogus'\nTry 'cat --help' for more information.\n");
  });
  it('says Not a directory for a file used as a directory', async () => {
    expect((await sh(['cat', 'a/'], { files: { '/root/a': 'x' } })).stderr).toBe('cat: a/: Not a directory\n');
  });
});

describe('mkdir', () => {
  it('creates, and reports existing and missing parents with GNU quotes', async () => {
    const m = machine({ '/root/f': '' });
    expect(await run(m, ['mkdir', 'd'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(m.fs.stat('/root/d').type).toBe('dir');
    const r = await run(m, ['mkdir', 'f', 'a/b', 'd']);
    expect(r.stderr).toBe(
      'mkdir: cannot create directory ‘f’: File exists\nmkdir: cannot create directory ‘a/b’: No such file or directory\nmkdir: cannot create directory ‘d’: File exists\n',
    );
    expect(r.code).toBe(1);
    expect((await run(m, ['mkdir', '-p', 'f/x'])).stderr).toBe('mkdir: cannot create directory ‘f’: Not a directory\n');
    expect(await run(m, ['mkdir'])).toEqual({ stdout: '', stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", code: 1 });
  });
  it('-p makes parents quietly, -v names each, -m sets the mode of the last', async () => {
    const m = machine();
    expect(await run(m, ['mkdir', '-pv', 'v/w/x'])).toEqual({
      stdout: "mkdir: created directory 'v'\nmkdir: created directory 'v/w'\nmkdir: created directory 'v/w/x'\n",
      stderr: '',
      code: 0,
    });
    expect((await run(m, ['mkdir', '-p', 'v/w'])).code).toBe(0);
    await run(m, ['mkdir', '-pm', '750', 'p/q']);
    expect(m.fs.stat('/root/p').mode).toBe(0o755);
    expect(m.fs.stat('/root/p/q').mode).toBe(0o750);
    await run(m, ['mkdir', '-m', 'u=rwx,g=rx', 'sym']);
    // Verified: GNU mkdir -m u=rwx,g=rx gives 757 (others keep the 0777 base).
    expect(m.fs.stat('/root/sym').mode).toBe(0o757);
    expect((await run(m, ['mkdir', '-m', 'bad', 'z'])).stderr).toBe('mkdir: invalid mode ‘bad’\n');
  });
});

describe('pwd', () => {
  it('prints the working directory, -P resolves symlinks, -L trusts a valid $PWD', async () => {
    const m = machine();
    m.fs.mkdir('/real/dir', { recursive: true });
    m.fs.symlink('/real/dir', '/link');
    expect((await run(m, ['pwd'], { cwd: '/real/dir' })).stdout).toBe('/real/dir\n');
    expect((await run(m, ['pwd', '-P'], { cwd: '/link' })).stdout).toBe('/real/dir\n');
    expect((await run(m, ['pwd', '-L'], { cwd: '/link', env: { PWD: '/link' } })).stdout).toBe('/link\n');
    expect((await run(m, ['pwd', '-L'], { cwd: '/link', env: { PWD: '/tmp' } })).stdout).toBe('/real/dir\n');
    expect((await run(m, ['pwd', '-x'])).stderr).toBe("pwd: invalid option -- 'x'\nTry 'pwd --help' for more information.\n");
  });
});
