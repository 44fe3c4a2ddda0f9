import { normalize } from '../../fs/path.ts';
import { makeDir, setEntry } from '../../fs/tree.ts';
import type { DirEntry, Entry } from '../../fs/types.ts';
import { parseChmod, type ModeChange } from './chmod.ts';
import type { Owner } from './chown.ts';
import { BuildContextError } from './errors.ts';
import { pathOf, resolveInRoot, TooManyLinksError } from './resolve.ts';
import type { CopySource } from './sources.ts';
import { extractArchive, readArchive } from './unpack.ts';

/**
 * A COPY or ADD applied to a destination rootfs, as BuildKit's file op does it with fsutil `copy`
 * (CopyDirContentsOnly, CreateDestPath, FollowSymlinks):
 * - the destination is taken relative to WORKDIR; `.` and `` mean `./`; a trailing `/` (or `/.`) makes it a
 *   directory, created if missing;
 * - a file goes inside an existing directory, otherwise it is written at exactly that path; with several sources
 *   and a slash-less file destination each one overwrites the last;
 * - a directory source copies its contents, merged into the destination (created if missing);
 * - missing parents are created 0755 (owned by `--chown`'s owner when given), with the time `now`;
 * - symlinks in the destination path are followed inside the rootfs, so a copy lands in the directory a
 *   symlinked path points to;
 * - each copied entry keeps its source's mode, owner and mtime unless `--chown`/`--chmod` say otherwise; a
 *   destination directory that already existed keeps its own metadata, but one nested inside the copied tree
 *   takes the source's;
 * - ADD extracts a local tar archive (plain or gzip) into the destination directory instead of copying it.
 */

export interface CopyOptions {
  /** The destination as written in the instruction. */
  readonly dest: string;
  /** The stage's WORKDIR (absolute); `/` when not given. */
  readonly workdir?: string;
  /** `--chown`, already resolved (see `resolveChown`). */
  readonly chown?: Owner;
  /** `--chmod`, octal or symbolic. */
  readonly chmod?: string;
  /** ADD: extract local tar archives. */
  readonly unpack?: boolean;
  /** Seconds since the epoch (virtual clock) for directories the copy creates. */
  readonly now?: number;
}

/** The destination BuildKit computes from WORKDIR (`pathRelativeToWorkingDir`), trailing slash kept. */
export function destinationPath(dest: string, workdir = '/'): string {
  const d = dest === '.' || dest === '' ? './' : dest;
  const joined = normalize(d.startsWith('/') ? d : `${workdir}/${d}`);
  const keepSlash = d.endsWith('/') || d.endsWith('/.');
  return keepSlash && joined !== '/' ? joined + '/' : joined;
}

/** The new rootfs after copying `sources` (from `resolveCopySources`, in order) into `root`. */
export async function applyCopy(root: DirEntry, sources: readonly CopySource[], options: CopyOptions): Promise<DirEntry> {
  const mode = options.chmod === undefined ? undefined : parseChmod(options.chmod);
  const ctx: Ctx = { chown: options.chown, mode, key: `${options.chown?.uid ?? ''}:${options.chown?.gid ?? ''}:${options.chmod ?? ''}` };
  const now = options.now ?? 0;
  const destPath = destinationPath(options.dest, options.workdir);
  try {
    // fsutil Copy: make the destination's directory (the destination itself when it ends in a slash), then
    // resolve the destination once, before any source is copied.
    const slash = destPath.lastIndexOf('/');
    const base = destPath.slice(slash + 1);
    const ensure = base === '' || base === '.' ? destPath : destPath.slice(0, slash + 1);
    root = mkdirAll(root, ensure, options.chown, now);
    const dst = resolveInRoot(root, destPath, true).segments;

    for (const src of sources) {
      if (options.unpack && src.entry.type === 'file') {
        const members = await readArchive(src.entry.content, src.path);
        if (members !== undefined) {
          const into = resolveInRoot(root, destPath, true).segments;
          root = mkdirAll(root, pathOf(into), options.chown, now);
          root = extractArchive(root, into, members, now);
          continue;
        }
      }
      const isDir = src.entry.type === 'dir';
      const existing = resolveInRoot(root, pathOf(dst), true).entry;
      let target = dst;
      if (!isDir && existing?.type === 'dir') target = [...dst, src.name];
      const parent = isDir && existing === undefined ? target : target.slice(0, -1);
      root = mkdirAll(root, pathOf(parent), options.chown, now);
      root = copyTo(root, target, src.entry, ctx);
    }
    return root;
  } catch (e) {
    if (e instanceof TooManyLinksError) throw new BuildContextError(e.message, 'ECOPY');
    throw e;
  }
}

