import { contentEquals, contentSize, EMPTY_CONTENT } from './content.ts';
import { compareNames } from './path.ts';
import { makeFile, sameNode, treesEqual } from './tree.ts';
import { WHITEOUT_PREFIX } from './union.ts';
import type { DirEntry, Entry } from './types.ts';

/**
 * Differences between two trees: as a layer (what a build step or `docker commit` stores) and as the list
 * `docker diff` prints. Subtrees shared by reference are skipped without being looked at, so diffing a container
 * against its image costs only what the container touched.
 */

/**
 * The layer that, stacked on `lower`, shows `upper`: new and changed entries, a `.wh.<name>` file (mode 0, size 0)
 * for each deletion, and a directory whose old contents are all gone but which holds new ones is written opaque
 * (what overlayfs records for `rm -rf d && mkdir d`), instead of a whiteout per old child. Directories appear when
 * their metadata changed or something below them did. The root is always there.
 */
export function diffTrees(lower: DirEntry, upper: DirEntry): DirEntry {
  const { opaque: _opaque, ...meta } = upper;
  return diffDir(lower, upper, false) ?? { ...meta, children: new Map() };
}

function diffDir(l: DirEntry, u: DirEntry, mayBeOpaque: boolean): DirEntry | undefined {
  if (l === u) return undefined;
  const { opaque: _opaque, ...meta } = u;
  if (mayBeOpaque && l.children.size > 0 && u.children.size > 0 && noneSurvive(l, u)) return { ...meta, children: u.children, opaque: true };
  const children = new Map<string, Entry>();
  for (const [name, ue] of u.children) {
    const le = l.children.get(name);
    if (le === ue) continue;
    if (le?.type === 'dir' && ue.type === 'dir') {
      const sub = diffDir(le, ue, true);
      if (sub !== undefined) children.set(name, sub);
    } else if (le === undefined || !treesEqual(le, ue)) children.set(name, ue);
  }
  for (const name of l.children.keys()) {
    if (!u.children.has(name)) children.set(WHITEOUT_PREFIX + name, makeFile(EMPTY_CONTENT, { mode: 0, mtime: u.mtime }));
  }
  if (children.size === 0 && sameNode(stripOpaque(l), stripOpaque(u))) return undefined;
  return { ...meta, children };
}

function noneSurvive(l: DirEntry, u: DirEntry): boolean {
  for (const name of l.children.keys()) if (u.children.has(name)) return false;
  return true;
}

function stripOpaque(d: DirEntry): DirEntry {
  if (!d.opaque) return d;
  const { opaque: _opaque, ...rest } = d;
  return rest;
}

export type ChangeKind = 'A' | 'C' | 'D';
export interface Change {
  readonly kind: ChangeKind;
  readonly path: string;
}

/**
 * What `docker diff` prints for `upper` against `lower`, in its order (sorted by path, byte-wise). As in moby's
 * archive/changes.go: everything under an added directory is listed; a deleted directory is one `D`; a directory
 * counts as changed by its mode and owner only (not its mtime or size), but is listed as `C` whenever anything
 * below it changed. Files also change by mtime, size or content (content stands in for Linux's nanosecond mtimes,
 * which our one-second clock cannot show).
 */
export function changes(lower: DirEntry, upper: DirEntry): Change[] {
  const out: Change[] = [];
  addChanges(lower, upper, '', out);
  return out.sort((a, b) => compareNames(a.path, b.path));
}

const NO_CHILDREN: ReadonlyMap<string, Entry> = new Map();

function addChanges(l: DirEntry | undefined, u: DirEntry, path: string, out: Change[]): void {
  const old = l?.children ?? NO_CHILDREN;
  for (const [name, ue] of u.children) {
    const le = old.get(name);
    if (le === ue) continue;
    const p = `${path}/${name}`;
    const before = out.length;
    let recorded = false;
    if (le === undefined) {
      out.push({ kind: 'A', path: p });
      recorded = true;
    } else if (statDifferent(le, ue)) {
      out.push({ kind: 'C', path: p });
      recorded = true;
    }
    if (ue.type === 'dir') {
      addChanges(le === undefined ? undefined : le.type === 'dir' ? le : { ...ue, children: NO_CHILDREN }, ue, p, out);
      if (!recorded && out.length > before) out.push({ kind: 'C', path: p });
    }
  }
  for (const name of old.keys()) if (!u.children.has(name)) out.push({ kind: 'D', path: `${path}/${name}` });
}

function statDifferent(a: Entry, b: Entry): boolean {
  if (a.type !== b.type || a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid) return true;
  if (a.type === 'dir') return false;
  if (a.mtime !== b.mtime) return true;
  if (a.type === 'file') return b.type === 'file' && (contentSize(a.content) !== contentSize(b.content) || !contentEquals(a.content, b.content));
  return b.type === 'symlink' && a.target !== b.target;
}
