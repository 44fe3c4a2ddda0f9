import { runSteps, runStepsSliced, type Steps } from '../../core/slicer.ts';
import { contentChunks, contentSize } from '../../fs/content.ts';
import { digestBytes, digestChunks } from '../../fs/digest.ts';
import { compareNames } from '../../fs/path.ts';
import { sortedNames } from '../../fs/tree.ts';
import type { DirEntry, Entry } from '../../fs/types.ts';
import { BuildContextError } from './errors.ts';
import { containsWildcards } from './glob.ts';
import { resolveInRoot } from './resolve.ts';
import { normalizeSource, resolveCopySources, type CopySource } from './sources.ts';

/**
 * The content checksum a COPY/ADD puts in its cache key, as BuildKit's `cache/contenthash` computes it:
 * - a file, symlink or directory header is hashed as a tarsum-v1 header (mode, size, type, link target… with an
 *   empty name and no mtime) followed, for a regular file, by its bytes. The header's uid and gid are always 0:
 *   BuildKit builds it with Go's `tar.FileInfoHeader` from a stat that Go does not read owners from;
 * - a directory's digest hashes its header's digest, then each child's name and digest, in name order;
 * - the context root's header is the digest of nothing (BuildKit fakes it), any other root's is hashed normally;
 * - a plain source is the digest of what it names (symlinks followed); a wildcard or `--exclude` source hashes the
 *   flat list of selected names and digests; the selectors are de-duplicated, sorted and their digests joined.
 * So touching a file (mtime) keeps the checksum, while content, permission bits, names and tree shape change it;
 * a file outside the selection (or left out of the context by `.dockerignore`) never counts.
 *
 * Entries are immutable and shared between builds, so every digest is remembered per entry object: after a
 * one-file change only that file and the directories above it are hashed again.
 */

const EMPTY_DIGEST = digestBytes(new Uint8Array(0));

const fileDigests = new WeakMap<Entry, string>();
const headerDigests = new WeakMap<DirEntry, string>();
const treeDigests = new WeakMap<DirEntry, string>();

/** tarsum v1's header fields, in its order, mtime left out. */
function tarsumHeader(e: Entry): string {
  const size = e.type === 'file' ? contentSize(e.content) : 0;
  const typeflag = e.type === 'file' ? '0' : e.type === 'dir' ? '5' : '2';
  const link = e.type === 'symlink' ? e.target : '';
  return `namemode${e.mode & 0o7777}uid0gid0size${size}typeflag${typeflag}linkname${link}unamegnamedevmajor0devminor0`;
}

const encoder = new TextEncoder();

/** The digest BuildKit records for a file or symlink (its header, then a regular file's bytes). */
function leafDigest(e: Entry): string {
  let d = fileDigests.get(e);
  if (d === undefined) {
    const header = encoder.encode(tarsumHeader(e));
    d = e.type === 'file' && contentSize(e.content) > 0 ? digestChunks(prefixed(header, contentChunks(e.content))) : digestBytes(header);
    fileDigests.set(e, d);
  }
  return d;
}

function* prefixed(first: Uint8Array, rest: Iterable<Uint8Array>): Generator<Uint8Array> {
  yield first;
  yield* rest;
}

function dirHeaderDigest(dir: DirEntry): string {
  let d = headerDigests.get(dir);
  if (d === undefined) {
    d = digestBytes(tarsumHeader(dir));
    headerDigests.set(dir, d);
  }
  return d;
}

/** A directory's recursive digest: `\0` + its header's digest, then `\0<name>` + digest for each child. */
function treeDigest(dir: DirEntry, header: string): string {
  const parts: string[] = ['\0', header];
  for (const name of sortedNames(dir)) parts.push('\0' + name, contentDigest(dir.children.get(name)!));
  return digestBytes(parts.join(''));
}