interface Ctx {
  readonly chown: Owner | undefined;
  readonly mode: ModeChange | undefined;
  /** Identifies chown+chmod for the memo of converted subtrees. */
  readonly key: string;
}

/** Copies one (followed) source entry to `target` (physical parent, last name taken as is, lstat-style). */
function copyTo(root: DirEntry, target: readonly string[], src: Entry, ctx: Ctx): DirEntry {
  const existing = lookup(root, target);
  const merged = merge(existing, src, ctx, true, pathOf(target));
  if (target.length === 0) return merged as DirEntry;
  return setEntry(root, target, merged);
}

function lookup(root: DirEntry, segs: readonly string[]): Entry | undefined {
  let e: Entry | undefined = root;
  for (const s of segs) {
    if (e?.type !== 'dir') return undefined;
    e = e.children.get(s);
  }
  return e;
}

/**
 * fsutil copier.copy: `existing` is what lies at the target (not followed), `top` whether this is the copy's own
 * destination (whose metadata is kept when it existed).
 */
function merge(existing: Entry | undefined, src: Entry, ctx: Ctx, top: boolean, path: string): Entry {
  if (src.type === 'dir') {
    if (existing !== undefined && existing.type !== 'dir') {
      throw new BuildContextError(`cannot copy to non-directory: ${path}`, 'ECOPY');
    }
    if (existing === undefined) return fresh(src, ctx);
    const base = top ? existing : withInfo(existing, src, ctx);
    let children: Map<string, Entry> | undefined;
    for (const [name, child] of src.children) {
      const before = base.children.get(name);
      const after = merge(before, child, ctx, false, `${path === '/' ? '' : path}/${name}`);
      if (after !== before) (children ??= new Map(base.children)).set(name, after);
    }
    return children ? { ...base, children } : base;
  }
  if (existing?.type === 'dir') {
    throw new BuildContextError(`cannot replace to directory ${path} with file`, 'ECOPY');
  }
  return fresh(src, ctx);
}

// A subtree copied where nothing was: the same object when chown/chmod change nothing (so layers and checksums
// share it with the source), and one converted copy per source object and flags otherwise.
const converted = new WeakMap<Entry, Map<string, Entry>>();

function fresh(src: Entry, ctx: Ctx): Entry {
  if (ctx.chown === undefined && ctx.mode === undefined) return src;
  let byKey = converted.get(src);
  const hit = byKey?.get(ctx.key);
  if (hit) return hit;
  let out: Entry;
  if (src.type === 'dir') {
    const children = new Map<string, Entry>();
    for (const [name, child] of src.children) children.set(name, fresh(child, ctx));
    out = { ...withInfo(src, src, ctx), children };
  } else out = withInfo(src, src, ctx);
  if (!byKey) converted.set(src, (byKey = new Map()));
  byKey.set(ctx.key, out);
  return out;
}

/** copyFileInfo: owner (chown or the source's), mode (chmod or the source's; symlinks keep theirs), mtime. */
function withInfo<E extends Entry>(target: E, src: Entry, ctx: Ctx): E {
  const uid = ctx.chown?.uid ?? src.uid;
  const gid = ctx.chown?.gid ?? src.gid;
  const mode = src.type === 'symlink' ? target.mode : ctx.mode ? ctx.mode(src.mode, src.type === 'dir') : src.mode;
  if (target.uid === uid && target.gid === gid && target.mode === mode && target.mtime === src.mtime) return target;
  return { ...target, uid, gid, mode, mtime: src.mtime };
}

/**
 * fsutil MkdirAll: creates what is missing of `path` (symlinks on the way followed inside the root) as 0755
 * directories owned by `owner` (root otherwise) with mtime `now`.
 */
export function mkdirAll(root: DirEntry, path: string, owner: Owner | undefined, now: number): DirEntry {
  const segs = resolveInRoot(root, path, true).segments;
  const meta = { mode: 0o755, uid: owner?.uid ?? 0, gid: owner?.gid ?? 0, mtime: now };
  let dir: DirEntry = root;
  for (let i = 0; i < segs.length; i++) {
    const child = dir.children.get(segs[i]!);
    if (child === undefined) {
      let chain: DirEntry = makeDir([], meta);
      for (let j = segs.length - 1; j > i; j--) chain = makeDir([[segs[j]!, chain]], meta);
      return setEntry(root, segs.slice(0, i + 1), chain);
    }
    if (child.type !== 'dir') {
      throw new BuildContextError(`mkdir ${pathOf(segs.slice(0, i + 1))}: not a directory`, 'ECOPY');
    }
    dir = child;
  }
  return root;
}
