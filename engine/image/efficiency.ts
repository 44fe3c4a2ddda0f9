import { contentSize } from '../fs/content.ts';
import { getEntry, walk } from '../fs/tree.ts';
import { OPAQUE_MARKER, union, WHITEOUT_PREFIX } from '../fs/union.ts';
import type { DirEntry, Entry } from '../fs/types.ts';

/** A path that more than one layer wrote (or removed): dive's "inefficient file". */
export interface Inefficiency {
  /** `/etc/apt/cache.bin` */
  readonly path: string;
  /** How many layers hold a version of it (a removal counts as one). */
  readonly count: number;
  /** The sizes of all its versions together: what dive lists as its wasted space. */
  readonly totalSize: number;
}

export interface Efficiency {
  /** 0..1: 1 when no path is written twice. */
  readonly score: number;
  readonly wastedBytes: number;
  /** Largest first. */
  readonly inefficiencies: readonly Inefficiency[];
}

interface PathData {
  total: number;
  min: number;
  count: number;
}

/**
 * dive's image efficiency (filetree/efficiency.go), over an image's layer trees, bottom first. Every leaf of every
 * layer (a file, a symlink, an empty directory, a whiteout) is a version of its path, sized as its tar entry is
 * (directories and symlinks 0). A whiteout is sized by what it removes only when that was a directory (the whole
 * subtree); a removed file's whiteout counts 0, so the file's own size is what the removal wastes. The score is
 * the sum over paths of their smallest version divided by the sum of all versions; the wasted bytes are the sum of
 * all versions of the paths that have more than one. dive drops opaque-directory markers, so they count nothing.
 */
export function efficiency(layers: readonly DirEntry[]): Efficiency {
  const paths = new Map<string, PathData>();
  const note = (path: string, size: number) => {
    const d = paths.get(path);
    if (!d) paths.set(path, { total: size, min: size, count: 1 });
    else {
      d.total += size;
      d.min = Math.min(d.min, size);
      d.count++;
    }
  };
  layers.forEach((layer, i) => {
    let below: DirEntry | undefined;
    // Only a whiteout needs the view below it; most layers have none, so it is made on first need.
    const lower = () => (below ??= union(layers.slice(0, i)));
    visitLeaves(layer, '', (path, entry) => note(path, tarSize(entry)), (path) => note(path, removedSize(lower(), path)));
  });

  let minimum = 0;
  let discovered = 0;
  let wastedBytes = 0;
  const inefficiencies: Inefficiency[] = [];
  for (const [path, d] of paths) {
    minimum += d.min;
    discovered += d.total;
    if (d.count >= 2) {
      wastedBytes += d.total;
      inefficiencies.push({ path, count: d.count, totalSize: d.total });
    }
  }
  inefficiencies.sort((a, b) => b.totalSize - a.totalSize || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { score: discovered === 0 ? 1 : minimum / discovered, wastedBytes, inefficiencies };
}

function visitLeaves(dir: DirEntry, base: string, entry: (path: string, e: Entry) => void, whiteout: (path: string) => void): void {
  for (const [name, e] of dir.children) {
    if (name === OPAQUE_MARKER) continue;
    if (name.startsWith(WHITEOUT_PREFIX)) whiteout(`${base}/${name.slice(WHITEOUT_PREFIX.length)}`);
    else if (e.type === 'dir' && e.children.size > 0) visitLeaves(e, `${base}/${name}`, entry, whiteout);
    else entry(`${base}/${name}`, e);
  }
}

/** The size a layer tar's header gives the entry. */
function tarSize(e: Entry): number {
  return e.type === 'file' ? contentSize(e.content) : 0;
}

function removedSize(lower: DirEntry, path: string): number {
  const gone = getEntry(lower, path);
  if (gone?.type !== 'dir') return 0;
  let n = 0;
  for (const [, e] of walk(gone)) n += tarSize(e);
  return n;
}
