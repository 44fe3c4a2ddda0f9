import { runSteps, type Steps } from '../../core/slicer.ts';
import type { DirEntry, Entry } from '../../fs/types.ts';
import { PatternError, PatternMatcher, type MatchInfo } from './patternmatcher.ts';

/**
 * What the client sends of a directory, as fsutil's filtered walk (`NewFilterFS` + `Walk`) decides it:
 * - exclude patterns (`.dockerignore`) and include patterns (BuildKit's FollowPaths) are matched against each
 *   path relative to the root, a directory handing its per-pattern results down to its children;
 * - an excluded directory is not entered when no `!` pattern could re-include something under it (when every
 *   `!` pattern is a plain prefix, fsutil can tell); otherwise it is walked, and sent after all only if
 *   something below it is;
 * - a directory outside the include patterns is walked only if one of them lies below it;
 * - `map` rewrites what is sent (buildx resets uid/gid to 0).
 * Entries are immutable, so results are remembered per (directory object, path, patterns): an unchanged subtree
 * comes back as the same object on the next build, which is what lets checksums be remembered too.
 */

export interface FilterOptions {
  readonly excludePatterns?: readonly string[];
  readonly includePatterns?: readonly string[];
  /** Applied to every entry sent (directories get their filtered children afterwards). */
  readonly map?: (e: Entry) => Entry;
  /** Identifies `map` for the memo (a different function must have a different key). */
  readonly mapKey?: string;
}

/** Characters that make a pattern more than a path prefix for fsutil's shortcuts (`\` counts on Unix). */
const PATTERN_CHARS = /[*[\]?^\\]/;

interface Filter {
  readonly include: PatternMatcher | undefined;
  readonly exclude: PatternMatcher | undefined;
  readonly onlyPrefixIncludes: boolean;
  readonly onlyPrefixExcludeExceptions: boolean;
  readonly map: (e: Entry) => Entry;
  readonly memo: WeakMap<DirEntry, Map<string, DirEntry>>;
}

// One memo per pattern set and map; a few pattern sets cover a session (context, .dockerignore, Dockerfile).
const memos = new Map<string, WeakMap<DirEntry, Map<string, DirEntry>>>();

/** The tree as sent. Throws PatternError for patterns patternmatcher rejects. */
export function filterTree(root: DirEntry, options: FilterOptions): DirEntry {
  return runSteps(filtering(root, options));
}

/** filterTree as steps, one per path walked: 100,000 files are sent in slices. */
export function* filtering(root: DirEntry, options: FilterOptions): Steps<DirEntry> {
  const include = options.includePatterns?.length ? PatternMatcher.create(options.includePatterns) : undefined;
  const exclude = options.excludePatterns?.length ? PatternMatcher.create(options.excludePatterns) : undefined;
  const key = JSON.stringify([options.includePatterns ?? [], options.excludePatterns ?? [], options.mapKey ?? '']);
  let memo = memos.get(key);
  if (memo === undefined) {
    if (memos.size >= 16) memos.delete(memos.keys().next().value!);
    memos.set(key, (memo = new WeakMap()));
  }
  const f: Filter = {
    include,
    exclude,
    onlyPrefixIncludes: !include?.patterns.some((p) => !p.exclusion && PATTERN_CHARS.test(withoutTrailingGlob(p.cleaned))),
    onlyPrefixExcludeExceptions: !exclude?.patterns.some((p) => p.exclusion && PATTERN_CHARS.test(withoutTrailingGlob(p.cleaned))),
    map: options.map ?? ((e) => e),
    memo,
  };
  return yield* walkDir(f, root, '', undefined, undefined);
}

/** The directory as sent, with what is sent of its children. */
function* walkDir(f: Filter, dir: DirEntry, prefix: string, inc: MatchInfo | undefined, exc: MatchInfo | undefined): Steps<DirEntry> {
  let byPath = f.memo.get(dir);
  const cached = byPath?.get(prefix);
  if (cached !== undefined) return cached;
  let children: Map<string, Entry> | undefined;
  let changed = false;
  for (const [name, child] of dir.children) {
    yield;
    const kept = yield* visit(f, child, prefix + name, inc, exc);
    if (kept !== child) changed = true;
    if (kept !== undefined) (children ??= new Map()).set(name, kept);
  }
  const mapped = f.map(dir) as DirEntry;
  const out: DirEntry = !changed && mapped === dir ? dir : { ...mapped, children: children ?? new Map() };
  if (!byPath) f.memo.set(dir, (byPath = new Map()));
  byPath.set(prefix, out);
  return out;
}

/** One walked path: the entry as sent, or undefined when it is not sent. */
function* visit(f: Filter, e: Entry, path: string, parentInc: MatchInfo | undefined, parentExc: MatchInfo | undefined): Steps<Entry | undefined> {
  const isDir = e.type === 'dir';
  let skip = false;
  let incInfo: MatchInfo | undefined;
  let excInfo: MatchInfo | undefined;
  if (f.include) {
    const r = matchAt(f.include, path, parentInc, 'includepatterns');
    incInfo = r.info;
    if (!r.matched) {
      if (isDir && f.onlyPrefixIncludes && !patternBelow(f.include, path, false)) return undefined;
      skip = true;
    }
  }
  if (f.exclude) {
    const r = matchAt(f.exclude, path, parentExc, 'excludepatterns');
    excInfo = r.info;
    if (r.matched) {
      if (isDir && f.onlyPrefixExcludeExceptions && (!f.exclude.exclusions || !patternBelow(f.exclude, path, true))) return undefined;
      skip = true;
    }
  }
  if (!isDir) return skip ? undefined : f.map(e);
  const sent = yield* walkDir(f, e, path + '/', incInfo, excInfo);
  // A skipped directory is still sent when something inside it is (fsutil backtracks to its parents).
  return skip && sent.children.size === 0 ? undefined : sent;
}

/** A pattern that only fails when matched (its regexp does not compile) fails the walk with fsutil's wrap. */
function matchAt(m: PatternMatcher, path: string, parent: MatchInfo | undefined, kind: string): { matched: boolean; info: MatchInfo } {
  try {
    return m.matchesUsingParentResults(path, parent);
  } catch (e) {
    if (e instanceof PatternError) throw new PatternError(`failed to match ${kind}: ${e.message}`);
    throw e;
  }
}

/** Whether a pattern of the given kind (an exclusion or not) names something below `dir`. */
function patternBelow(m: PatternMatcher, dir: string, exclusion: boolean): boolean {
  const dirSlash = dir + '/';
  return m.patterns.some((p) => p.exclusion === exclusion && (withoutTrailingGlob(p.cleaned) + '/').startsWith(dirSlash));
}

/** fsutil's patternWithoutTrailingGlob: `a/**` and `a/*` are treated as `a` for the prefix shortcuts. */
function withoutTrailingGlob(p: string): string {
  if (p.endsWith('/**')) p = p.slice(0, -3);
  if (p.endsWith('/*')) p = p.slice(0, -2);
  return p;
}
