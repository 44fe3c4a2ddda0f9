import { describe, expect, it } from 'vitest';
import { buildTree, getEntry, makeDir, makeFile, treesEqual, walk } from '../../engine/fs/tree.ts';
import { union } from '../../engine/fs/union.ts';
import type { DirEntry } from '../../engine/fs/types.ts';

const f = (s: string) => makeFile(s);
const tree = (spec: Record<string, string | null>, opaque: string[] = []): DirEntry => {
  let t = buildTree(Object.entries(spec).map(([path, v]) => ({ path, entry: v === null ? makeDir() : f(v) })));
  for (const p of opaque) t = buildTree([{ path: p, entry: { ...(getEntry(t, p) as DirEntry), opaque: true } }], {}, t);
  return t;
};
const paths = (t: DirEntry) => [...walk(t)].map(([p, e]) => (e.type === 'file' ? `${p}=${new TextDecoder().decode((e.content as { bytes: Uint8Array }).bytes)}` : p));

describe('union', () => {
  it('upper entries win and directories merge', () => {
    const u = union([tree({ '/etc/a': '1', '/etc/b': '1', '/bin/sh': 'sh' }), tree({ '/etc/b': '2', '/etc/c': '2' })]);
    expect(paths(u)).toEqual(['/bin', '/bin/sh=sh', '/etc', '/etc/a=1', '/etc/b=2', '/etc/c=2']);
  });

  it('whiteouts delete from lower layers and never show', () => {
    const u = union([tree({ '/etc/a': '1', '/etc/b': '1', '/x/y': '1' }), tree({ '/etc/.wh.a': '', '/.wh.x': '' })]);
    expect(paths(u)).toEqual(['/etc', '/etc/b=1']);
  });

  it('a whiteout does not hide an entry of its own layer, and a higher layer can bring the name back', () => {
    const u = union([tree({ '/a': '1' }), tree({ '/.wh.a': '', '/a': '2' })]);
    expect(paths(u)).toEqual(['/a=2']);
    const v = union([tree({ '/a': '1' }), tree({ '/.wh.a': '' }), tree({ '/a': '3' })]);
    expect(paths(v)).toEqual(['/a=3']);
  });

  it('an opaque directory hides everything below it', () => {
    const u = union([tree({ '/d/old': '1', '/d/sub/x': '1', '/e': '1' }), tree({ '/d/new': '2' }, ['/d'])]);
    expect(paths(u)).toEqual(['/d', '/d/new=2', '/e=1']);
    expect((getEntry(u, '/d') as DirEntry).opaque).toBeUndefined();
  });

  it('a file replacing a directory hides it, and a directory above a file replaces it', () => {
    expect(paths(union([tree({ '/d/x': '1' }), tree({ '/d': 'file' })]))).toEqual(['/d=file']);
    expect(paths(union([tree({ '/d': 'file' }), tree({ '/d/x': '1' })]))).toEqual(['/d', '/d/x=1']);
    expect(paths(union([tree({ '/d/a': '1' }), tree({ '/d': 'file' }), tree({ '/d/b': '2' })]))).toEqual(['/d', '/d/b=2']);
  });

  it('takes directory metadata from the top-most layer that has the directory', () => {
    const low = buildTree([{ path: '/d', entry: makeDir([], { mode: 0o700, mtime: 1 }) }]);
    const high = buildTree([{ path: '/d', entry: makeDir([], { mode: 0o750, mtime: 2 }) }]);
    expect(getEntry(union([low, high]), '/d')).toMatchObject({ mode: 0o750, mtime: 2 });
  });

  it('reuses subtrees only one layer contributes, by reference', () => {
    const base = tree({ '/usr/lib/a': '1', '/usr/lib/b': '2', '/etc/x': '1' });
    const top = tree({ '/etc/y': '2' });
    const u = union([base, top]);
    expect(u.children.get('usr')).toBe(base.children.get('usr'));
    // Layers sharing a subtree object: nothing to merge there.
    const shared = buildTree([{ path: '/etc/z', entry: f('3') }], {}, base);
    const v = union([base, shared]);
    expect(v.children.get('usr')).toBe(base.children.get('usr'));
    expect(paths(v)).toContain('/etc/z=3');
  });

  it('strips whiteouts and opaque flags from a lone contributing directory', () => {
    const top = tree({ '/new/sub/.wh.ghost': '', '/new/sub/real': 'r' }, ['/new']);
    const u = union([tree({ '/a': '1' }), top]);
    expect(paths(u)).toEqual(['/a=1', '/new', '/new/sub', '/new/sub/real=r']);
    expect((getEntry(u, '/new') as DirEntry).opaque).toBeUndefined();
  });

  it('handles one layer and no layers', () => {
    const t = tree({ '/a': '1' });
    expect(union([t])).toBe(t);
    expect(union([]).children.size).toBe(0);
    expect(treesEqual(union([t, t, t]), t)).toBe(true);
  });
});
