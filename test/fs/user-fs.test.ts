import { describe, expect, it } from 'vitest';
import { TreeFs } from '../../engine/fs/tree-fs.ts';
import { asUser } from '../../engine/fs/user-fs.ts';

function host() {
  const root = new TreeFs();
  root.mkdir('/etc');
  root.writeFile('/etc/passwd', 'root:x:0:0::/root:/bin/sh\n');
  root.writeFile('/etc/shadow', 'secret', { mode: 0o640, gid: 42 });
  root.mkdir('/root', { mode: 0o700 });
  root.writeFile('/root/notes', 'x');
  root.mkdir('/tmp', { mode: 0o1777 });
  root.writeFile('/tmp/roots-file', 'x', { mode: 0o666 });
  root.mkdir('/home/student', { recursive: true });
  root.chown('/home/student', 1000, 1000);
  return root;
}

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};

describe('asUser', () => {
  it('gives root the filesystem itself', () => {
    const fs = host();
    expect(asUser(fs, { uid: 0, gid: 0 })).toBe(fs);
  });

  it('makes what a user creates theirs', () => {
    const fs = asUser(host(), { uid: 1000, gid: 1000 });
    fs.writeFile('/home/student/a.txt', 'hi');
    fs.mkdir('/home/student/src/lib', { recursive: true });
    expect(fs.stat('/home/student/a.txt')).toMatchObject({ uid: 1000, gid: 1000 });
    expect(fs.stat('/home/student/src')).toMatchObject({ uid: 1000, gid: 1000 });
    expect(fs.stat('/home/student/src/lib')).toMatchObject({ uid: 1000, gid: 1000 });
    expect(fs.stat('/home/student')).toMatchObject({ uid: 1000 });
  });

  it('enforces read, write and search permissions', () => {
    const fs = asUser(host(), { uid: 1000, gid: 1000 });
    expect(code(() => fs.readFile('/etc/passwd'))).toBe('ok');
    expect(code(() => fs.readFile('/etc/shadow'))).toBe('EACCES');
    expect(code(() => fs.writeFile('/etc/passwd', 'x'))).toBe('EACCES');
    expect(code(() => fs.writeFile('/etc/motd', 'x'))).toBe('EACCES');
    expect(code(() => fs.readdir('/root'))).toBe('EACCES');
    expect(code(() => fs.readFile('/root/notes'))).toBe('EACCES');
    expect(code(() => fs.rm('/etc/passwd'))).toBe('EACCES');
    expect(code(() => fs.mkdir('/opt'))).toBe('EACCES');
  });

  it('lets a member of the file’s group read it', () => {
    const fs = asUser(host(), { uid: 1000, gid: 1000, groups: [42] });
    expect(code(() => fs.readFile('/etc/shadow'))).toBe('ok');
  });

  it('keeps the sticky /tmp: anyone may create, only the owner may remove', () => {
    const fs = asUser(host(), { uid: 1000, gid: 1000 });
    fs.writeFile('/tmp/mine', 'x');
    expect(code(() => fs.rm('/tmp/mine'))).toBe('ok');
    expect(code(() => fs.writeFile('/tmp/roots-file', 'y'))).toBe('ok');
    expect(code(() => fs.rm('/tmp/roots-file'))).toBe('EPERM');
  });

  it('lets only the owner chmod and nobody but root give files away', () => {
    const fs = asUser(host(), { uid: 1000, gid: 1000 });
    fs.writeFile('/home/student/f', 'x');
    expect(code(() => fs.chmod('/home/student/f', 0o600))).toBe('ok');
    expect(code(() => fs.chmod('/etc/passwd', 0o600))).toBe('EPERM');
    expect(code(() => fs.chown('/home/student/f', 0, 0))).toBe('EPERM');
  });
});
