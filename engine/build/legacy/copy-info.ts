import { contentChunks, contentSize } from '../../fs/content.ts';
import { digestBytes, digestChunks } from '../../fs/digest.ts';
import { normalize } from '../../fs/path.ts';
import { sortedNames } from '../../fs/tree.ts';
import type { DirEntry, Entry } from '../../fs/types.ts';
import { containsWildcards, goPathMatch, resolveInRoot } from '../context/index.ts';
import { LegacyBuildError } from './errors.ts';

/**
 * What a legacy COPY or ADD copies and the hash its cache key carries (moby daemon/builder/dockerfile/copy.go,
 * remotecontext's lazy source):
 * - a source is taken relative to the source root after dropping one leading `/` and one `./`;
 * - a wildcard is matched (Go filepath.Match) against every path in the root; each match is its own source;
 * - a file's hash is `file:` + a tarsum v1 digest of its header (name relative to the root, mode with the file
 *   type bits, size, type, link target; no mtime) and content; a directory's is `dir:` + the digest of the sorted
 *   hashes of everything in it, itself included; several sources make one `multi:` hash of theirs;
 * - so unlike BuildKit the names count: the same bytes under another path are another hash.
 */
export interface CopyInfo {
  /** Absolute path in the source root, symlinks followed. */
  readonly path: string;
  /** The name it takes inside a destination directory: the source's own base name. */
  readonly name: string;
  readonly entry: Entry;
  readonly hash: string;
}

export interface CopyInfoOptions {
  readonly cmdName: 'COPY' | 'ADD';
  /** `--from`: a stage or image, whose missing paths are not blamed on the context or .dockerignore. */
  readonly fromImage: boolean;
  /** The error for an ADD of a URL (the machine is offline); COPY refuses URLs outright. */
  readonly download: (url: string) => string;
}

/** The temporary directory the daemon extracted the context into, as `forbidden path` errors show it. */
const CONTEXT_DIR = '/var/lib/docker/tmp/docker-builder3141592653';

/** createCopyInstruction: the sources of one COPY/ADD, checked against its destination. */
export function copyInfos(root: DirEntry, sources: readonly string[], dest: string, options: CopyInfoOptions): CopyInfo[] {
  const infos: CopyInfo[] = [];
  try {
    for (const orig of sources) infos.push(...infoForSource(root, orig, options));
    if (infos.length === 0) throw new LegacyBuildError('no source files were specified');
  } catch (e) {
    if (e instanceof LegacyBuildError) throw new LegacyBuildError(`${options.cmdName} failed: ${e.message}`);
    throw e;
  }
  if (infos.length > 1 && !dest.endsWith('/')) {
    throw new LegacyBuildError(`When using ${options.cmdName} with more than one source file, the destination must be a directory and end with a /`);
  }
  return infos;
}

/** getSourceHashFromInfos: one source keeps its own hash, several are hashed together. */
export function sourceHash(infos: readonly CopyInfo[]): string {
  if (infos.length === 1) return infos[0]!.hash;
  return `multi:${hex(infos.map((i) => i.hash).join(','))}`;
}

function infoForSource(root: DirEntry, orig: string, options: CopyInfoOptions): CopyInfo[] {
  if (/^https?:\/\//.test(orig)) {
    throw new LegacyBuildError(options.cmdName === 'COPY' ? "source can't be a URL for COPY" : options.download(orig));
  }
  let path = orig.startsWith('/') ? orig.slice(1) : orig;
  if (path.startsWith('./')) path = path.slice(2);
  if (containsWildcards(path)) {
    const out: CopyInfo[] = [];
    walk(root, '', (rel) => {
      if (matches(path, rel)) out.push(calcCopyInfo(root, rel, options));
    });
    return out;
  }
  return [calcCopyInfo(root, path, options)];
}

function matches(pattern: string, name: string): boolean {
  try {
    return goPathMatch(pattern, name);
  } catch {
    // filepath.Match's ErrBadPattern is ignored by the wildcard walk: nothing matches.
    return false;
  }
}

function calcCopyInfo(root: DirEntry, path: string, options: CopyInfoOptions): CopyInfo {
  const clean = normalize(path === '' ? '.' : path);
  if (clean === '..' || clean.startsWith('../')) {
    throw new LegacyBuildError(`forbidden path outside the build context: ${path} (${normalize(`${CONTEXT_DIR}/${path}`)})`);
  }
  const found = resolveInRoot(root, `/${path}`, true);
  if (found.entry === undefined) {
    const stat = `stat ${path}: file does not exist`;
    throw new LegacyBuildError(options.fromImage ? stat : `file not found in build context or excluded by .dockerignore: ${stat}`);
  }
  const rel = found.segments.join('/');
  const name = clean === '.' ? '.' : clean.slice(clean.lastIndexOf('/') + 1);
  const abs = `/${rel}`;
  if (found.entry.type !== 'dir') return { path: abs, name, entry: found.entry, hash: `file:${entryHash(found.entry, rel)}` };
  const subfiles: string[] = [];
  if (rel !== '') subfiles.push(entryHash(found.entry, rel));
  walk(found.entry, rel, (childRel) => {
    const child = resolveInRoot(root, `/${childRel}`, true);
    if (child.entry !== undefined) subfiles.push(entryHash(child.entry, child.segments.join('/')));
  });
  subfiles.sort();
  return { path: abs, name, entry: found.entry, hash: `dir:${hex(subfiles.join(','))}` };
}

/** filepath.WalkDir below `dir`: every path, depth first, names in byte order, symlinks not entered. */
function walk(dir: DirEntry, base: string, visit: (rel: string) => void): void {
  for (const name of sortedNames(dir)) {
    const rel = base === '' ? name : `${base}/${name}`;
    visit(rel);
    const child = dir.children.get(name)!;
    if (child.type === 'dir') walk(child, rel, visit);
  }
}

// The hash names the path, so it is remembered per entry object and path.
const hashes = new WeakMap<Entry, Map<string, string>>();

/** The lazy source's hash of one path: tarsum v1's header fields then, for a regular file, its bytes. */
export function entryHash(e: Entry, rel: string): string {
  let byPath = hashes.get(e);
  const known = byPath?.get(rel);
  if (known !== undefined) return known;
  const typeBits = e.type === 'dir' ? 0o40000 : e.type === 'symlink' ? 0o120000 : 0o100000;
  const size = e.type === 'file' ? contentSize(e.content) : 0;
  const typeflag = e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : '0';
  const name = e.type === 'dir' ? `${rel}/` : rel;
  const link = e.type === 'symlink' ? e.target : '';
  const header = new TextEncoder().encode(
    `name${name}mode${typeBits | (e.mode & 0o7777)}uid0gid0size${size}typeflag${typeflag}linkname${link}unamegnamedevmajor0devminor0`,
  );
  const digest = e.type === 'file' && size > 0 ? digestChunks([header, ...contentChunks(e.content)]) : digestBytes(header);
  const sum = digest.slice('sha256:'.length);
  if (!byPath) hashes.set(e, (byPath = new Map()));
  byPath.set(rel, sum);
  return sum;
}

function hex(text: string): string {
  return digestBytes(text).slice('sha256:'.length);
}
