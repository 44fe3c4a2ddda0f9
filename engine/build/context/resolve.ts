import { segments } from '../../fs/path.ts';
import type { DirEntry, Entry } from '../../fs/types.ts';

/**
 * A path looked up inside a root filesystem the way BuildKit does it for COPY (continuity's `fs.RootPath`,
 * filepath-securejoin): symlinks are followed inside the root, an absolute target starts again at the root and
 * `..` never climbs above it. A missing component ends the lookup and the rest of the path is kept as written.
 */

/** BuildKit's and securejoin's limit on links followed for one path. */
const MAX_SYMLINKS = 255;

export interface Resolved {
  /** The physical path as segments from the root (`[]` is the root itself). */
  readonly segments: readonly string[];
  /** What is there, or undefined when the path does not exist. */
  readonly entry: Entry | undefined;
}

export class TooManyLinksError extends Error {
  constructor(path: string) {
    super(`${path}: too many links`);
  }
}

/**
 * Resolves `path` in `root`. Symlinks in intermediate components are always followed; the last one only when
 * `followTrailing` is set (lstat-style otherwise).
 */
export function resolveInRoot(root: DirEntry, path: string, followTrailing: boolean): Resolved {
  const pending = segments(path).reverse();
  const names: string[] = [];
  const dirs: DirEntry[] = [root];
  let links = 0;
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (name === '..') {
      if (names.length > 0) {
        names.pop();
        dirs.pop();
      }
      continue;
    }
    const cur = dirs[dirs.length - 1]!;
    const child = cur.children.get(name);
    if (child === undefined) {
      return { segments: lexicalRest([...names, name], pending), entry: undefined };
    }
    const isLast = pending.length === 0;
    if (child.type === 'symlink' && (!isLast || followTrailing)) {
      if (++links > MAX_SYMLINKS) throw new TooManyLinksError(path);
      if (child.target.startsWith('/')) {
        names.length = 0;
        dirs.length = 1;
      }
      const target = segments(child.target);
      for (let i = target.length - 1; i >= 0; i--) pending.push(target[i]!);
      continue;
    }
    if (child.type === 'dir') {
      names.push(name);
      dirs.push(child);
      continue;
    }
    if (!isLast) {
      // A file in the middle of the path: nothing lies below it.
      return { segments: lexicalRest([...names, name], pending), entry: undefined };
    }
    return { segments: [...names, name], entry: child };
  }
  return { segments: names, entry: dirs[dirs.length - 1] };
}

/** `prefix` then the unresolved rest of the path, `..` applied lexically (never above the root). */
function lexicalRest(prefix: readonly string[], pendingReversed: readonly string[]): string[] {
  const out = [...prefix];
  for (let i = pendingReversed.length - 1; i >= 0; i--) {
    const s = pendingReversed[i]!;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out;
}

/** `/a/b` from segments. */
export function pathOf(segs: readonly string[]): string {
  return '/' + segs.join('/');
}
