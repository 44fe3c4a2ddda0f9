import { describe, expect, it } from 'vitest';
import { machine, run, sh } from '../harness.ts';

describe('cp and mv', () => {
  it('copies files and trees, GNU errors', async () => {
    const m = machine({ '/w/f': 'hi\n', '/w/d/x': 'x' });
    const cwd = '/w';
    expect(await run(m, ['cp'], { cwd })).toEqual({ stdout: '', stderr: "cp: missing file operand\nTry 'cp --help' for more information.\n", code: 1 });
    expect((await run(m, ['cp', 'f'], { cwd })).stderr).toBe("cp: missing destination file operand after 'f'\nTry 'cp --help' for more information.\n");
    expect((await run(m, ['cp', 'nofile', 'x'], { cwd })).stderr).toBe("cp: cannot stat 'nofile': No such file or directory\n");
    expect((await run(m, ['cp', 'd', 'e'], { cwd })).stderr).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect((await run(m, ['cp', 'f', 'nodir/x'], { cwd })).stderr).toBe("cp: cannot create regular file 'nodir/x': No such file or directory\n");
    expect((await run(m, ['cp', 'f', 'f'], { cwd })).stderr).toBe("cp: 'f' and 'f' are the same file\n");
    expect((await run(m, ['cp', 'f', 'g', 'h'], { cwd })).stderr).toBe("cp: target 'h': No such file or directory\n");
    expect((await run(m, ['cp', '-r', 'd', 'e'], { cwd })).code).toBe(0);
    expect(m.fs.readText('/w/e/x')).toBe('x');
    await run(m, ['cp', 'f', 'd'], { cwd });
    expect(m.fs.readText('/w/d/f')).toBe('hi\n');
    expect((await run(m, ['cp', '-r', 'd', 'd/sub'], { cwd })).stderr).toBe("cp: cannot copy a directory, 'd', into itself, 'd/sub'\n");
  });
  it('cp stamps copies with the current time unless -p/-a', async () => {
    const m = machine({ '/w/f': 'x' });
    m.fs.utimes('/w/f', 100);
    m.clock.advance(5000);
    await run(m, ['cp', '/w/f', '/w/g']);
    await run(m, ['cp', '-p', '/w/f', '/w/h']);
    expect(m.fs.stat('/w/g').mtime).toBe(m.clock.nowSeconds());
    expect(m.fs.stat('/w/h').mtime).toBe(100);
  });
  it('mv renames and moves into directories', async () => {
    const m = machine({ '/w/a': 'x', '/w/zf': '' });
    m.fs.mkdir('/w/d');
    m.fs.mkdir('/w/z');
    const cwd = '/w';
    expect(await run(m, ['mv', '-v', 'a', 'b'], { cwd })).toEqual({ stdout: "renamed 'a' -> 'b'\n", stderr: '', code: 0 });
    await run(m, ['mv', 'b', 'd'], { cwd });
    expect(m.fs.readText('/w/d/b')).toBe('x');
    expect((await run(m, ['mv', 'nofile', 'x'], { cwd })).stderr).toBe("mv: cannot stat 'nofile': No such file or directory\n");
    expect((await run(m, ['mv', 'd', 'd/sub'], { cwd })).stderr).toBe("mv: cannot move 'd' to a subdirectory of itself, 'd/sub'\n");
    expect((await run(m, ['mv', 'z', 'zf'], { cwd })).stderr).toBe("mv: cannot overwrite non-directory 'zf' with directory 'z'\n");
    expect((await run(m, ['mv', 'zf', 'zf'], { cwd })).stderr).toBe("mv: 'zf' and 'zf' are the same file\n");
  });
});

describe('chmod and chown', () => {
  it('octal, symbolic and -R', async () => {
    const m = machine({ '/w/f': '', '/w/d/x': '' });
    const mode = (p: string) => m.fs.stat(p).mode;
    await run(m, ['chmod', '755', '/w/f']);
    expect(mode('/w/f')).toBe(0o755);
    await run(m, ['chmod', 'go-w,a=r,u+w', '/w/f']);
    expect(mode('/w/f')).toBe(0o644);
    await run(m, ['chmod', 'g=u', '/w/f']);
    expect(mode('/w/f')).toBe(0o664);
    await run(m, ['chmod', '+x', '/w/f']);
    expect(mode('/w/f')).toBe(0o775);
    await run(m, ['chmod', '-x', '/w/f']);
    expect(mode('/w/f')).toBe(0o664);
    await run(m, ['chmod', '-R', 'go-rwx', '/w/d']);
    expect([mode('/w/d'), mode('/w/d/x')]).toEqual([0o700, 0o600]);
    expect((await run(m, ['chmod', 'xyz', '/w/f'])).stderr).toBe("chmod: invalid mode: ‘xyz’\nTry 'chmod --help' for more information.\n");
    expect((await run(m, ['chmod', '644', 'nofile'])).stderr).toBe("chmod: cannot access 'nofile': No such file or directory\n");
    expect((await run(m, ['chmod', '644'])).stderr).toBe("chmod: missing operand after ‘644’\nTry 'chmod --help' for more information.\n");
  });
  it('names and numbers', async () => {
    const m = machine({ '/w/f': '' });
    await run(m, ['chown', 'node:staff', '/w/f']);
    expect(m.fs.stat('/w/f')).toMatchObject({ uid: 1000, gid: 50 });
    await run(m, ['chown', '1234:5678', '/w/f']);
    expect(m.fs.stat('/w/f')).toMatchObject({ uid: 1234, gid: 5678 });
    await run(m, ['chown', 'root:', '/w/f']);
    expect(m.fs.stat('/w/f')).toMatchObject({ uid: 0, gid: 0 });
    expect((await run(m, ['chown', 'baduser', '/w/f'])).stderr).toBe('chown: invalid user: ‘baduser’\n');
    expect((await run(m, ['chown', ':badgroup', '/w/f'])).stderr).toBe('chown: invalid group: ‘:badgroup’\n');
  });
});

