import { readContent } from './content.ts';
import { segments } from './path.ts';
import { entrySize, makeDir, makeFile, makeSymlink, sortedNames, withChild, type OwnedMaps } from './tree.ts';
import { FsError } from './types.ts';
import type { DirEntry, Entry, FileContent, FileEntry, Fs, FsErrorCode, Stat } from './types.ts';

/** Linux's limit on symlinks followed while resolving one path (MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Where a path led: the physical (symlink-free) location and what is there, if anything. */
interface Found {
  /** Names from the root to the parent directory; the root itself has an empty `name` and no parent. */
  readonly parentPath: readonly string[];
  readonly parent: DirEntry | undefined;
  readonly name: string;
  readonly entry: Entry | undefined;
}

/**
 * The `Fs` over one immutable tree: each change builds a new root that shares everything off the changed spine
 * with the old one, so `fs.root` taken at any moment is a free snapshot. Path resolution follows Linux: symlinks in
 * intermediate components are always followed, `..` is taken physically (after symlinks), and the last component is
 * followed or not as the matching syscall does.
 */
export class TreeFs implements Fs {
  #root: DirEntry;
  readonly #clock: () => number;
  /**
   * Called after the tree changed (a write, a restore). The host's filesystem announces its changes through it, so
   * the editor follows a long command's writes; called once per change, so listeners should batch.
   */
  onChange: (() => void) | undefined;

  constructor(root: DirEntry = makeDir(), clock: () => number = () => 0) {
    this.#root = root;
    this.#clock = clock;
  }

  /**
   * Directory maps this fs made since its tree was last seen from outside (`root`, `entry`): it may change them in
   * place, since no snapshot and no other path holds them. Anything handed out is shared from then on.
   */
  #owned: OwnedMaps = new WeakSet();

  get root(): DirEntry {
    this.#owned = new WeakSet();
    return this.#root;
  }

