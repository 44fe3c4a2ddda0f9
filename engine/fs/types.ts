/**
 * The shapes of the simulated filesystem. Trees are immutable values shared structurally; an `Fs` is a mutable
 * handle whose `root` is replaced by each change, so a snapshot of any filesystem is just its current root.
 */

/** File bytes, or a deterministic generator of `size` bytes (big base-image files cost no memory, digests stay true). */
export type FileContent =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | {
      readonly kind: 'synthetic';
      readonly size: number;
      /** The bytes are a pure function of (seed, size). */
      readonly seed: string;
      /** Set on executables that are a simulated program: the name it is registered under in engine/programs. */
      readonly program?: string;
    }
  | {
      /**
       * Bytes produced on demand by a pure generator (a `docker save` archive): a gigabyte-sized file costs nothing
       * until someone reads it, and every read gives the same bytes.
       */
      readonly kind: 'lazy';
      readonly size: number;
      /**
       * The bytes from offset `start` (0 by default) to the end. The producer knows its own layout, so what lies
       * before `start` is skipped, not produced: a reader can step over a gigabyte layer in a saved archive.
       */
      chunks(start?: number): Iterable<Uint8Array>;
      /**
       * Trees whose tars these bytes hold, keyed by the tar's digest (a layer's diffID), each stored as a member
       * named after that digest. The bytes are produced from exactly these trees, so a reader that wants the tree
       * back (docker load) may take it from here instead of reading and re-parsing the tar.
       */
      readonly trees?: ReadonlyMap<string, DirEntry>;
    };

export interface Meta {
  /** Permission bits and setuid/setgid/sticky (07777); the type lives in `Entry.type`. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Seconds since the Unix epoch (virtual clock). */
  readonly mtime: number;
}

export interface FileEntry extends Meta {
  readonly type: 'file';
  readonly content: FileContent;
}

export interface DirEntry extends Meta {
  readonly type: 'dir';
  /** Children by name. Never mutated once built. */
  readonly children: ReadonlyMap<string, Entry>;
  /** overlayfs opaque directory (`trusted.overlay.opaque=y`, `.wh..wh..opq` in a layer tar): hides lower layers. */
  readonly opaque?: boolean;
}

export interface SymlinkEntry extends Meta {
  readonly type: 'symlink';
  readonly target: string;
}

export type Entry = FileEntry | DirEntry | SymlinkEntry;

/** What `stat`/`lstat` report. */
export interface Stat extends Meta {
  readonly type: Entry['type'];
  readonly size: number;
}

/** errno-style failure; programs turn it into their own wording (`cat: x: No such file or directory`). */
export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'ELOOP' | 'EINVAL' | 'EACCES' | 'EROFS' | 'EXDEV' | 'EBUSY' | 'EPERM';

export class FsError extends Error {
  override readonly name = 'FsError';
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
    readonly syscall: string = '',
  ) {
    super(`${code}: ${FS_ERROR_TEXT[code]}, ${syscall ? syscall + ' ' : ''}'${path}'`);
  }

  /** The strerror text, as coreutils print it after the file name. */
  get text(): string {
    return FS_ERROR_TEXT[this.code];
  }
}

export const FS_ERROR_TEXT: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  EINVAL: 'Invalid argument',
  EACCES: 'Permission denied',
  EROFS: 'Read-only file system',
  EXDEV: 'Invalid cross-device link',
  EBUSY: 'Device or resource busy',
  EPERM: 'Operation not permitted',
};

/**
 * The synchronous filesystem API that programs (the shell, coreutils, servers) use. Paths are absolute; callers
 * resolve relative paths against their cwd first (`resolvePath` in engine/fs/path.ts). Everything is in memory, so
 * nothing here needs to be async.
 */
export interface Fs {
  /** The current tree; replaced (never mutated) by each change. */
  readonly root: DirEntry;
  stat(path: string): Stat;
  lstat(path: string): Stat;
  exists(path: string): boolean;
  /** The entry at `path`, following symlinks (lstat-style when `follow` is false). */
  entry(path: string, follow?: boolean): Entry;
  readFile(path: string): Uint8Array;
  /**
   * What `readFile` reads, as the stored content rather than bytes (the same checks and errors): a reader of a big
   * lazy or synthetic file can take it a piece at a time. Shared with every snapshot: never modify it.
   */
  fileContent(path: string): FileContent;
  readText(path: string): string;
  /** Writes bytes, text, or a ready-made content (for example lazy content); only bytes and text can be appended. */
  writeFile(path: string, data: Uint8Array | string | FileContent, options?: { append?: boolean; mode?: number; uid?: number; gid?: number }): void;
  readdir(path: string): string[];
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void;
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  realpath(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  utimes(path: string, mtime: number): void;
  /** Puts a whole entry (a subtree) at `path`, replacing what was there: `cp -r`, `docker cp`, COPY. */
  putEntry(path: string, entry: Entry): void;
}
