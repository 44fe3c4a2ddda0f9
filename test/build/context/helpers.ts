import { bytesContent } from '../../../engine/fs/content.ts';
import { buildTree, makeDir, makeFile, makeSymlink, walk } from '../../../engine/fs/tree.ts';
import type { DirEntry, Entry } from '../../../engine/fs/types.ts';

/** 2025-07-14 09:00 UTC, the machines' first day. */
export const T0 = 1752483600;

/** A tree from a compact spec: `name/` is a directory, `name -> target` a symlink, anything else a file. */
export function tree(spec: Record<string, string | Entry>, meta: { uid?: number; gid?: number; mtime?: number } = {}): DirEntry {
  const m = { uid: meta.uid ?? 0, gid: meta.gid ?? 0, mtime: meta.mtime ?? T0 };
  return buildTree(
    Object.entries(spec).map(([path, v]) => {
      if (typeof v !== 'string') return { path, entry: v };
      if (path.endsWith('/')) return { path, entry: makeDir([], { ...m, mode: 0o755 }) };
      const link = / -> (.*)$/.exec(path);
      if (link) return { path: path.slice(0, link.index), entry: makeSymlink(link[1]!, m) };
      return { path, entry: makeFile(bytesContent(v), { ...m, mode: 0o644 }) };
    }),
    { ...m, mode: 0o755 },
  );
}

/** Every path below the root, `dir/` for directories, `link -> target` for symlinks. */
export function paths(root: DirEntry): string[] {
  return [...walk(root)].map(([p, e]) => (e.type === 'dir' ? `${p.slice(1)}/` : e.type === 'symlink' ? `${p.slice(1)} -> ${e.target}` : p.slice(1)));
}

export function text(root: DirEntry, path: string): string {
  let e: Entry | undefined = root;
  for (const s of path.split('/').filter(Boolean)) e = e?.type === 'dir' ? e.children.get(s) : undefined;
  if (e?.type !== 'file' || e.content.kind !== 'bytes') throw new Error(`no file ${path}`);
  return new TextDecoder().decode(e.content.bytes);
}

export function entryAt(root: DirEntry, path: string): Entry | undefined {
  let e: Entry | undefined = root;
  for (const s of path.split('/').filter(Boolean)) e = e?.type === 'dir' ? e.children.get(s) : undefined;
  return e;
}