  set root(next: DirEntry) {
    if (next === this.#root) return;
    this.#owned = new WeakSet();
    this.#root = next;
    this.onChange?.();
  }

  /** A new root made by this fs from its own: its owned maps stay owned. */
  #replaceRoot(next: DirEntry): void {
    if (next === this.#root) return;
    this.#root = next;
    this.onChange?.();
  }

  stat(path: string): Stat {
    return statOf(this.#existing(path, true, 'stat'));
  }

  lstat(path: string): Stat {
    return statOf(this.#existing(path, false, 'lstat'));
  }

  exists(path: string): boolean {
    try {
      return this.#walk(path, true, 'access').entry !== undefined;
    } catch (e) {
      if (e instanceof FsError) return false;
      throw e;
    }
  }

  entry(path: string, follow = true): Entry {
    const found = this.#existing(path, follow, follow ? 'stat' : 'lstat');
    // A directory handed out is shared from now on (a file or a link holds no map to change).
    if (found.type === 'dir') this.#owned = new WeakSet();
    return found;
  }

  readFile(path: string): Uint8Array {
    const content = this.fileContent(path);
    // A copy: the caller may scribble on it, and the stored bytes are shared by every snapshot.
    return content.kind === 'bytes' ? content.bytes.slice() : readContent(content);
  }

  fileContent(path: string): FileContent {
    const e = this.#existing(path, true, 'open');
    if (e.type === 'dir') throw new FsError('EISDIR', path, 'read');
    return (e as FileEntry).content;
  }

  readText(path: string): string {
    return decoder.decode(this.readFile(path));
  }

  writeFile(path: string, data: Uint8Array | string | FileContent, options: { append?: boolean; mode?: number; uid?: number; gid?: number } = {}): void {
    const f = this.#walk(path, true, 'open');
    const now = this.#clock();
    if (isContent(data)) {
      if (options.append) throw new FsError('EINVAL', path, 'write');
      if (f.entry?.type === 'dir') throw new FsError('EISDIR', path, 'open');
      const old = f.entry as FileEntry | undefined;
      const meta = old ?? { mode: (options.mode ?? 0o644) & 0o7777, uid: options.uid ?? 0, gid: options.gid ?? 0 };
      this.#put(f, makeFile(data, { mode: meta.mode, uid: meta.uid, gid: meta.gid, mtime: now }), old === undefined);
      return;
    }
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    if (f.entry === undefined) {
      // O_CREAT: mode only matters for a new file (umask 022 assumed by callers passing 0o644 defaults).
      const file = makeFile(bytes.slice(), { mode: (options.mode ?? 0o644) & 0o7777, uid: options.uid ?? 0, gid: options.gid ?? 0, mtime: now });
      this.#put(f, file, true);
      return;
    }
    if (f.entry.type === 'dir') throw new FsError('EISDIR', path, 'open');
    const old = f.entry as FileEntry;
    let content: Uint8Array;
    if (options.append) {
      const prev = readContent(old.content);
      content = new Uint8Array(prev.length + bytes.length);
      content.set(prev);
      content.set(bytes, prev.length);
    } else content = bytes.slice();
    this.#put(f, { ...old, content: { kind: 'bytes', bytes: content }, mtime: now }, false);
  }

  readdir(path: string): string[] {
    const e = this.#existing(path, true, 'scandir');
    if (e.type !== 'dir') throw new FsError('ENOTDIR', path, 'scandir');
    return sortedNames(e);
  }

  mkdir(path: string, options: { recursive?: boolean; mode?: number } = {}): void {
    const mode = (options.mode ?? 0o755) & 0o7777;
    if (!options.recursive) {
      const f = this.#walk(path, false, 'mkdir');
      if (f.entry !== undefined) throw new FsError('EEXIST', path, 'mkdir');
      this.#put(f, makeDir([], { mode, mtime: this.#clock() }), true);
      return;
    }
    const segs = segments(path);
    for (let i = 1; i <= segs.length; i++) {
      const prefix = '/' + segs.slice(0, i).join('/');
      const f = this.#walk(prefix, true, 'mkdir');
      if (f.entry === undefined) this.#put(f, makeDir([], { mode, mtime: this.#clock() }), true);
      else if (f.entry.type !== 'dir') throw new FsError(i === segs.length ? 'EEXIST' : 'ENOTDIR', path, 'mkdir');
    }
  }

  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    let f: Found;
    try {
      f = this.#walk(path, false, 'rm');
    } catch (e) {
      if (options.force && e instanceof FsError && e.code === 'ENOENT') return;
      throw e;
    }
    if (f.entry === undefined) {
      if (options.force) return;
      throw new FsError('ENOENT', path, 'rm');
    }
    if (f.parent === undefined) throw new FsError('EBUSY', path, 'rm');
    if (f.entry.type === 'dir' && !options.recursive) throw new FsError('EISDIR', path, 'rm');
    this.#put(f, undefined, true);
  }

  /** rmdir(2): only an empty directory. Not in `Fs` because `rm` covers the common cases. */
  rmdir(path: string): void {
    const f = this.#walk(path, false, 'rmdir');
    if (f.entry === undefined) throw new FsError('ENOENT', path, 'rmdir');
    if (f.entry.type !== 'dir') throw new FsError('ENOTDIR', path, 'rmdir');
    if (f.parent === undefined) throw new FsError('EBUSY', path, 'rmdir');
    if (f.entry.children.size > 0) throw new FsError('ENOTEMPTY', path, 'rmdir');
    this.#put(f, undefined, true);
  }

  rename(from: string, to: string): void {
    const src = this.#walk(from, false, 'rename');
    if (src.entry === undefined) throw new FsError('ENOENT', from, 'rename');
    if (src.parent === undefined) throw new FsError('EBUSY', from, 'rename');
    const dst = this.#walk(to, false, 'rename');
    const srcPath = [...src.parentPath, src.name];
    const dstPath = [...dst.parentPath, dst.name];
    if (dst.parent !== undefined && samePath(srcPath, dstPath)) return;
    if (src.entry.type === 'dir' && startsWith(dstPath, srcPath)) throw new FsError('EINVAL', from, 'rename');
    if (dst.entry !== undefined) {
      if (dst.parent === undefined) throw new FsError('EBUSY', to, 'rename');
      if (src.entry.type === 'dir') {
        if (dst.entry.type !== 'dir') throw new FsError('ENOTDIR', to, 'rename');
        if (dst.entry.children.size > 0) throw new FsError('ENOTEMPTY', to, 'rename');
      } else if (dst.entry.type === 'dir') throw new FsError('EISDIR', to, 'rename');
    }
    const moved = src.entry;
    this.#put(src, undefined, true);
    this.#put(dst, moved, true);
  }

  symlink(target: string, path: string): void {
    const f = this.#walk(path, false, 'symlink');
    if (f.entry !== undefined) throw new FsError('EEXIST', path, 'symlink');
    this.#put(f, makeSymlink(target, { mtime: this.#clock() }), true);
  }

  readlink(path: string): string {
    const e = this.#existing(path, false, 'readlink');
    if (e.type !== 'symlink') throw new FsError('EINVAL', path, 'readlink');
    return e.target;
  }

  realpath(path: string): string {
    const f = this.#walk(path, true, 'realpath');
    if (f.entry === undefined) throw new FsError('ENOENT', path, 'realpath');
    return f.parent === undefined ? '/' : '/' + [...f.parentPath, f.name].join('/');
  }

  chmod(path: string, mode: number): void {
    this.#modify(path, 'chmod', (e) => ({ ...e, mode: mode & 0o7777 }));
  }

  chown(path: string, uid: number, gid: number): void {
    this.#modify(path, 'chown', (e) => ({ ...e, uid, gid }));
  }

  utimes(path: string, mtime: number): void {
    this.#modify(path, 'utime', (e) => ({ ...e, mtime }));
  }

  putEntry(path: string, entry: Entry): void {
    const f = this.#walk(path, false, 'putEntry');
    if (f.parent === undefined) {
      if (entry.type !== 'dir') throw new FsError('EISDIR', path, 'putEntry');
      this.root = entry;
      return;
    }
    this.#put(f, entry, true);
  }

  #modify(path: string, syscall: string, change: (e: Entry) => Entry): void {
    const f = this.#walk(path, true, syscall);
    if (f.entry === undefined) throw new FsError('ENOENT', path, syscall);
    if (f.parent === undefined) this.#replaceRoot(change(f.entry) as DirEntry);
    else this.#put(f, change(f.entry), false);
  }

  #existing(path: string, follow: boolean, syscall: string): Entry {
    const f = this.#walk(path, follow, syscall);
    if (f.entry === undefined) throw new FsError('ENOENT', path, syscall);
    return f.entry;
  }