/** An entry's digest in BuildKit's terms (a directory's covers everything below it). Symlinks are not followed. */
export function contentDigest(e: Entry): string {
  if (e.type !== 'dir') return leafDigest(e);
  let d = treeDigests.get(e);
  if (d === undefined) {
    d = treeDigest(e, dirHeaderDigest(e));
    treeDigests.set(e, d);
  }
  return d;
}

/** Work between two pauses of `warmDigests`: bytes hashed, each entry counted as a kilobyte for its header. */
const WARM_SLICE = 128 * 1024;
const ENTRY_WORK = 1024;

/**
 * Works out (and remembers) the digest of `dir` and of everything below it, pausing every so often, so the
 * checksum of a COPY of a 100,000-file context that follows finds them all and costs no long task.
 */
export async function warmDigests(dir: DirEntry, pause: () => Promise<void>): Promise<void> {
  let work = 0;
  const visit = async (d: DirEntry): Promise<void> => {
    if (treeDigests.has(d)) return;
    for (const child of d.children.values()) {
      if (child.type === 'dir') await visit(child);
      else {
        leafDigest(child);
        work += ENTRY_WORK + (child.type === 'file' ? contentSize(child.content) : 0);
      }
      if (work >= WARM_SLICE) {
        work = 0;
        await pause();
      }
    }
    contentDigest(d);
  };
  await visit(dir);
}

/** The root's digest; a build context's root header is BuildKit's fake one (the digest of nothing). */
function rootDigest(root: DirEntry, contextRoot: boolean): string {
  return contextRoot ? treeDigest(root, EMPTY_DIGEST) : contentDigest(root);
}

export interface ChecksumOptions {
  /** `COPY --exclude` patterns. */
  readonly excludes?: readonly string[];
  /** The root is a build context (BuildKit fakes its root header). */
  readonly contextRoot?: boolean;
}

/** One selector of the checksum: a COPY/ADD source as BuildKit normalized it. */
export interface SelectorChecksum {
  readonly path: string;
  readonly digest: string;
}

export interface CopyChecksum {
  /** What goes into the cache key: the selectors' digests joined with NUL and hashed. */
  readonly digest: string;
  readonly selectors: readonly SelectorChecksum[];
  /** What the sources selected, for explanations (`diffChecksums`, `selectedFiles`). */
  readonly selected: readonly CopySource[];
}

/**
 * The checksum of the sources of one COPY/ADD in `root`. Throws `"/x": not found` for a plain source that is not
 * there (the builder wraps it as `failed to calculate checksum of ref …`).
 */
export function copyChecksum(root: DirEntry, sources: readonly string[], options: ChecksumOptions = {}): CopyChecksum {
  const excludes = options.excludes ?? [];
  const filtered = excludes.length > 0;
  const plain = dedupePaths(sources.map(normalizeSource).filter((p) => !containsWildcards(p) && !filtered));
  const other = sources.map(normalizeSource).filter((p) => containsWildcards(p) || filtered);
  const paths = [...new Set([...plain, ...other])].sort();
  const selectors: SelectorChecksum[] = [];
  const selected: CopySource[] = [];
  for (const path of paths) {
    const found = resolveCopySources(root, path, { excludes });
    selected.push(...found);
    let digest: string;
    if (!containsWildcards(path) && !filtered) {
      digest = path === '/' ? rootDigest(found[0]!.entry as DirEntry, options.contextRoot ?? false) : contentDigest(found[0]!.entry);
    } else digest = flatDigest(root, path, found);
    selectors.push({ path, digest });
  }
  return { digest: digestBytes(selectors.map((s) => s.digest).join('\0')), selectors, selected };
}

/** BuildKit's dedupePaths: a path below another selected one adds nothing. */
function dedupePaths(paths: readonly string[]): string[] {
  const set = [...new Set(paths)];
  return set.filter((p1) => !set.some((p2) => p1 !== p2 && p1.startsWith(p2 + '/')));
}

/**
 * A wildcard or filtered selector: every selected directory header, file and (followed) symlink, as base name and
 * digest pairs in path order; a single entry named like the selector is its own digest.
 */
