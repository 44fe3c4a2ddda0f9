import { segments } from './path.ts';
import type { TreeFs } from './tree-fs.ts';
import { FsError } from './types.ts';
import type { DirEntry, Entry, FileContent, Fs, FsErrorCode, Stat } from './types.ts';

/** Linux's MAXSYMLINKS, as TreeFs uses it. */
const MAX_SYMLINKS = 40;

/** One mount in a container's mount table: what `target` shows is `base` inside `fs`. */
export interface Mount {
  /** Absolute path in the container (`/data/db`). */
  readonly target: string;
  /** The filesystem the mount shows: a volume's data, the host's (bind), a tmpfs. */
  readonly fs: Fs;
  /** The directory of `fs` shown at the target: `/` for a volume, the host directory for a bind mount. */
  readonly base: string;
  readonly readOnly: boolean;
}

interface Placed {
  readonly mount: Mount | undefined;
  readonly fs: Fs;
  /** The path inside the owner's filesystem. */
  readonly inner: string;
  /** The physical path in the container, symlink-free. */
  readonly path: string;
}

/**
 * A container's view of its filesystem: the root filesystem (image layers plus the writable layer) with mounts on
 * top, as the kernel's mount table shows it. Paths are walked here, one component at a time, so a symlink in a
 * volume pointing to `/etc` leads to the container's `/etc`, `..` from a mount's root leads to the mountpoint's
 * parent, and the directory under a mountpoint is hidden while the mount is there. Each operation then runs on the
 * filesystem that owns the path: writes under a mount change the volume or the host's directory, never the
 * writable layer.
 *
 * `root` is the root filesystem's tree alone: a container's changes (docker diff, commit, its writable layer) never
 * include what it wrote into its mounts.
 */
export class MountedFs implements Fs {
  readonly #rootfs: TreeFs;
  /** Deepest first, so the first prefix match is the mount that owns a path. */
  readonly #mounts: readonly Mount[];

  constructor(rootfs: TreeFs, mounts: readonly Mount[]) {
    this.#rootfs = rootfs;
    this.#mounts = [...mounts].sort((a, b) => segments(b.target).length - segments(a.target).length);
  }

  get root(): DirEntry {
    return this.#rootfs.root;
  }

  get mounts(): readonly Mount[] {
    return this.#mounts;
  }

  stat(path: string): Stat {
    return this.#read(path, true, 'stat', (p) => p.fs.stat(p.inner));
  }

  lstat(path: string): Stat {
    return this.#read(path, false, 'lstat', (p) => p.fs.lstat(p.inner));
  }

  exists(path: string): boolean {
    try {
      const p = this.#place(path, true, 'access');
      return p.fs.exists(p.inner);
    } catch (e) {
      if (e instanceof FsError) return false;
      throw e;
    }
  }

  entry(path: string, follow = true): Entry {
    return this.#read(path, follow, follow ? 'stat' : 'lstat', (p) => p.fs.entry(p.inner, false));
  }

  readFile(path: string): Uint8Array {
    return this.#read(path, true, 'open', (p) => p.fs.readFile(p.inner));
  }

  fileContent(path: string): FileContent {
    return this.#read(path, true, 'open', (p) => p.fs.fileContent(p.inner));
  }

  readText(path: string): string {
    return this.#read(path, true, 'open', (p) => p.fs.readText(p.inner));
  }

  readdir(path: string): string[] {
    return this.#read(path, true, 'scandir', (p) => p.fs.readdir(p.inner));
  }

  readlink(path: string): string {
    return this.#read(path, false, 'readlink', (p) => p.fs.readlink(p.inner));
  }

