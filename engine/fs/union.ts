import type { DirEntry, Entry } from './types.ts';

/**
 * The overlayfs view of layers, lowest first, as a container or the next build step sees it. Whiteouts are layer
 * files named `.wh.<name>` that hide `<name>` in the layers below; `opaque` directories hide everything below them.
 * Unchanged subtrees are returned by reference, so stacking ten layers that share most of the tree costs only the
 * directories where layers actually meet.
 */

export const WHITEOUT_PREFIX = '.wh.';
/** The tar spelling of an opaque directory marker (`.wh..wh..opq`); in trees it is `DirEntry.opaque`. */
export const OPAQUE_MARKER = '.wh..wh..opq';

export function isWhiteout(name: string): boolean {
  return name.startsWith(WHITEOUT_PREFIX);
}

export function union(layers: readonly DirEntry[]): DirEntry {
  if (layers.length === 0) return { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0, children: new Map() };
  return mergeDirs(visibleStack(layers));
}

/** The directories that contribute, lowest first: everything from the top-most opaque one up, duplicates dropped. */
function visibleStack(dirs: readonly DirEntry[]): DirEntry[] {
  const out: DirEntry[] = [];
  for (let i = dirs.length - 1; i >= 0; i--) {
    const d = dirs[i]!;
    // The same object twice adds nothing: its upper copy already shows everything the lower one would.
    if (out[out.length - 1] !== d) out.push(d);
    if (d.opaque) break;
  }
  return out.reverse();
}

function mergeDirs(stack: readonly DirEntry[]): DirEntry {
  const top = stack[stack.length - 1]!;
  if (stack.length === 1) return clean(top);
  const names = new Set<string>();
  for (const d of stack) for (const name of d.children.keys()) if (!isWhiteout(name)) names.add(name);
  const children = new Map<string, Entry>();
  for (const name of names) {
    const found: DirEntry[] = [];
    let result: Entry | undefined;
    for (let i = stack.length - 1; i >= 0; i--) {
      const d = stack[i]!;
      const e = d.children.get(name);
      if (e !== undefined) {
        if (e.type !== 'dir') {
          // A non-directory hides whatever the layers below had at this name; above a directory it is hidden itself.
          if (found.length === 0) result = e;
          break;
        }
        if (found[found.length - 1] !== e) found.push(e);
        if (e.opaque) break;
      }
      if (d.children.has(WHITEOUT_PREFIX + name)) break;
    }
    if (found.length > 0) result = mergeDirs(found.reverse());
    if (result !== undefined) children.set(name, result);
  }
  const { opaque: _opaque, ...meta } = top;
  return { ...meta, children };
}

/** Whether a layer directory holds no whiteouts or opaque flags anywhere below (memoized per shared object). */
const cleanCache = new WeakMap<DirEntry, boolean>();
function isClean(d: DirEntry): boolean {
  let v = cleanCache.get(d);
  if (v === undefined) {
    v = !d.opaque;
    if (v) {
      for (const [name, e] of d.children) {
        if (isWhiteout(name) || (e.type === 'dir' && !isClean(e))) {
          v = false;
          break;
        }
      }
    }
    cleanCache.set(d, v);
  }
  return v;
}

/** A single contributing directory, minus the whiteouts and opaque flags that have nothing left to hide. */
function clean(d: DirEntry): DirEntry {
  if (isClean(d)) return d;
  const children = new Map<string, Entry>();
  for (const [name, e] of d.children) if (!isWhiteout(name)) children.set(name, e.type === 'dir' ? clean(e) : e);
  const { opaque: _opaque, ...meta } = d;
  return { ...meta, children };
}
