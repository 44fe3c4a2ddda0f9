import { join, resolvePath } from '../../fs/path.ts';
import type { Fs } from '../../fs/types.ts';

/** The part of the filesystem API that path completion reads. */
export type PathFs = Pick<Fs, 'readdir' | 'stat'>;

export interface PathQuery {
  readonly fs: PathFs;
  readonly cwd: string;
  readonly home: string;
  /** What the user typed so far, unquoted (`src/ma`, `~/pro`, `/etc/`). */
  readonly value: string;
  /** Only directories (`cd`, a build context). */
  readonly dirsOnly?: boolean;
  /** Only directories and files someone may execute (a command typed as a path). */
  readonly executables?: boolean;
}

/**
 * Paths that complete `value`, unquoted, each as typed so far plus the rest of the name; directories end with '/'.
 * Dotfiles only when the typed name starts with '.', as bash does.
 */
export function completePaths(q: PathQuery): string[] {
  const slash = q.value.lastIndexOf('/');
  const typedDir = q.value.slice(0, slash + 1);
  const prefix = q.value.slice(slash + 1);
  const dir = resolvePath(q.cwd, expandTilde(typedDir || '.', q.home));
  let names: string[];
  try {
    names = q.fs.readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    if (name.startsWith('.') && !prefix.startsWith('.')) continue;
    let isDir = false;
    let executable = true;
    try {
      const st = q.fs.stat(join(dir, name));
      isDir = st.type === 'dir';
      executable = (st.mode & 0o111) !== 0;
    } catch {
      // A dangling symlink completes as a file.
    }
    if (q.dirsOnly && !isDir) continue;
    if (q.executables && !isDir && !executable) continue;
    out.push(typedDir + name + (isDir ? '/' : ''));
  }
  return out.sort();
}

/** `~` and `~/x` name the home directory (other users' `~name` are left alone). */
export function expandTilde(path: string, home: string): string {
  if (path === '~' || path.startsWith('~/')) return home + path.slice(1);
  return path;
}
