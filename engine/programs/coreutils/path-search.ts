import { resolvePath } from '../../fs/path.ts';
import type { Fs } from '../../fs/types.ts';

/** An executable regular file (after symlinks), as execvp and which require. */
export function isExecutable(fs: Fs, path: string): boolean {
  try {
    const st = fs.stat(path);
    return st.type === 'file' && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

export interface SearchIn {
  readonly fs: Fs;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

/** Every match for `name` along $PATH (a name with a slash is only checked as given). */
export function searchPath(where: SearchIn, name: string, all = false): string[] {
  if (name.includes('/')) return isExecutable(where.fs, resolvePath(where.cwd, name)) ? [name] : [];
  const found: string[] = [];
  for (const dir of (where.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(':')) {
    // An empty PATH entry means the current directory.
    const full = dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
    if (isExecutable(where.fs, resolvePath(where.cwd, full))) {
      found.push(full);
      if (!all) break;
    }
  }
  return found;
}
