import { bytesContent, contentEquals, contentSize } from './content.ts';
import { compareNames, segments } from './path.ts';
import type { DirEntry, Entry, FileContent, FileEntry, Meta, SymlinkEntry } from './types.ts';

/**
 * Building and editing immutable trees. Edits copy only the spine from the root to the changed entry; every other
 * subtree is shared by reference with the old tree, which is what makes snapshots, layer reuse and diffs cheap.
 */

export interface MetaInit {
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

/** Directory size as `stat` shows it (an ext4/overlay directory block). */
export const DIR_SIZE = 4096;

export function makeFile(content: FileContent | Uint8Array | string, meta: MetaInit = {}): FileEntry {
  const c = typeof content === 'string' || content instanceof Uint8Array ? bytesContent(content) : content;
  return { type: 'file', mode: meta.mode ?? 0o644, uid: meta.uid ?? 0, gid: meta.gid ?? 0, mtime: meta.mtime ?? 0, content: c };
}

export function makeDir(
  children: ReadonlyMap<string, Entry> | Iterable<readonly [string, Entry]> = [],
  meta: MetaInit & { opaque?: boolean } = {},
): DirEntry {
  const map = children instanceof Map ? (children as ReadonlyMap<string, Entry>) : new Map(children);
  const dir: DirEntry = { type: 'dir', mode: meta.mode ?? 0o755, uid: meta.uid ?? 0, gid: meta.gid ?? 0, mtime: meta.mtime ?? 0, children: map };
  return meta.opaque ? { ...dir, opaque: true } : dir;
}

export function makeSymlink(target: string, meta: MetaInit = {}): SymlinkEntry {
  return { type: 'symlink', mode: meta.mode ?? 0o777, uid: meta.uid ?? 0, gid: meta.gid ?? 0, mtime: meta.mtime ?? 0, target };
}

export const EMPTY_DIR: DirEntry = makeDir();

export function metaOf(e: Entry): Meta {
  return { mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
}

/** A copy of `e` with some metadata replaced (type-specific fields kept). */
export function withMeta<E extends Entry>(e: E, meta: MetaInit): E {
  return { ...e, ...meta };
}

/** A copy of `dir` with `name` set to `child`, or removed when `child` is undefined. */
/**
 * Children maps that one writer made and nobody else has seen yet: `withChild` may change those in place instead of
 * copying them, which keeps a thousand files written into one directory from costing a million copies.
 */
export type OwnedMaps = WeakSet<ReadonlyMap<string, Entry>>;

export function withChild(dir: DirEntry, name: string, child: Entry | undefined, mtime?: number, owned?: OwnedMaps): DirEntry {
  let children: Map<string, Entry>;
  if (owned?.has(dir.children)) children = dir.children as Map<string, Entry>;
  else {
    children = new Map(dir.children);
    owned?.add(children);
  }
  if (child === undefined) children.delete(name);
  else children.set(name, child);
  return mtime === undefined ? { ...dir, children } : { ...dir, children, mtime };
}

/** Size as `stat` reports it. */
export function entrySize(e: Entry): number {
  if (e.type === 'file') return contentSize(e.content);
  if (e.type === 'dir') return DIR_SIZE;
  return new TextEncoder().encode(e.target).length;
}

/** Child names in UTF-8 byte order (`ls`, tar, Go's `filepath.Walk`). */
export function sortedNames(dir: DirEntry): string[] {
  return [...dir.children.keys()].sort(compareNames);
}

/**
 * The entry at `path`, found lexically: symlinks are NOT followed (this is about tree structure; `TreeFs` does
 * Linux path resolution). `..` is not interpreted either.
 */
export function getEntry(root: DirEntry, path: string | readonly string[]): Entry | undefined {
  let e: Entry = root;
  for (const name of typeof path === 'string' ? segments(path) : path) {
    if (e.type !== 'dir') return undefined;
    const next: Entry | undefined = e.children.get(name);
    if (next === undefined) return undefined;
    e = next;
  }
  return e;
}

/**
 * A new root with `entry` at `path` (undefined deletes it). Intermediate directories must exist unless
 * `parents` supplies metadata for the ones to create. Returns `root` itself when nothing changes.
 */
export function setEntry(
  root: DirEntry,
  path: string | readonly string[],
  entry: Entry | undefined,
  parents?: MetaInit,
): DirEntry {
  const segs = typeof path === 'string' ? segments(path) : path;
  if (segs.length === 0) {
    if (entry === undefined || entry.type !== 'dir') throw new Error('the root must stay a directory');
    return entry;
  }
  return setIn(root, segs, 0, entry, parents);
}

function setIn(dir: DirEntry, segs: readonly string[], i: number, entry: Entry | undefined, parents?: MetaInit): DirEntry {
  const name = segs[i]!;
  const existing = dir.children.get(name);
  if (i === segs.length - 1) {
    if (existing === entry || (entry === undefined && existing === undefined)) return dir;
    return withChild(dir, name, entry);
  }
  let sub: DirEntry;
  if (existing?.type === 'dir') sub = existing;
  else if (existing === undefined && parents) sub = makeDir([], parents);
  else if (existing === undefined) {
    if (entry === undefined) return dir;
    throw new Error(`no directory ${segs.slice(0, i + 1).join('/')}`);
  } else throw new Error(`not a directory: ${segs.slice(0, i + 1).join('/')}`);
  const updated = setIn(sub, segs, i + 1, entry, parents);
  return updated === existing ? dir : withChild(dir, name, updated);
}

export function deleteEntry(root: DirEntry, path: string | readonly string[]): DirEntry {
  return setEntry(root, path, undefined);
}

/** Every entry below `root`, depth-first, children in byte order, as `[path, entry]` with paths like `/a/b`. */
export function* walk(root: DirEntry, base = ''): Generator<[string, Entry], void, undefined> {
  for (const name of sortedNames(root)) {
    const e = root.children.get(name)!;
    const p = `${base}/${name}`;
    yield [p, e];
    if (e.type === 'dir') yield* walk(e, p);
  }
}

export function countEntries(root: DirEntry): number {
  let n = 0;
  for (const e of root.children.values()) n += 1 + (e.type === 'dir' ? countEntries(e) : 0);
  return n;
}

/** Same type, metadata and content/target (children are not compared). */
export function sameNode(a: Entry, b: Entry): boolean {
  if (a === b) return true;
  if (a.type !== b.type || a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid || a.mtime !== b.mtime) return false;
  if (a.type === 'file') return contentEquals(a.content, (b as FileEntry).content);
  if (a.type === 'symlink') return a.target === (b as SymlinkEntry).target;
  return Boolean(a.opaque) === Boolean((b as DirEntry).opaque);
}

/** Deep structural equality (the same files, metadata and contents), short-cutting on shared subtrees. */
export function treesEqual(a: Entry, b: Entry): boolean {
  if (a === b) return true;
  if (!sameNode(a, b)) return false;
  if (a.type !== 'dir') return true;
  const bc = (b as DirEntry).children;
  if (a.children.size !== bc.size) return false;
  for (const [name, child] of a.children) {
    const other = bc.get(name);
    if (other === undefined || !treesEqual(child, other)) return false;
  }
  return true;
}

export interface BuildItem {
  readonly path: string;
  readonly entry: Entry;
}

interface Draft {
  entry: Entry | undefined;
  children: Map<string, Draft> | undefined;
}

/**
 * Builds a tree from many `{path, entry}` items in one pass (mutable drafts, frozen once at the end), so 10,000
 * files cost O(n) rather than a spine copy each. Later items replace earlier ones at the same path; a directory
 * item keeps its own children and gains the items placed under it; missing parents are made with `dirMeta`.
 * A path of `/` sets the root directory's metadata.
 */
export function buildTree(items: Iterable<BuildItem>, dirMeta: MetaInit = {}, root?: DirEntry): DirEntry {
  const top: Draft = { entry: root ?? makeDir([], dirMeta), children: undefined };
  for (const { path, entry } of items) {
    let d = top;
    // Scanned in place rather than split: this loop runs once per file of a base image.
    for (let start = 0; start < path.length; ) {
      let end = path.indexOf('/', start);
      if (end < 0) end = path.length;
      const name = path.slice(start, end);
      start = end + 1;
      if (name === '' || name === '.') continue;
      if (name === '..') throw new Error(`'..' in a tree path: ${path}`);
      d.children ??= new Map();
      let next = d.children.get(name);
      if (next === undefined) {
        next = { entry: undefined, children: undefined };
        d.children.set(name, next);
      } else if (next.entry !== undefined && next.entry.type !== 'dir') {
        // A file on the way is replaced by a directory, as extracting a later tar entry would.
        next.entry = undefined;
        next.children = undefined;
      }
      d = next;
    }
    if (entry.type !== 'dir') d.children = undefined;
    d.entry = entry;
  }
  return freeze(top, dirMeta) as DirEntry;
}

function freeze(d: Draft, dirMeta: MetaInit): Entry {
  const e = d.entry;
  if (d.children === undefined) return e ?? makeDir([], dirMeta);
  const base: DirEntry = e?.type === 'dir' ? e : makeDir([], dirMeta);
  const children = new Map(base.children);
  for (const [name, child] of d.children) children.set(name, freeze(child, dirMeta));
  return { ...base, children };
}
