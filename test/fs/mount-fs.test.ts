import { describe, expect, it } from 'vitest';
import { MountedFs } from '../../engine/fs/mount-fs.ts';
import { TreeFs } from '../../engine/fs/tree-fs.ts';
import { FsError } from '../../engine/fs/types.ts';

function setup(readOnly = false) {
  const rootfs = new TreeFs();
  rootfs.mkdir('/etc');
  rootfs.writeFile('/etc/hostname', 'ctr\n');
  rootfs.mkdir('/data/db', { recursive: true });
  rootfs.writeFile('/data/db/hidden', 'image file under the mountpoint');
  rootfs.writeFile('/data/keep', 'x');
  const volume = new TreeFs();
  const host = new TreeFs();
  host.mkdir('/home/student/project', { recursive: true });
  host.writeFile('/home/student/project/app.js', 'console.log(1)');
  const fs = new MountedFs(rootfs, [
    { target: '/data/db', fs: volume, base: '/', readOnly },
    { target: '/app', fs: host, base: '/home/student/project', readOnly: false },
  ]);
  return { rootfs, volume, host, fs };
}

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof FsError) return `${e.code} ${e.path}`;
    throw e;
  }
  return undefined;
}

describe('MountedFs', () => {
  it('writes under a mount change the mount, never the root filesystem, and hide what the image had there', () => {
    const { rootfs, volume, fs } = setup();
    expect(fs.readdir('/data/db')).toEqual([]);
    fs.writeFile('/data/db/collection-0.wt', 'doc');
    expect(volume.readText('/collection-0.wt')).toBe('doc');
    expect(rootfs.exists('/data/db/collection-0.wt')).toBe(false);
    expect(fs.root).toBe(rootfs.root);
  });

  it('a bind mount shows the host directory both ways', () => {
    const { host, fs } = setup();
    expect(fs.readText('/app/app.js')).toBe('console.log(1)');
    fs.writeFile('/app/new.txt', 'from the container');
    expect(host.readText('/home/student/project/new.txt')).toBe('from the container');
    host.writeFile('/home/student/project/app.js', 'edited');
    expect(fs.readText('/app/app.js')).toBe('edited');
  });

  it('walks symlinks and .. across mount boundaries as the kernel does', () => {
    const { volume, fs } = setup();
    volume.symlink('/etc/hostname', '/link');
    expect(fs.readText('/data/db/link')).toBe('ctr\n');
    expect(fs.readText('/data/db/../keep')).toBe('x');
    expect(fs.realpath('/data/db/link')).toBe('/etc/hostname');
    expect(fs.lstat('/data/db/link').type).toBe('symlink');
  });

  it('refuses writes to a read-only mount and renames across mounts', () => {
    const { fs } = setup(true);
    expect(code(() => fs.writeFile('/data/db/x', 'y'))).toBe('EROFS /data/db/x');
    expect(code(() => fs.mkdir('/data/db/d'))).toBe('EROFS /data/db/d');
    expect(code(() => fs.rename('/data/keep', '/app/keep'))).toBe('EXDEV /data/keep');
  });

  it('names the path the program used in errors, not the path inside the mount', () => {
    const { fs } = setup();
    expect(code(() => fs.readFile('/app/missing.js'))).toBe('ENOENT /app/missing.js');
  });

  it('rm -r over a mountpoint empties the mount, removes what is around it, and reports it busy', () => {
    const { rootfs, volume, fs } = setup();
    fs.writeFile('/data/db/a', '1');
    expect(code(() => fs.rm('/data', { recursive: true }))).toBe('EBUSY /data/db');
    expect(volume.readdir('/')).toEqual([]);
    expect(rootfs.readdir('/data')).toEqual(['db']);
    expect(code(() => fs.rm('/data/db', { recursive: true }))).toBe('EBUSY /data/db');
  });

  it('mkdir -p crosses into a mount', () => {
    const { volume, fs } = setup();
    fs.mkdir('/data/db/journal/x', { recursive: true });
    expect(volume.stat('/journal/x').type).toBe('dir');
  });
});
