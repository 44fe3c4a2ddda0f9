import { normalize, resolvePath } from '../../fs/path.ts';
import { sortedNames } from '../../fs/tree.ts';
import type { DirEntry, Entry } from '../../fs/types.ts';
import { BuildContextError } from './errors.ts';
import { containsWildcards, match } from './glob.ts';
import { PatternError, PatternMatcher } from './patternmatcher.ts';
import { pathOf, resolveInRoot, TooManyLinksError } from './resolve.ts';

/**
 * COPY/ADD sources resolved against a source root (the build context, another stage's rootfs, an image's rootfs),
 * as BuildKit's dockerfile frontend and file op (fsutil `copy`) do:
 * - a source is made absolute and cleaned (`path.Join("/", src)`): a leading `/`, `../` and a trailing `/` change
 *   nothing;
 * - wildcards are Go `filepath.Match` patterns; the part before the first wildcard segment is resolved (following
 *   symlinks), then the tree below it is walked, a matched directory is taken whole and not searched further;
 * - symlinks on the way to a source, and the source itself, are followed (COPY's FollowSymlinks); symlinks inside
 *   a copied directory stay symlinks;
 * - a missing plain source fails with `"/x": not found`; a wildcard that matches nothing selects nothing
 *   (AllowEmptyWildcard).
 */

export interface CopySource {
  /** The source as selected, absolute in the source root (wildcards expanded): `/package.json`. */
  readonly path: string;
  /** What is copied: the entry after following symlinks, with `--exclude`d entries already left out of it. */
  readonly entry: Entry;
  /** The name it takes inside a destination directory (the selected path's base name). */
  readonly name: string;
  /** Whether a wildcard selected it (BuildKit then checksums it by name, see checksum.ts). */
  readonly wildcard: boolean;
}

export interface SourceOptions {
  /** `COPY --exclude=pattern` (patternmatcher syntax, relative to each source). */
  readonly excludes?: readonly string[];
}

/** The path BuildKit works with for a source as written in the Dockerfile. */
export function normalizeSource(src: string): string {
  return resolvePath('/', src);
}

/** The sources one COPY/ADD argument selects, in the order fsutil copies them. */
export function resolveCopySources(root: DirEntry, src: string, options: SourceOptions = {}): CopySource[] {
  const excluder = excludeMatcher(options.excludes);
  const path = normalizeSource(src);
  try {
    if (!containsWildcards(path)) {
      const found = resolveInRoot(root, path, true);
      if (found.entry === undefined) throw new BuildContextError(`"${path}": not found`, 'ESOURCENOTFOUND');
      return [{ path, entry: withoutExcluded(found.entry, excluder), name: baseName(path), wildcard: false }];
    }
    return resolveWildcards(root, path).flatMap(({ path: p, rel }) => {
      // Inferred from the COPY --exclude docs (`COPY --exclude=*.txt hom* /mydir/`): the patterns also filter
      // what the wildcard selected, relative to where the wildcard starts.
      if (excluder?.matches(rel)) return [];
      const found = resolveInRoot(root, p, true);
      if (found.entry === undefined) return [];
      return [{ path: p, entry: withoutExcluded(found.entry, excluder), name: baseName(p), wildcard: true }];
    });
  } catch (e) {
    if (e instanceof TooManyLinksError) throw new BuildContextError(e.message, 'ECOPY');
    if (e instanceof PatternError) throw new BuildContextError(`failed to match excludepatterns: ${e.message}`, 'EIGNOREPATTERN');
    throw e;
  }
}

function excludeMatcher(excludes: readonly string[] | undefined): PatternMatcher | undefined {
  if (!excludes || excludes.length === 0) return undefined;
  try {
    return PatternMatcher.create(excludes);
  } catch (e) {
    if (e instanceof PatternError) {
      throw new BuildContextError(`invalid excludepatterns: [${excludes.join(' ')}]: ${e.message}`, 'EIGNOREPATTERN');
    }
    throw e;
  }
}

/** fsutil's splitWildcards then resolveWildcards: matches below the non-wildcard prefix, as absolute paths. */
function resolveWildcards(root: DirEntry, path: string): { path: string; rel: string }[] {
  const parts = path.split('/').slice(1);
  const first = parts.findIndex(containsWildcards);
  const base = '/' + parts.slice(0, first).join('/');
  const pattern = parts.slice(first).join('/');
  const found = resolveInRoot(root, base, true);
  if (found.entry?.type !== 'dir') return [];
  const basePath = pathOf(found.segments);
  const out: { path: string; rel: string }[] = [];
  // filepath.Walk: depth first, names in byte order, symlinked directories not entered.
  const visit = (dir: DirEntry, rel: string) => {
    for (const name of sortedNames(dir)) {
      const child = dir.children.get(name)!;
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (match(pattern, childRel)) {
        out.push({ path: normalize(`${basePath}/${childRel}`), rel: childRel });
        continue;
      }
      if (child.type === 'dir') visit(child, childRel);
    }
  };
  visit(found.entry, '');
  return out;
}

/**
 * The entry with what `--exclude` removes: paths are matched relative to the source, a matched directory goes
 * whole unless an exclusion (`!`) pattern points inside it (fsutil copy's `exclude`).
 */
function withoutExcluded(entry: Entry, excluder: PatternMatcher | undefined): Entry {
  if (excluder === undefined || entry.type !== 'dir') return entry;
  const filter = (dir: DirEntry, prefix: string): DirEntry => {
    let changed = false;
    const children = new Map<string, Entry>();
    for (const [name, child] of dir.children) {
      const rel = prefix + name;
      if (excluder.matches(rel) && !reincludesBelow(excluder, child, rel)) {
        changed = true;
        continue;
      }
      const kept = child.type === 'dir' ? filter(child, rel + '/') : child;
      if (kept !== child) changed = true;
      children.set(name, kept);
    }
    return changed ? { ...dir, children } : dir;
  };
  return filter(entry, '');
}

function reincludesBelow(excluder: PatternMatcher, entry: Entry, rel: string): boolean {
  if (entry.type !== 'dir' || !excluder.exclusions) return false;
  return excluder.patterns.some((p) => p.exclusion && `${p.cleaned}/`.startsWith(`${rel}/`));
}

function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return path === '/' ? '/' : path.slice(i + 1);
}
