import { dirname, normalize } from './path.ts';
import { FsError, type DirEntry, type Entry, type FileContent, type Fs, type Stat } from './types.ts';

/** Who a process runs as: its uid, primary gid and supplementary groups. */
export interface Credentials {
  readonly uid: number;
  readonly gid: number;
  readonly groups?: readonly number[];
}

const R = 4;
const W = 2;
const X = 1;

/**
 * The filesystem as one user's processes see it, with Linux's permission rules: what they create belongs to them,
 * reading needs `r`, writing `w`, every directory on the way needs `x`, creating or removing a name needs `w` on
 * its directory (and in a sticky directory such as /tmp, only the owner may remove), only the owner may chmod and
 * only root may chown. Root (uid 0) bypasses all of it, as on Linux.
 */
export function asUser(fs: Fs, creds: Credentials): Fs {
  return creds.uid === 0 ? fs : new UserFs(fs, creds);
}

class UserFs implements Fs {
  readonly #groups: ReadonlySet<number>;

  constructor(
    private readonly inner: Fs,
    private readonly creds: Credentials,
  ) {
    this.#groups = new Set([creds.gid, ...(creds.groups ?? [])]);
  }

  get root(): DirEntry {
    return this.inner.root;
  }

  stat(path: string): Stat {
    this.#search(path, 'stat');
    return this.inner.stat(path);
  }
  lstat(path: string): Stat {
    this.#search(path, 'lstat');
    return this.inner.lstat(path);
  }
  exists(path: string): boolean {
    return this.inner.exists(path);
  }
  entry(path: string, follow?: boolean): Entry {
    this.#search(path, 'stat');
    return this.inner.entry(path, follow);
  }
  readFile(path: string): Uint8Array {
    this.#need(path, R, 'open');
    return this.inner.readFile(path);
  }
  fileContent(path: string): FileContent {
    this.#need(path, R, 'open');
    return this.inner.fileContent(path);
  }
  readText(path: string): string {
    this.#need(path, R, 'open');
    return this.inner.readText(path);
  }
  readdir(path: string): string[] {
    this.#need(path, R, 'opendir');
    return this.inner.readdir(path);
  }
  readlink(path: string): string {
    this.#search(path, 'readlink');
    return this.inner.readlink(path);
  }
  realpath(path: string): string {
    return this.inner.realpath(path);
  }

  writeFile(path: string, data: Uint8Array | string, options: { append?: boolean; mode?: number; uid?: number; gid?: number } = {}): void {
    if (this.inner.exists(path)) this.#need(path, W, 'open');
    else this.#needParent(path, 'open');
    this.inner.writeFile(path, data, { uid: this.creds.uid, gid: this.creds.gid, ...options });
  }

  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void {
    // Only the directories missing beforehand are created, so only they become ours.
    const missing: string[] = [];
    for (let p = normalize(path); p !== '/' && !this.inner.exists(p); p = dirname(p)) {
      missing.push(p);
      if (!options?.recursive) break;
    }
    const outermost = missing.at(-1);
    if (outermost !== undefined) this.#needParent(outermost, 'mkdir');
    this.inner.mkdir(path, options);
    for (const p of missing) if (this.inner.exists(p)) this.inner.chown(p, this.creds.uid, this.creds.gid);
  }

  symlink(target: string, path: string): void {
    this.#needParent(path, 'symlink');
    this.inner.symlink(target, path);
  }
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): void {
    if (this.inner.exists(path) || this.#lexists(path)) this.#needRemovable(path, 'unlink');
    this.inner.rm(path, options);
  }
  rename(from: string, to: string): void {
    this.#needRemovable(from, 'rename');
    this.#needParent(to, 'rename');
    this.inner.rename(from, to);
  }
  chmod(path: string, mode: number): void {
    this.#needOwner(path, 'chmod');
    this.inner.chmod(path, mode);
  }
  chown(path: string, uid: number, gid: number): void {
    const st = this.stat(path);
    // An unprivileged user may only "change" to what already is, or give a file they own to one of their groups.
    if (uid !== st.uid || st.uid !== this.creds.uid || !this.#groups.has(gid)) throw new FsError('EPERM', path, 'chown');
    this.inner.chown(path, uid, gid);
  }
  utimes(path: string, mtime: number): void {
    this.#need(path, W, 'utime');
    this.inner.utimes(path, mtime);
  }
  putEntry(path: string, entry: Entry): void {
    if (this.inner.exists(path)) this.#needRemovable(path, 'open');
    else this.#needParent(path, 'open');
    this.inner.putEntry(path, entry);
  }

  /** The permission bits this user gets on an entry: owner's, group's or others'. */
  #bits(st: Stat): number {
    if (st.uid === this.creds.uid) return (st.mode >> 6) & 7;
    if (this.#groups.has(st.gid)) return (st.mode >> 3) & 7;
    return st.mode & 7;
  }

  /** `x` on every directory from the root down to the parent of `path`. */
  #search(path: string, syscall: string): void {
    const parts = normalize(path).split('/').filter(Boolean);
    let dir = '';
    for (let i = 0; i < parts.length - 1; i++) {
      dir += '/' + parts[i];
      let st: Stat;
      try {
        st = this.inner.stat(dir);
      } catch {
        return; // Missing or not a directory: the real call reports that itself.
      }
      if (st.type === 'dir' && (this.#bits(st) & X) === 0) throw new FsError('EACCES', path, syscall);
    }
  }

  #need(path: string, bits: number, syscall: string): void {
    this.#search(path, syscall);
    let st: Stat;
    try {
      st = this.inner.stat(path);
    } catch {
      return;
    }
    if ((this.#bits(st) & bits) !== bits) throw new FsError('EACCES', path, syscall);
  }

  #needParent(path: string, syscall: string): void {
    const parent = dirname(normalize(path));
    this.#search(path, syscall);
    let st: Stat;
    try {
      st = this.inner.stat(parent);
    } catch {
      return;
    }
    if ((this.#bits(st) & (W | X)) !== (W | X)) throw new FsError('EACCES', path, syscall);
  }

  #needRemovable(path: string, syscall: string): void {
    this.#needParent(path, syscall);
    const parent = this.inner.stat(dirname(normalize(path)));
    const sticky = (parent.mode & 0o1000) !== 0;
    if (sticky && parent.uid !== this.creds.uid && this.inner.lstat(path).uid !== this.creds.uid) throw new FsError('EPERM', path, syscall);
  }

  #needOwner(path: string, syscall: string): void {
    if (this.stat(path).uid !== this.creds.uid) throw new FsError('EPERM', path, syscall);
  }

  #lexists(path: string): boolean {
    try {
      this.inner.lstat(path);
      return true;
    } catch {
      return false;
    }
  }
}