describe('cut, tee, basename, dirname', () => {
  it('cut fields and characters', async () => {
    expect((await sh(['cut', '-d:', '-f2'], { stdin: 'a:b:c\n' })).stdout).toBe('b\n');
    expect((await sh(['cut', '-d:', '-f1,3'], { stdin: 'a:b:c\n' })).stdout).toBe('a:c\n');
    expect((await sh(['cut', '-d:', '-f2-'], { stdin: 'a:b:c\n' })).stdout).toBe('b:c\n');
    expect((await sh(['cut', '-c2-4'], { stdin: 'abcdef\n' })).stdout).toBe('bcd\n');
    expect((await sh(['cut', '-d:', '-f2'], { stdin: 'a b\n' })).stdout).toBe('a b\n');
    expect((await sh(['cut', '-s', '-d:', '-f2'], { stdin: 'ab\na:b\n' })).stdout).toBe('b\n');
    expect((await sh(['cut'], { stdin: '' })).stderr).toBe("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    expect((await sh(['cut', '-f0'], { stdin: '' })).stderr).toBe("cut: fields are numbered from 1\nTry 'cut --help' for more information.\n");
  });
  it('tee copies stdin to files', async () => {
    const m = machine();
    expect(await run(m, ['tee', 'a', 'nodir/x'], { stdin: 'x\n' })).toEqual({ stdout: 'x\n', stderr: 'tee: nodir/x: No such file or directory\n', code: 1 });
    await run(m, ['tee', '-a', 'a'], { stdin: 'y\n' });
    expect(m.fs.readText('/root/a')).toBe('x\ny\n');
  });
  it('basename and dirname', async () => {
    expect((await sh(['basename', '/a/b/'])).stdout).toBe('b\n');
    expect((await sh(['basename', 'a.txt', '.txt'])).stdout).toBe('a\n');
    expect((await sh(['basename', '-s', '.c', 'a.c', 'b.c'])).stdout).toBe('a\nb\n');
    expect((await sh(['basename', 'a', 'b', 'c'])).stderr).toBe("basename: extra operand ‘c’\nTry 'basename --help' for more information.\n");
    expect((await sh(['dirname', 'a/b', '/c', 'd', '/'])).stdout).toBe('a\n/\n.\n/\n');
    expect((await sh(['dirname'])).stderr).toBe("dirname: missing operand\nTry 'dirname --help' for more information.\n");
  });
});

describe('find', () => {
  it('walks paths with -name, -type, -maxdepth', async () => {
    const m = machine({ '/w/rd/sub/f': '', '/w/gf': '', '/w/n': '' });
    const cwd = '/w';
    expect((await run(m, ['find'], { cwd })).stdout).toBe('.\n./gf\n./n\n./rd\n./rd/sub\n./rd/sub/f\n');
    expect((await run(m, ['find', '.', '-maxdepth', '1', '-type', 'd'], { cwd })).stdout).toBe('.\n./rd\n');
    expect((await run(m, ['find', 'rd'], { cwd })).stdout).toBe('rd\nrd/sub\nrd/sub/f\n');
    expect((await run(m, ['find', '.', '-name', 'g*', '-type', 'f'], { cwd })).stdout).toBe('./gf\n');
    expect((await run(m, ['find', '-iname', 'N'], { cwd })).stdout).toBe('./n\n');
    expect((await run(m, ['find', '.', '-name', 'n', '-o', '-name', 'gf'], { cwd })).stdout).toBe('./gf\n./n\n');
    expect((await run(m, ['find', '.', '!', '-type', 'd'], { cwd })).stdout).toBe('./gf\n./n\n./rd/sub/f\n');
    expect(await run(m, ['find', 'nofile'], { cwd })).toEqual({ stdout: '', stderr: 'find: ‘nofile’: No such file or directory\n', code: 1 });
    expect((await run(m, ['find', '.', '-nme', 'x'], { cwd })).stderr).toBe("find: unknown predicate `-nme'\n");
    expect((await run(m, ['find', '.', '-maxdepth', 'x'], { cwd })).stderr).toBe('find: Expected a positive decimal integer argument to -maxdepth, but got ‘x’\n');
    expect((await run(m, ['find', '.', '-type', 'z'], { cwd })).stderr).toBe('find: Unknown argument to -type: z\n');
  });

  it("-user and -group match owners by name or number; -exec ... {} + runs once over every match (the redis entrypoint's chown)", async () => {
    const m = machine({ '/w/a': '', '/w/b': '' });
    m.fs.chown('/w/b', 1000, 1000);
    const cwd = '/w';
    expect((await run(m, ['find', '.', '-user', 'node'], { cwd })).stdout).toBe('./b\n');
    expect((await run(m, ['find', '.', '!', '-user', '1000', '-type', 'f'], { cwd })).stdout).toBe('./a\n');
    expect((await run(m, ['find', '.', '-group', 'node'], { cwd })).stdout).toBe('./b\n');
    expect((await run(m, ['find', '.', '-user', 'nobody'], { cwd })).stderr).toBe('find: ‘nobody’ is not the name of a known user\n');
    expect((await run(m, ['find', '.', '-type', 'f', '-exec', 'echo', 'files:', '{}', '+'], { cwd })).stdout).toBe('files: ./a ./b\n');
  });
});

describe('xargs', () => {
  it('builds command lines from stdin and spawns them', async () => {
    expect((await sh(['xargs', 'echo'], { stdin: 'a b\nc\n' })).stdout).toBe('a b c\n');
    expect((await sh(['xargs', '-n', '2', 'echo'], { stdin: 'a b c\n' })).stdout).toBe('a b\nc\n');
    expect((await sh(['xargs', '-I{}', 'echo', 'x{}y'], { stdin: 'a\nb\n' })).stdout).toBe('xay\nxby\n');
    expect((await sh(['xargs', '-0', 'echo'], { stdin: 'a\0b c\0' })).stdout).toBe('a b c\n');
    expect((await sh(['xargs', 'echo', 'hi'], { stdin: '' })).stdout).toBe('hi\n');
    expect((await sh(['xargs', '-r', 'echo', 'hi'], { stdin: '' })).stdout).toBe('');
    expect((await sh(['xargs', '-n1'], { stdin: `'a b' "c d" e\\ f\n` })).stdout).toBe('a b\nc d\ne f\n');
    expect((await sh(['xargs', '-L1', 'echo'], { stdin: 'a\nb\n' })).stdout).toBe('a\nb\n');
  });
  it('exit statuses and errors as GNU', async () => {
    expect(await sh(['xargs', 'nope'], { stdin: 'a' })).toEqual({ stdout: '', stderr: 'xargs: nope: No such file or directory\n', code: 127 });
    expect((await sh(['xargs', 'false'], { stdin: 'a' })).code).toBe(123);
    expect(await sh(['xargs'], { stdin: "'a\n" })).toEqual({
      stdout: '',
      stderr: 'xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n',
      code: 1,
    });
  });
});

describe('identity, date, uname, clear', () => {
  it('whoami and id read /etc/passwd and /etc/group', async () => {
    expect((await sh(['whoami'])).stdout).toBe('root\n');
    expect((await sh(['whoami'], { uid: 1000 })).stdout).toBe('node\n');
    expect((await sh(['id'])).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect((await sh(['id', '-un'])).stdout).toBe('root\n');
    expect((await sh(['id', '-u', 'node'])).stdout).toBe('1000\n');
    expect((await sh(['id', 'nouser'])).stderr).toBe('id: ‘nouser’: no such user\n');
    expect((await sh(['whoami', 'x'])).stderr).toBe("whoami: extra operand ‘x’\nTry 'whoami --help' for more information.\n");
  });
  it('date formats the virtual clock in UTC', async () => {
    expect((await sh(['date'])).stdout).toBe('Mon Jan  6 09:00:00 UTC 2025\n');
    expect((await sh(['date', '-d', '@0'])).stdout).toBe('Thu Jan  1 00:00:00 UTC 1970\n');
    expect((await sh(['date', '+%s', '-d', '@5'])).stdout).toBe('5\n');
    expect((await sh(['date', '+%-d|%_H|%e|%N|%3N|%:z|%z|%^a|%j|%U|%W|%V|%G|%c|%x|%+', '-d', '@0'])).stdout).toBe(
      '1| 0| 1|000000000|000|+00:00|+0000|THU|001|00|00|01|1970|Thu Jan  1 00:00:00 1970|01/01/70|%+\n',
    );
    expect((await sh(['date', '+%F %T'])).stdout).toBe('2025-01-06 09:00:00\n');
    expect((await sh(['date', '-d', 'bad'])).stderr).toBe('date: invalid date ‘bad’\n');
  });
  it('uname, hostname, clear', async () => {
    expect((await sh(['uname'])).stdout).toBe('Linux\n');
    expect((await sh(['uname', '-n'])).stdout).toBe('dockyard\n');
    expect((await sh(['uname', '-a'])).stdout).toMatch(/^Linux dockyard \S+ #\d+\S* .* x86_64 GNU\/Linux\n$/);
    expect((await sh(['uname', '-x'])).stderr).toBe("uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n");
    expect((await sh(['hostname'])).stdout).toBe('dockyard\n');
    expect((await sh(['clear'])).stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
  });
});
