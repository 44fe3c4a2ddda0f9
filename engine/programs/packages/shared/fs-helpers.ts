import { dirname } from '../../../fs/path.ts';
import { FsError, type FileContent, type Fs } from '../../../fs/types.ts';

/** Small filesystem conveniences the package managers share. */

export function readTextOr(fs: Fs, path: string, fallback: string): string {
  try {
    return fs.readText(path);
  } catch (e) {
    if (e instanceof FsError) return fallback;
    throw e;
  }
}

/** Writes a file, creating missing parent directories (0755) as an unpacking archive does. */
export function writeWithParents(fs: Fs, path: string, data: string | FileContent, mode = 0o644): void {
  fs.mkdir(dirname(path), { recursive: true });
  fs.writeFile(path, data, { mode });
}

/** A symlink, replacing whatever is at `path` (dpkg and apk overwrite their own links). */
export function linkWithParents(fs: Fs, target: string, path: string): void {
  fs.mkdir(dirname(path), { recursive: true });
  if (fs.exists(path) || isSymlink(fs, path)) fs.rm(path, { force: true });
  fs.symlink(target, path);
}

export function isSymlink(fs: Fs, path: string): boolean {
  try {
    return fs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}

/** Removes a path if it is there; a package manager cleaning up does not fail on what is already gone. */
export function removeIfPresent(fs: Fs, path: string, recursive = false): void {
  try {
    fs.lstat(path);
  } catch {
    return;
  }
  fs.rm(path, { recursive, force: true });
}

export function listDir(fs: Fs, path: string): string[] {
  try {
    return fs.readdir(path);
  } catch {
    return [];
  }
}

/** Removes now-empty directories from `path` upwards, stopping at `stop` (dpkg and apk tidy up as they remove). */
export function pruneEmptyDirs(fs: Fs, path: string, stop: ReadonlySet<string>): void {
  for (let dir = path; dir !== '/' && !stop.has(dir); dir = dirname(dir)) {
    if (listDir(fs, dir).length > 0) return;
    try {
      fs.rm(dir, { recursive: true });
    } catch {
      return;
    }
  }
}