  realpath(path: string): string {
    return this.#read(path, true, 'realpath', (p) => {
      if (!p.fs.exists(p.inner)) throw new FsError('ENOENT', path, 'realpath');
      return p.path;
    });
  }

  writeFile(path: string, data: Uint8Array | string | FileContent, options?: { append?: boolean; mode?: number; uid?: number; gid?: number }): void {
    this.#write(path, true, 'open', (p) => p.fs.writeFile(p.inner, data, options));
  }

  mkdir(path: string, options: { recursive?: boolean; mode?: number } = {}): void {
    if (!options.recursive) return this.#write(path, false, 'mkdir', (p) => p.fs.mkdir(p.inner, options));
    // Component by component: the directories may cross into a mount.
    const segs = segments(path);
    for (let i = 1; i <= segs.length; i++) {
      const prefix = '/' + segs.slice(0, i).join('/');
      const p = this.#place(prefix, true, 'mkdir');
      if (!p.fs.exists(p.inner)) this.#write(prefix, false, 'mkdir', (q) => q.fs.mkdir(q.inner, { mode: options.mode ?? 0o755 }));
      else if (p.fs.stat(p.inner).type !== 'dir') throw new FsError(i === segs.length ? 'EEXIST' : 'ENOTDIR', path, 'mkdir');
    }
  }

  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    let p: Placed;
    try {
      p = this.#place(path, false, 'rm');
    } catch (e) {
      if (options.force && e instanceof FsError && e.code === 'ENOENT') return;
      throw e;
    }
    if (this.#isMountpoint(p.path)) throw new FsError('EBUSY', path, 'rm');
    const below = this.#mountsBelow(p.path);
    if (below.length === 0 || !options.recursive) return this.#write(path, false, 'rm', (q) => q.fs.rm(q.inner, options));
    // `rm -r` over mountpoints empties the mounts and everything around them; the mountpoints stay busy.
    for (const m of below) {
      if (m.readOnly) throw new FsError('EROFS', path, 'rm');
      for (const name of m.fs.readdir(m.base)) m.fs.rm(`${m.base === '/' ? '' : m.base}/${name}`, { recursive: true, force: true });
    }
    this.#removeAround(p.path, below.map((m) => m.target));
    throw new FsError('EBUSY', below[below.length - 1]!.target, 'rm');
  }

  rename(from: string, to: string): void {
    const src = this.#place(from, false, 'rename');
    const dst = this.#place(to, false, 'rename');
    if (this.#isMountpoint(src.path) || this.#isMountpoint(dst.path) || this.#mountsBelow(src.path).length > 0) throw new FsError('EBUSY', from, 'rename');
    if (src.mount !== dst.mount) throw new FsError('EXDEV', from, 'rename');
    if (src.mount?.readOnly) throw new FsError('EROFS', from, 'rename');
    this.#rethrow(from, 'rename', () => src.fs.rename(src.inner, dst.inner));
  }

  symlink(target: string, path: string): void {
    this.#write(path, false, 'symlink', (p) => p.fs.symlink(target, p.inner));
  }

  chmod(path: string, mode: number): void {
    this.#write(path, true, 'chmod', (p) => p.fs.chmod(p.inner, mode));
  }

  chown(path: string, uid: number, gid: number): void {
    this.#write(path, true, 'chown', (p) => p.fs.chown(p.inner, uid, gid));
  }

  utimes(path: string, mtime: number): void {
    this.#write(path, true, 'utime', (p) => p.fs.utimes(p.inner, mtime));
  }

  putEntry(path: string, entry: Entry): void {
    if (this.#isMountpoint(this.#place(path, false, 'putEntry').path)) throw new FsError('EBUSY', path, 'putEntry');
    this.#write(path, false, 'putEntry', (p) => p.fs.putEntry(p.inner, entry));
  }

  #read<T>(path: string, follow: boolean, syscall: string, op: (p: Placed) => T): T {
    const p = this.#place(path, follow, syscall);
    return this.#rethrow(path, syscall, () => op(p));
  }

  #write(path: string, follow: boolean, syscall: string, op: (p: Placed) => void): void {
    const p = this.#place(path, follow, syscall);
    if (p.mount?.readOnly) throw new FsError('EROFS', path, syscall);
    this.#rethrow(path, syscall, () => op(p));
  }

  /** Errors name the path the program used, not the path inside a volume or on the host. */
  #rethrow<T>(path: string, syscall: string, op: () => T): T {
    try {
      return op();
    } catch (e) {
      if (e instanceof FsError && e.path !== path) throw new FsError(e.code, path, e.syscall || syscall);
      throw e;
    }
  }

  /**
   * The kernel's path walk across mounts. The last component may be missing (creators need its parent); a missing
   * or non-directory intermediate component fails as it does on Linux.
   */
  #place(path: string, followLast: boolean, syscall: string): Placed {
    if (this.#mounts.length === 0) return { mount: undefined, fs: this.#rootfs, inner: path, path };
    const fail = (code: FsErrorCode) => new FsError(code, path, syscall);
    const trailingSlash = path.length > 1 && path.endsWith('/');
    const pending = segments(path).reverse();
    const cur: string[] = [];
    let links = 0;
    while (pending.length > 0) {
      const name = pending.pop()!;
      const isLast = pending.length === 0;
      if (name === '..') {
        cur.pop();
        continue;
      }
      const at = this.#owner([...cur, name]);
      let stat: Stat | undefined;
      try {
        stat = at.fs.lstat(at.inner);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        if (e.code !== 'ENOENT' || !isLast) throw fail(e.code);
      }
      if (stat === undefined) return at;
      if (stat.type === 'symlink' && (!isLast || followLast || trailingSlash)) {
        if (++links > MAX_SYMLINKS) throw fail('ELOOP');
        const target = at.fs.readlink(at.inner);
        if (target === '') throw fail('ENOENT');
        if (target.startsWith('/')) cur.length = 0;
        const segs = segments(target);
        for (let i = segs.length - 1; i >= 0; i--) pending.push(segs[i]!);
        continue;
      }
      if (stat.type !== 'dir' && (!isLast || trailingSlash)) throw fail('ENOTDIR');
      cur.push(name);
    }
    return this.#owner(cur);
  }

  #owner(names: readonly string[]): Placed {
    const path = '/' + names.join('/');
    for (const m of this.#mounts) {
      const t = segments(m.target);
      if (t.length > names.length || t.some((s, i) => names[i] !== s)) continue;
      const rest = names.slice(t.length).join('/');
      const inner = rest === '' ? m.base : `${m.base === '/' ? '' : m.base}/${rest}`;
      return { mount: m, fs: m.fs, inner, path };
    }
    return { mount: undefined, fs: this.#rootfs, inner: path, path };
  }

  #isMountpoint(path: string): boolean {
    return this.#mounts.some((m) => m.target === path);
  }

  #mountsBelow(path: string): Mount[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    return this.#mounts.filter((m) => m.target.startsWith(prefix));
  }

  /** Removes everything under `dir` in the root filesystem except the directories leading to `keep`. */
  #removeAround(dir: string, keep: readonly string[]): void {
    for (const name of this.#rootfs.readdir(dir)) {
      const child = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (keep.includes(child)) continue;
      if (keep.some((k) => k.startsWith(`${child}/`))) this.#removeAround(child, keep);
      else this.#rootfs.rm(child, { recursive: true, force: true });
    }
  }
}
