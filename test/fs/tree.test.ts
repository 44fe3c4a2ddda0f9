import { describe, expect, it } from 'vitest';
import { buildTree, countEntries, deleteEntry, getEntry, makeDir, makeFile, makeSymlink, setEntry, treesEqual, walk } from '../../engine/fs/tree.ts';
import type { DirEntry } from '../../engine/fs/types.ts';

describe('tree', () => {
  it('makes entries with Linux defaults', () => {
    expect(makeFile('x')).toMatchObject({ type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    expect(makeDir()).toMatchObject({ type: 'dir', mode: 0o755 });
    expect(makeDir([], { opaque: true }).opaque).toBe(true);
    expect(makeDir().opaque).toBeUndefined();
    expect(makeSymlink('/x', { mtime: 3 })).toMatchObject({ type: 'symlink', mode: 0o777, target: '/x', mtime: 3 });
  });

  it('builds from items, creating parents, later items winning, dirs keeping their children', () => {
    const t = buildTree(
      [
        { path: '/a/b/c', entry: makeFile('1') },
        { path: '/a', entry: makeDir([['pre', makeFile('p')]], { mode: 0o700 }) },
        { path: '/a/b/c', entry: makeFile('2') },
        { path: '/x', entry: makeFile('f') },
        { path: '/x/y', entry: makeFile('over a file') },
        { path: '/', entry: makeDir([], { mtime: 9 }) },
      ],
      { mode: 0o711 },
    );
    expect([...walk(t)].map(([p]) => p)).toEqual(['/a', '/a/b', '/a/b/c', '/a/pre', '/x', '/x/y']);
    expect(getEntry(t, '/a')).toMatchObject({ mode: 0o700 });
    expect(getEntry(t, '/a/b')).toMatchObject({ mode: 0o711 });
    expect(getEntry(t, '/x')?.type).toBe('dir');
    expect(t.mtime).toBe(9);
    expect(countEntries(t)).toBe(6);
  });

  it('builds 20,000 files quickly', () => {
    const items = [];
    for (let i = 0; i < 20_000; i++) items.push({ path: `/d${i % 100}/s${i % 7}/f${i}`, entry: makeFile('') });
    const start = performance.now();
    const t = buildTree(items);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(countEntries(t)).toBe(20_000 + 100 + 700);
  });

  it('sets and deletes with structural sharing', () => {
    const t = buildTree([
      { path: '/a/b/c', entry: makeFile('1') },
      { path: '/z/y', entry: makeFile('2') },
    ]);
    const t2 = setEntry(t, '/a/b/d', makeFile('3'));
    expect(getEntry(t2, '/a/b/d')).toBeDefined();
    expect(getEntry(t, '/a/b/d')).toBeUndefined();
    expect(t2.children.get('z')).toBe(t.children.get('z'));
    expect((t2.children.get('a') as DirEntry).children.get('b')).not.toBe((t.children.get('a') as DirEntry).children.get('b'));
    const t3 = deleteEntry(t2, '/a/b');
    expect(getEntry(t3, '/a')).toBeDefined();
    expect(getEntry(t3, '/a/b')).toBeUndefined();
    expect(deleteEntry(t3, '/nope/x')).toBe(t3);
    expect(() => setEntry(t, '/missing/x', makeFile(''))).toThrow();
    expect(getEntry(setEntry(t, '/new/deep/x', makeFile(''), { mode: 0o700 }), '/new/deep')).toMatchObject({ mode: 0o700 });
    expect(getEntry(t, '/a/b/c/too-deep')).toBeUndefined();
  });

  it('compares trees deeply', () => {
    const mk = (s: string) => buildTree([{ path: '/a/b', entry: makeFile(s) }]);
    expect(treesEqual(mk('1'), mk('1'))).toBe(true);
    expect(treesEqual(mk('1'), mk('2'))).toBe(false);
    expect(treesEqual(mk('1'), buildTree([{ path: '/a/b', entry: makeFile('1', { mode: 0o600 }) }]))).toBe(false);
    expect(treesEqual(mk('1'), buildTree([{ path: '/a/c', entry: makeFile('1') }]))).toBe(false);
  });
});
