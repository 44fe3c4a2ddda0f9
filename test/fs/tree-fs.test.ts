import { beforeEach, describe, expect, it } from 'vitest';
import { syntheticContent } from '../../engine/fs/content.ts';
import { makeDir, makeFile } from '../../engine/fs/tree.ts';
import { TreeFs } from '../../engine/fs/tree-fs.ts';
import { FsError } from '../../engine/fs/types.ts';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return 'ok';
}

describe('TreeFs', () => {
  let now = 100;
  let fs: TreeFs;
  beforeEach(() => {
    now = 100;
    fs = new TreeFs(undefined, () => now);
    fs.mkdir('/etc');
    fs.writeFile('/etc/hosts', '127.0.0.1 localhost\n');
    fs.mkdir('/usr/local/bin', { recursive: true });
    fs.writeFile('/usr/local/bin/tool', 'x', { mode: 0o755 });
  });

  it('writes, reads, appends and stats files', () => {
    expect(fs.readText('/etc/hosts')).toBe('127.0.0.1 localhost\n');
    fs.writeFile('/etc/hosts', '::1 localhost\n', { append: true });
    expect(fs.readText('/etc/hosts')).toBe('127.0.0.1 localhost\n::1 localhost\n');
    const st = fs.stat('/etc/hosts');
    expect(st).toMatchObject({ type: 'file', size: 34, mode: 0o644, uid: 0, gid: 0, mtime: 100 });
    expect(fs.stat('/usr/local/bin/tool').mode).toBe(0o755);
    expect(fs.stat('/etc').type).toBe('dir');
    expect(fs.stat('/etc').size).toBe(4096);
  });

  it('keeps mode and owner when overwriting, and copies written bytes', () => {
    fs.writeFile('/f', 'a', { mode: 0o600, uid: 1000, gid: 1000 });
    fs.writeFile('/f', 'b', { mode: 0o777 });
    expect(fs.stat('/f')).toMatchObject({ mode: 0o600, uid: 1000, gid: 1000 });
    const data = new Uint8Array([1, 2, 3]);
    fs.writeFile('/g', data);
    data[0] = 9;
    expect([...fs.readFile('/g')]).toEqual([1, 2, 3]);
    fs.readFile('/g')[1] = 9;
    expect([...fs.readFile('/g')]).toEqual([1, 2, 3]);
  });

  it('reads synthetic content', () => {
    fs.putEntry('/big', makeFile(syntheticContent('seed', 100_000)));
    expect(fs.stat('/big').size).toBe(100_000);
    expect(fs.readFile('/big').length).toBe(100_000);
    fs.writeFile('/big', 'tail', { append: true });
    expect(fs.stat('/big').size).toBe(100_004);
  });

  it('gives Linux errors', () => {
    expect(code(() => fs.readFile('/nope'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/etc'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/etc', 'x'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/no/such', 'x'))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/etc/hosts/x', 'x'))).toBe('ENOTDIR');
    expect(code(() => fs.stat('/etc/hosts/'))).toBe('ENOTDIR');
    expect(code(() => fs.readdir('/etc/hosts'))).toBe('ENOTDIR');
    expect(code(() => fs.mkdir('/etc'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/a/b'))).toBe('ENOENT');
    expect(code(() => fs.mkdir('/etc/hosts', { recursive: true }))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/etc/hosts/x', { recursive: true }))).toBe('ENOTDIR');
    expect(code(() => fs.rm('/etc'))).toBe('EISDIR');
    expect(code(() => fs.rm('/nope'))).toBe('ENOENT');
    expect(code(() => fs.rm('/nope', { force: true }))).toBe('ok');
    expect(code(() => fs.rm('/nope/deeper', { force: true }))).toBe('ok');
    expect(code(() => fs.rmdir('/usr'))).toBe('ENOTEMPTY');
    expect(code(() => fs.readlink('/etc/hosts'))).toBe('EINVAL');
    expect(code(() => fs.rm('/', { recursive: true }))).toBe('EBUSY');
    const err = (() => {
      try {
        fs.readFile('/missing');
      } catch (e) {
        return e as FsError;
      }
    })();
    expect(err?.path).toBe('/missing');
    expect(err?.text).toBe('No such file or directory');
  });

  it('mkdir -p creates every missing level and accepts existing dirs', () => {
    fs.mkdir('/a/b/c', { recursive: true, mode: 0o700 });
    expect(fs.stat('/a/b/c').mode).toBe(0o700);
    expect(code(() => fs.mkdir('/a/b', { recursive: true }))).toBe('ok');
    expect(fs.readdir('/a')).toEqual(['b']);
  });

  it('readdir sorts by bytes', () => {
    for (const n of ['b', 'B', 'a', '_x', '.hidden']) fs.writeFile(`/etc/${n}`, '');
    expect(fs.readdir('/etc')).toEqual(['.hidden', 'B', '_x', 'a', 'b', 'hosts']);
  });

  it('rm -r removes trees, and the parent mtime moves', () => {
    now = 200;
    fs.rm('/usr', { recursive: true });
    expect(fs.exists('/usr')).toBe(false);
    expect(fs.stat('/').mtime).toBe(200);
  });

  it('updates parent mtime on create but not on overwrite', () => {
    now = 150;
    fs.writeFile('/etc/hosts', 'new');
    expect(fs.stat('/etc').mtime).toBe(100);
    expect(fs.stat('/etc/hosts').mtime).toBe(150);
    now = 160;
    fs.writeFile('/etc/passwd', 'root');
    expect(fs.stat('/etc').mtime).toBe(160);
  });

  it('follows symlinks like Linux', () => {
    fs.symlink('/usr/local', '/loc');
    fs.symlink('bin/tool', '/usr/local/t');
    fs.symlink('../../etc', '/usr/local/e');
    expect(fs.readText('/loc/bin/tool')).toBe('x');
    expect(fs.readText('/usr/local/t')).toBe('x');
    expect(fs.readText('/loc/t')).toBe('x');
    expect(fs.readdir('/usr/local/e')).toEqual(['hosts']);
    expect(fs.lstat('/loc').type).toBe('symlink');
    expect(fs.lstat('/loc').size).toBe('/usr/local'.length);
    expect(fs.stat('/loc').type).toBe('dir');
    expect(fs.readlink('/loc')).toBe('/usr/local');
    expect(fs.realpath('/loc/t')).toBe('/usr/local/bin/tool');
    expect(fs.realpath('/loc/e/')).toBe('/etc');
    // `..` after a symlink is physical: /loc/.. is /usr, not /.
    expect(fs.realpath('/loc/..')).toBe('/usr');
    expect(fs.entry('/loc', false).type).toBe('symlink');
    expect(fs.entry('/loc').type).toBe('dir');
  });

  it('writes through a dangling symlink, creating its target', () => {
    fs.symlink('/etc/new.conf', '/link');
    expect(fs.exists('/link')).toBe(false);
    fs.writeFile('/link', 'hi');
    expect(fs.readText('/etc/new.conf')).toBe('hi');
    expect(fs.lstat('/link').type).toBe('symlink');
  });

  it('rm removes the link, not its target', () => {
    fs.symlink('/etc', '/l');
    fs.rm('/l');
    expect(fs.exists('/etc/hosts')).toBe(true);
    expect(code(() => fs.lstat('/l'))).toBe('ENOENT');
  });

  it('detects symlink loops', () => {
    fs.symlink('/b', '/a');
    fs.symlink('/a', '/b');
    expect(code(() => fs.stat('/a'))).toBe('ELOOP');
    expect(fs.lstat('/a').type).toBe('symlink');
    fs.symlink('self/x', '/self');
    expect(code(() => fs.stat('/self'))).toBe('ELOOP');
    expect(fs.exists('/a')).toBe(false);
    // 40 links in a chain resolve, 41 do not.
    fs.writeFile('/target', 't');
    fs.symlink('/target', '/c0');
    for (let i = 1; i <= 40; i++) fs.symlink(`/c${i - 1}`, `/c${i}`);
    expect(fs.readText('/c39')).toBe('t');
    expect(code(() => fs.readText('/c40'))).toBe('ELOOP');
  });

  it('symlink refuses an existing name', () => {
    expect(code(() => fs.symlink('x', '/etc/hosts'))).toBe('EEXIST');
    expect(code(() => fs.readFile('/etc/hosts/..'))).toBe('ENOTDIR');
  });

  it('renames files and directories', () => {
    now = 300;
    fs.rename('/etc/hosts', '/etc/hosts.bak');
    expect(fs.readdir('/etc')).toEqual(['hosts.bak']);
    expect(fs.stat('/etc/hosts.bak').mtime).toBe(100);
    expect(fs.stat('/etc').mtime).toBe(300);
    fs.rename('/usr/local', '/opt');
    expect(fs.readText('/opt/bin/tool')).toBe('x');
    expect(fs.readdir('/usr')).toEqual([]);
    fs.writeFile('/f', '1');
    fs.writeFile('/g', '2');
    fs.rename('/f', '/g');
    expect(fs.readText('/g')).toBe('1');
    expect(fs.exists('/f')).toBe(false);
    fs.rename('/g', '/g');
    expect(fs.readText('/g')).toBe('1');
  });

  it('rename errors', () => {
    fs.mkdir('/d');
    fs.mkdir('/d/sub');
    expect(code(() => fs.rename('/d', '/d/sub/x'))).toBe('EINVAL');
    expect(code(() => fs.rename('/d', '/etc/hosts'))).toBe('ENOTDIR');
    expect(code(() => fs.rename('/etc/hosts', '/d'))).toBe('EISDIR');
    expect(code(() => fs.rename('/usr', '/d'))).toBe('ENOTEMPTY');
    expect(code(() => fs.rename('/nope', '/x'))).toBe('ENOENT');
    expect(code(() => fs.rename('/etc/hosts', '/nope/x'))).toBe('ENOENT');
    fs.mkdir('/empty');
    fs.rename('/d', '/empty');
    expect(fs.readdir('/empty')).toEqual(['sub']);
  });

  it('chmod, chown and utimes follow symlinks', () => {
    fs.symlink('/etc/hosts', '/h');
    fs.chmod('/h', 0o100600);
    fs.chown('/h', 1, 2);
    fs.utimes('/h', 42);
    expect(fs.stat('/etc/hosts')).toMatchObject({ mode: 0o600, uid: 1, gid: 2, mtime: 42 });
    expect(fs.lstat('/h')).toMatchObject({ mode: 0o777, uid: 0 });
    fs.chmod('/', 0o700);
    expect(fs.stat('/').mode).toBe(0o700);
  });

  it('putEntry places whole subtrees and can replace the root', () => {
    const tree = makeDir([['x', makeFile('1')]]);
    fs.putEntry('/etc/sub', tree);
    expect(fs.readText('/etc/sub/x')).toBe('1');
    expect(fs.entry('/etc/sub')).toBe(tree);
    fs.putEntry('/', makeDir([['only', makeFile('')]]));
    expect(fs.readdir('/')).toEqual(['only']);
  });

  it('tolerates unnormalized paths', () => {
    expect(fs.readText('//etc/./hosts')).toBe('127.0.0.1 localhost\n');
    expect(fs.readText('/usr/../etc/hosts')).toBe('127.0.0.1 localhost\n');
    expect(fs.readdir('/../..')).toEqual(['etc', 'usr']);
    fs.mkdir('/new/');
    expect(fs.stat('/new').type).toBe('dir');
  });

  it('never mutates old roots and shares untouched subtrees', () => {
    const before = fs.root;
    const usrBefore = before.children.get('usr');
    fs.writeFile('/etc/hosts', 'changed');
    expect(fs.root).not.toBe(before);
    expect(fs.root.children.get('usr')).toBe(usrBefore);
    const snap = new TreeFs(before);
    expect(snap.readText('/etc/hosts')).toBe('127.0.0.1 localhost\n');
  });

  it('changes its own new directories in place, but never a tree it has handed out', () => {
    // Writes into a directory reuse the map the last write made (a loop of touch stays linear); a root or a
    // directory entry read in between is a snapshot, which later writes must not reach.
    const fs = new TreeFs();
    fs.mkdir('/d');
    fs.writeFile('/d/a', '1');
    const before = fs.root;
    const dirBefore = fs.entry('/d');
    fs.writeFile('/d/b', '2');
    fs.writeFile('/d/c', '3');
    expect([...(before.children.get('d') as typeof before).children.keys()]).toEqual(['a']);
    expect([...(dirBefore as typeof before).children.keys()]).toEqual(['a']);
    // The same directory entry put at two paths: writing under one leaves the other as it was.
    fs.putEntry('/e', fs.entry('/d'));
    fs.writeFile('/e/x', 'x');
    fs.writeFile('/e/y', 'y');
    expect(fs.readdir('/d')).toEqual(['a', 'b', 'c']);
    expect(fs.readdir('/e')).toEqual(['a', 'b', 'c', 'x', 'y']);
    fs.rm('/e/a');
    expect(fs.readdir('/d')).toEqual(['a', 'b', 'c']);
  });
});
