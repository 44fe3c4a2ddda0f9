import { compareNames, resolvePath } from '../../fs/path.ts';
import type { Fs } from '../../fs/types.ts';
import { hasGlob, matchPattern, unescapePattern } from './pattern.ts';

/**
 * Pathname expansion against the process's filesystem. Results are sorted in byte order (the C locale, as in
 * containers), a leading dot must be matched explicitly, and a pattern ending in `/` matches directories only.
 */
export function glob(fs: Fs, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i, all) => s !== '' || i === all.length - 1);
  const dirOnly = pattern.endsWith('/');
  if (dirOnly) segments.pop();
  // Each candidate: the text shown to the user and the absolute path it names.
  let found: { shown: string; path: string }[] = [{ shown: absolute ? '/' : '', path: absolute ? '/' : cwd }];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    const next: { shown: string; path: string }[] = [];
    for (const f of found) {
      const join = (name: string) => ({ shown: f.shown === '' || f.shown.endsWith('/') ? f.shown + name : `${f.shown}/${name}`, path: resolvePath(f.path, name) });
      if (!hasGlob(seg)) {
        const c = join(unescapePattern(seg));
        if (exists(fs, c.path, !last || dirOnly)) next.push(c);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(f.path);
      } catch {
        continue;
      }
      const dotOk = seg.startsWith('.') || seg.startsWith('\\.');
      for (const name of [...names].sort(compareNames)) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!matchPattern(seg, name)) continue;
        const c = join(name);
        if (!last || dirOnly ? isDir(fs, c.path) : true) next.push(c);
      }
    }
    found = next;
    if (found.length === 0) return [];
  }
  return found.map((f) => (dirOnly ? f.shown + '/' : f.shown)).sort(compareNames);
}

function exists(fs: Fs, path: string, mustBeDir: boolean): boolean {
  return mustBeDir ? isDir(fs, path) : fs.exists(path) || isSymlink(fs, path);
}

function isDir(fs: Fs, path: string): boolean {
  try {
    return fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

function isSymlink(fs: Fs, path: string): boolean {
  try {
    return fs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}
