import { basename, dirname } from '../../fs/path.ts';
import { makeDir } from '../../fs/tree.ts';
import type { DirEntry, Entry, Fs } from '../../fs/types.ts';

/**
 * docker cp's path rules (moby pkg/archive copy.go: CopyInfoSourcePath, CopyInfoDestinationPath, as the CLI and the
 * daemon apply them), over two filesystems. The errors are pkg/archive's (`not a directory`, `no such directory`,
 * `cannot copy directory`); the caller words them as the client or the daemon would.
 */
export class CopyError extends Error {}

/** What is copied: the entry, and the name it takes in the archive (`.` for a `/.` source: its contents). */
export interface CopySource {
  readonly entry: Entry;
  readonly name: string;
  /** `dir/.`: the directory's contents, not the directory. */
  readonly contentsOnly: boolean;
}

/** The source at `path` (absolute, as typed after resolving): a symlink is copied as such unless `follow`. */
export function copySource(fs: Fs, path: string, typed: string, follow: boolean): CopySource | undefined {
  let entry: Entry;
  try {
    entry = fs.entry(path, follow || typed.endsWith('/') || typed.endsWith('/.'));
  } catch {
    return undefined;
  }
  if ((typed.endsWith('/') || typed.endsWith('/.')) && entry.type !== 'dir') throw new CopyError('not a directory');
  const contentsOnly = typed === '.' || typed.endsWith('/.');
  return { entry, name: basename(path) || '/', contentsOnly };
}

/** The source as a one-entry tree, what the tar stream between client and daemon holds (for sizes and `-`). */
export function archiveTree(src: CopySource): DirEntry {
  if (src.contentsOnly && src.entry.type === 'dir') return src.entry;
  return makeDir([[src.name, src.entry]]);
}

/** Writes `src` at `dest` (absolute; `typed` as given, for the trailing-slash rule) in `fs`. */
export function copyInto(fs: Fs, dest: string, typed: string, src: CopySource): void {
  const destEntry = entryOrUndefined(fs, dest);
  if (src.entry.type === 'dir') {
    if (destEntry && destEntry.type !== 'dir') throw new CopyError('cannot copy directory');
    if (!destEntry) {
      needDir(fs, dirname(dest));
      fs.putEntry(dest, src.entry);
    } else if (src.contentsOnly) merge(fs, dest, src.entry);
    else merge(fs, `${dest === '/' ? '' : dest}/${src.name}`, src.entry);
    return;
  }
  if (destEntry?.type === 'dir') return void fs.putEntry(`${dest === '/' ? '' : dest}/${src.name}`, src.entry);
  if (!destEntry && (typed.endsWith('/') || typed.endsWith('/.'))) throw new CopyError('no such directory');
  if (!destEntry) needDir(fs, dirname(dest));
  fs.putEntry(dest, src.entry);
}

/** Extracting over a directory merges: existing entries stay unless the archive has the same name. */
function merge(fs: Fs, path: string, entry: Entry): void {
  const here = entryOrUndefined(fs, path);
  if (entry.type !== 'dir' || here?.type !== 'dir') return void fs.putEntry(path, entry);
  for (const [name, child] of entry.children) merge(fs, `${path === '/' ? '' : path}/${name}`, child);
}

function needDir(fs: Fs, path: string): void {
  if (entryOrUndefined(fs, path)?.type !== 'dir') throw new CopyError('no such directory');
}

function entryOrUndefined(fs: Fs, path: string): Entry | undefined {
  try {
    return fs.entry(path);
  } catch {
    return undefined;
  }
}

/** Every entry below (and including) `e` owned by uid:gid: what the receiving end does without `-a`. */
export function ownedBy(e: Entry, uid: number, gid: number): Entry {
  if (e.type !== 'dir') return { ...e, uid, gid };
  return { ...e, uid, gid, children: new Map([...e.children].map(([n, c]) => [n, ownedBy(c, uid, gid)])) };
}
