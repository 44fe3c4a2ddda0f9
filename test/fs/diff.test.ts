import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changes, diffTrees } from '../../engine/fs/diff.ts';
import { buildTree, getEntry, makeDir, makeFile, treesEqual, walk } from '../../engine/fs/tree.ts';
import { TreeFs } from '../../engine/fs/tree-fs.ts';
import { union } from '../../engine/fs/union.ts';
import type { DirEntry } from '../../engine/fs/types.ts';
import { arbRoot } from './arbitrary.ts';

const tree = (spec: Record<string, string | null>): DirEntry =>
  buildTree(Object.entries(spec).map(([path, v]) => ({ path, entry: v === null ? makeDir() : makeFile(v) })));
const listing = (t: DirEntry) => [...walk(t)].map(([p, e]) => `${e.type[0]} ${p}${e.type === 'file' && e.mode === 0 ? ' (whiteout)' : ''}${e.type === 'dir' && e.opaque ? ' (opaque)' : ''}`);

describe('diffTrees', () => {
  it('records additions, changes and deletions as a layer', () => {
    const lower = tree({ '/etc/a': '1', '/etc/b': '1', '/usr/x': '1', '/gone/deep': '1' });
    const upper = tree({ '/etc/a': '2', '/etc/b': '1', '/etc/new': '1', '/usr/x': '1' });
    const layer = diffTrees(lower, upper);
    expect(listing(layer)).toEqual(['f /.wh.gone (whiteout)', 'd /etc', 'f /etc/a', 'f /etc/new']);
    expect(getEntry(layer, '/.wh.gone')).toMatchObject({ mode: 0, uid: 0, gid: 0 });
    expect(treesEqual(union([lower, layer]), upper)).toBe(true);
  });

  it('writes a directory whose old contents are all gone as opaque', () => {
    const lower = tree({ '/d/a': '1', '/d/b': '1' });
    const upper = tree({ '/d/c': '1' });
    expect(listing(diffTrees(lower, upper))).toEqual(['d /d (opaque)', 'f /d/c']);
    // When some old content remains, individual whiteouts are used.
    expect(listing(diffTrees(lower, tree({ '/d/a': '1', '/d/c': '1' })))).toEqual(['d /d', 'f /d/.wh.b (whiteout)', 'f /d/c']);
  });

  it('is empty for identical trees, without looking inside shared subtrees', () => {
    const t = tree({ '/a/b': '1' });
    expect(diffTrees(t, t).children.size).toBe(0);
    expect(diffTrees(t, tree({ '/a/b': '1' })).children.size).toBe(0);
  });

  it('includes a directory whose metadata alone changed', () => {
    const lower = tree({ '/d/x': '1' });
    const fs = new TreeFs(lower);
    fs.chmod('/d', 0o700);
    const layer = diffTrees(lower, fs.root);
    expect(listing(layer)).toEqual(['d /d']);
    expect(getEntry(layer, '/d')).toMatchObject({ mode: 0o700 });
  });

  it('union([lower, diffTrees(lower, upper)]) equals upper (random trees)', () => {
    fc.assert(
      fc.property(arbRoot, arbRoot, (lower, upper) => {
        const layer = diffTrees(lower, upper);
        expect(treesEqual(union([lower, layer]), upper)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('stacks: diffs of successive trees rebuild the last one', () => {
    fc.assert(
      fc.property(fc.array(arbRoot, { minLength: 2, maxLength: 5 }), (trees) => {
        const layers = [trees[0]!];
        for (let i = 1; i < trees.length; i++) layers.push(diffTrees(trees[i - 1]!, trees[i]!));
        expect(treesEqual(union(layers), trees[trees.length - 1]!)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips edits made through TreeFs (shared structure)', () => {
    const ops = fc.array(
      fc.tuple(fc.constantFrom('write', 'rm', 'mkdir', 'chmod', 'symlink', 'rename'), fc.constantFrom('/a', '/b', '/a/x', '/b/y', '/c', '/a/x/z')),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arbRoot, ops, (lower, list) => {
        const fs = new TreeFs(lower, () => 5);
        for (const [op, p] of list) {
          try {
            if (op === 'write') fs.writeFile(p, 'w');
            else if (op === 'rm') fs.rm(p, { recursive: true });
            else if (op === 'mkdir') fs.mkdir(p, { recursive: true });
            else if (op === 'chmod') fs.chmod(p, 0o711);
            else if (op === 'symlink') fs.symlink('/a', p);
            else fs.rename(p, '/moved');
          } catch {
            /* errors are part of the game */
          }
        }
        expect(treesEqual(union([lower, diffTrees(lower, fs.root)]), fs.root)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('changes (docker diff)', () => {
  it('lists A/C/D sorted by path, marking parents of changes as C', () => {
    const lower = tree({ '/etc/passwd': 'root', '/etc/hosts': 'h', '/var/log/old': 'o', '/tmp': null, '/a.txt': '1' });
    const fs = new TreeFs(lower, () => 10);
    fs.writeFile('/etc/passwd', 'root\nnode');
    fs.rm('/var/log/old');
    fs.mkdir('/app/src', { recursive: true });
    fs.writeFile('/app/src/index.js', '');
    fs.writeFile('/a.txt', '2');
    expect(changes(lower, fs.root)).toEqual([
      { kind: 'C', path: '/a.txt' },
      { kind: 'A', path: '/app' },
      { kind: 'A', path: '/app/src' },
      { kind: 'A', path: '/app/src/index.js' },
      { kind: 'C', path: '/etc' },
      { kind: 'C', path: '/etc/passwd' },
      { kind: 'C', path: '/var' },
      { kind: 'C', path: '/var/log' },
      { kind: 'D', path: '/var/log/old' },
    ]);
  });

  it('sorts by whole path bytes, as Go sorts strings', () => {
    const lower = tree({});
    const upper = tree({ '/a/b': '1', '/a.txt': '1' });
    expect(changes(lower, upper).map((c) => c.path)).toEqual(['/a', '/a.txt', '/a/b']);
  });

  it('lists a deleted directory once, and a type change as C', () => {
    const lower = tree({ '/d/x/y': '1', '/f': '1' });
    const upper = tree({ '/f/inner': '1' });
    expect(changes(lower, upper)).toEqual([
      { kind: 'D', path: '/d' },
      { kind: 'C', path: '/f' },
      { kind: 'A', path: '/f/inner' },
    ]);
  });

  it('ignores a directory mtime change but not a mode change', () => {
    const lower = tree({ '/d/x': '1' });
    const fs = new TreeFs(lower);
    fs.utimes('/d', 99);
    expect(changes(lower, fs.root)).toEqual([]);
    fs.chmod('/d', 0o700);
    expect(changes(lower, fs.root)).toEqual([{ kind: 'C', path: '/d' }]);
  });

  it('sees a same-size rewrite in the same second', () => {
    const lower = tree({ '/f': 'aaaa' });
    const fs = new TreeFs(lower);
    fs.writeFile('/f', 'bbbb');
    expect(fs.stat('/f').mtime).toBe(0);
    expect(changes(lower, fs.root)).toEqual([{ kind: 'C', path: '/f' }]);
  });
});
