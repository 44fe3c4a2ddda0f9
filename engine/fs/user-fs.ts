import { dirname } from './path.ts';
import type { DirEntry, Entry, Fs, Stat } from './types.ts';

/**
 * The filesystem as one user's processes see it: what they create belongs to them, as on Linux, where a new file
 * takes the creating process's uid and gid. Everything else goes straight to the shared filesystem underneath.
 */
export function asUser(fs: Fs, uid: number, gid: number): Fs {
  if (uid === 0 && gid === 0) return fs;
  return new UserFs(fs, uid, gid);
}

class UserFs implements Fs {
  constructor(
    private readonly inner: Fs,
    private readonly uid: number,
    private readonly gid: number,
  ) {}

  get root(): DirEntry {
    return this.inner.root;
  }

  stat(path: string): Stat {
    return this.inner.stat(path);
  }
  lstat(path: string): Stat {
    return this.inner.lstat(path);
  }
  exists(path: string): boolean {
    return this.inner.exists(path);
  }
  entry(path: string, follow?: boolean): Entry {
    return this.inner.entry(path, follow);
  }
  readFile(path: string): Uint8Array {
    return this.inner.readFile(path);
  }
  readText(path: string): string {
    return this.inner.readText(path);
  }
  readdir(path: string): string[] {
    return this.inner.readdir(path);
  }
  readlink(path: string): string {
    return this.inner.readlink(path);
  }
  realpath(path: string): string {
    return this.inner.realpath(path);
  }

  writeFile(path: string, data: Uint8Array | string, options: { append?: boolean; mode?: number; uid?: number; gid?: number } = {}): void {
    this.inner.writeFile(path, data, { uid: this.uid, gid: this.gid, ...options });
  }

  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void {
    // Note which directories are missing first: only those become ours.
    const missing: string[] = [];
    for (let p = path; p !== '/' && !this.inner.exists(p); p = dirname(p)) missing.push(p);
    this.inner.mkdir(path, options);
    for (const p of missing) if (this.inner.exists(p)) this.inner.chown(p, this.uid, this.gid);
  }

  symlink(target: string, path: string): void {
    this.inner.symlink(target, path);
  }
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): void {
    this.inner.rm(path, options);
  }
  rename(from: string, to: string): void {
    this.inner.rename(from, to);
  }
  chmod(path: string, mode: number): void {
    this.inner.chmod(path, mode);
  }
  chown(path: string, uid: number, gid: number): void {
    this.inner.chown(path, uid, gid);
  }
  utimes(path: string, mtime: number): void {
    this.inner.utimes(path, mtime);
  }
  putEntry(path: string, entry: Entry): void {
    this.inner.putEntry(path, entry);
  }
}