  /** Replaces (or removes) the entry at a found location; `touch` sets the parent's mtime as a create/unlink does. */
  #put(f: Found, entry: Entry | undefined, touch: boolean): void {
    const mtime = touch ? this.#clock() : undefined;
    const owned = this.#owned;
    this.#replaceRoot(rebuild(this.#root, f.parentPath, 0, (dir) => withChild(dir, f.name, entry, mtime, owned), owned));
  }

  /**
   * Resolves `path` the way the kernel's path walk does. A missing last component is not an error here (callers
   * that create things need its parent); a missing or non-directory intermediate one is.
   */
  #walk(path: string, followLast: boolean, syscall: string): Found {
    const fail = (code: FsErrorCode) => new FsError(code, path, syscall);
    const trailingSlash = path.length > 1 && path.endsWith('/');
    // Pending components, last one first, so symlink targets can be pushed in front cheaply.
    const pending = segments(path).reverse();
    const names: string[] = [];
    const dirs: DirEntry[] = [this.#root];
    let links = 0;
    while (pending.length > 0) {
      const name = pending.pop()!;
      const isLast = pending.length === 0;
      const cur = dirs[dirs.length - 1]!;
      if (name === '..') {
        if (dirs.length > 1) {
          dirs.pop();
          names.pop();
        }
        continue;
      }
      const child = cur.children.get(name);
      if (child === undefined) {
        if (isLast) return { parentPath: names, parent: cur, name, entry: undefined };
        throw fail('ENOENT');
      }
      if (child.type === 'symlink' && (!isLast || followLast || trailingSlash)) {
        if (++links > MAX_SYMLINKS) throw fail('ELOOP');
        if (child.target === '') throw fail('ENOENT');
        if (child.target.startsWith('/')) {
          dirs.length = 1;
          names.length = 0;
        }
        const targetSegs = segments(child.target);
        for (let i = targetSegs.length - 1; i >= 0; i--) pending.push(targetSegs[i]!);
        continue;
      }
      if (child.type === 'dir') {
        dirs.push(child);
        names.push(name);
        continue;
      }
      if (!isLast || trailingSlash) throw fail('ENOTDIR');
      return { parentPath: names, parent: cur, name, entry: child };
    }
    const top = dirs[dirs.length - 1]!;
    if (dirs.length === 1) return { parentPath: [], parent: undefined, name: '', entry: top };
    return { parentPath: names.slice(0, -1), parent: dirs[dirs.length - 2], name: names[names.length - 1]!, entry: top };
  }
}

function rebuild(dir: DirEntry, path: readonly string[], i: number, change: (d: DirEntry) => DirEntry, owned: OwnedMaps): DirEntry {
  if (i === path.length) return change(dir);
  const name = path[i]!;
  const child = dir.children.get(name);
  // The path came from a walk over this very root, so every component is a directory.
  if (child?.type !== 'dir') throw new Error(`internal: ${path.join('/')} is not a directory`);
  return withChild(dir, name, rebuild(child, path, i + 1, change, owned), undefined, owned);
}

function isContent(data: Uint8Array | string | FileContent): data is FileContent {
  return typeof data === 'object' && !(data instanceof Uint8Array);
}

export function statOf(e: Entry): Stat {
  return { type: e.type, size: entrySize(e), mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && startsWith(a, b);
}

function startsWith(p: readonly string[], prefix: readonly string[]): boolean {
  if (p.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (p[i] !== prefix[i]) return false;
  return true;
}
