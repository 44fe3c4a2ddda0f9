import { dirname, join, normalize, resolvePath } from '../../fs/path.ts';
import { sortedNames } from '../../fs/tree.ts';
import type { DirEntry } from '../../fs/types.ts';
import { containsWildcards, match } from './glob.ts';
import { resolveInRoot } from './resolve.ts';

/**
 * BuildKit sends only the part of the build context the Dockerfile reads: the dockerfile frontend collects the
 * context paths of COPY/ADD sources (and RUN --mount binds) and asks for them as FollowPaths; the client then
 * also sends what symlinks on those paths point to (fsutil FollowLinks).
 */

/**
 * dockerfile2llb's normalizeContextPaths: the FollowPaths for the sources read from the context, or undefined
 * (send everything) when one of them is the context root itself (`COPY . .`) or there are none.
 */
export function contextFollowPaths(sources: Iterable<string>): string[] | undefined {
  const out = new Set<string>();
  for (const src of sources) {
    const p = resolvePath('/', src);
    if (p === '/') return undefined;
    out.add(p.slice(1));
  }
  return out.size === 0 ? undefined : [...out].sort();
}

/**
 * fsutil FollowLinks over a tree: each path, plus the targets of symlinks met on the way (their own symlinks
 * followed in turn), sorted, with paths below another one dropped. Undefined means no filter (the root itself was
 * named). A wildcard segment stays a pattern; symlinks it matches add their targets.
 */
export function followLinks(root: DirEntry, paths: readonly string[]): string[] | undefined {
  const resolved = new Set<string>();
  const append = (p: string): void => {
    const parts = normalize(p).split('/');
    let current = '.';
    for (let i = 0; i < parts.length; i++) {
      current = current === '.' ? parts[i]! : join(current, parts[i]!);
      const rest = parts.slice(i + 1).join('/');
      const targets = readSymlink(root, current, true);
      if ((rest === '' || targets !== undefined) && resolved.has(current)) return;
      if (targets !== undefined) {
        resolved.add(current);
        for (const t of targets) append(rest === '' ? t : join(t, rest));
        return;
      }
      if (rest === '') {
        resolved.add(current);
        return;
      }
    }
  };
  for (const p of paths) append(p);
  return dedupePaths([...resolved].sort());
}

/** The targets (relative to the root) of the symlink at `p`, or of the symlinks a wildcard last segment matches. */
function readSymlink(root: DirEntry, p: string, allowWildcard: boolean): string[] | undefined {
  const slash = p.lastIndexOf('/');
  const base = p.slice(slash + 1);
  if (allowWildcard && containsWildcards(base)) {
    const dir = resolveInRoot(root, dirname(p), true).entry;
    if (dir?.type !== 'dir') return undefined;
    let out: string[] | undefined;
    for (const name of sortedNames(dir)) {
      if (!safeMatch(base, name)) continue;
      const targets = readSymlink(root, slash < 0 ? name : `${p.slice(0, slash)}/${name}`, false);
      if (targets) (out ??= []).push(...targets);
    }
    return out;
  }
  const e = resolveInRoot(root, p, false).entry;
  if (e?.type !== 'symlink') return undefined;
  // fsutil makes targets absolute (`/dir/target`); walked paths have no leading slash, so it is dropped here.
  const target = e.target.startsWith('/') ? normalize(e.target) : resolvePath('/', join(dirname(p), e.target));
  return [target === '/' ? '.' : target.slice(1)];
}

/** filepath.Match with its error ignored, as fsutil does here. */
function safeMatch(pattern: string, name: string): boolean {
  try {
    return match(pattern, name);
  } catch {
    return false;
  }
}

/** fsutil dedupePaths over a sorted list: the root means no filter; a path below the previous one adds nothing. */
function dedupePaths(sorted: readonly string[]): string[] | undefined {
  const out: string[] = [];
  let last: string | undefined;
  for (const s of sorted) {
    if (s === '.') return undefined;
    if (last !== undefined && s.startsWith(last + '/')) continue;
    out.push(s);
    last = s;
  }
  return out;
}