function flatDigest(root: DirEntry, selector: string, found: readonly CopySource[]): string {
  const items: [string, string][] = [];
  const visit = (path: string, name: string, e: Entry) => {
    if (e.type === 'symlink') {
      const target = resolveInRoot(root, path, true).entry;
      if (target === undefined) throw new BuildContextError(`"${path}": not found`, 'ESOURCENOTFOUND');
      items.push([name, contentDigest(target)]);
    } else if (e.type === 'file') items.push([name, leafDigest(e)]);
    else {
      items.push([name, dirHeaderDigest(e)]);
      for (const child of sortedNames(e)) visit(`${path}/${child}`, child, e.children.get(child)!);
    }
  };
  for (const s of found) visit(s.path, s.name, s.entry);
  if (items.length === 0) return EMPTY_DIGEST;
  if (items.length === 1 && items[0]![0] === baseOf(selector)) return items[0]![1];
  return digestBytes(items.map(([name, digest]) => name + digest).join('\0'));
}

function baseOf(path: string): string {
  return path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1);
}

/** Every selected file and symlink, by path relative to the source root (`src/index.ts`), with its digest. */
export function selectedFiles(checksum: CopyChecksum): Map<string, string> {
  return runSteps(selecting(checksum));
}

/** selectedFiles with a pause every few thousand paths, for a COPY of 100,000 files. */
export function selectedFilesSliced(checksum: CopyChecksum, pause: () => Promise<void>): Promise<Map<string, string>> {
  return runStepsSliced(selecting(checksum), pause, SELECT_SLICE);
}

const SELECT_SLICE = 2000;

function* selecting(checksum: CopyChecksum): Steps<Map<string, string>> {
  const out = new Map<string, string>();
  function* visit(path: string, e: Entry): Steps {
    yield;
    if (e.type !== 'dir') out.set(path, leafDigest(e));
    else for (const name of sortedNames(e)) yield* visit(join(path, name), e.children.get(name)!);
  }
  for (const s of checksum.selected) yield* visit(s.path.slice(1), s.entry);
  return out;
}

export interface ChecksumDiff {
  /** Paths relative to the source root; a directory appears when its own permissions changed. */
  readonly changed: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * What differs between two checksums' selections, for explanations such as "src/index.ts changed". Subtrees
 * whose digests are equal are skipped whole, so this costs what changed, not the size of the context.
 */
export function diffChecksums(before: CopyChecksum, after: CopyChecksum): ChecksumDiff {
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  const list = (path: string, e: Entry, into: string[]) => {
    if (e.type !== 'dir' || e.children.size === 0) into.push(path);
    else for (const name of sortedNames(e)) list(join(path, name), e.children.get(name)!, into);
  };
  const compare = (path: string, a: Entry | undefined, b: Entry | undefined) => {
    if (a === undefined && b === undefined) return;
    if (a === undefined) return list(path, b!, added);
    if (b === undefined) return list(path, a, removed);
    if (a === b || contentDigest(a) === contentDigest(b)) return;
    if (a.type !== 'dir' || b.type !== 'dir') {
      if (a.type === 'dir') list(path, a, removed);
      if (b.type === 'dir') list(path, b, added);
      if (a.type !== 'dir' && b.type !== 'dir') changed.push(path);
      else if (a.type !== 'dir') removed.push(path);
      else added.push(path);
      return;
    }
    if (dirHeaderDigest(a) !== dirHeaderDigest(b)) changed.push(path);
    const names = [...new Set([...a.children.keys(), ...b.children.keys()])].sort(compareNames);
    for (const name of names) compare(join(path, name), a.children.get(name), b.children.get(name));
  };
  const bySource = (c: CopyChecksum) => new Map(c.selected.map((s) => [s.path, s.entry]));
  const a = bySource(before);
  const b = bySource(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort(compareNames);
  for (const p of paths) compare(p.slice(1), a.get(p), b.get(p));
  return { changed, added, removed };
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}
