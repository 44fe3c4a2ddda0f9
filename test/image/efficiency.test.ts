import { describe, expect, it } from 'vitest';
import { syntheticContent } from '../../engine/fs/content.ts';
import { buildTree, makeDir, makeFile, makeSymlink } from '../../engine/fs/tree.ts';
import type { DirEntry, Entry } from '../../engine/fs/types.ts';
import { efficiency } from '../../engine/image/efficiency.ts';

/** A layer tree from `path: size` (a file of that many bytes) or `path: entry` (a whiteout, link, directory). */
function layer(items: Record<string, number | Entry>): DirEntry {
  return buildTree(Object.entries(items).map(([path, v]) => ({ path, entry: typeof v === 'number' ? makeFile(syntheticContent(path, v)) : v })));
}

const WHITEOUT = makeFile('', { mode: 0 });

describe('dive efficiency', () => {
  it('nothing written twice: 100 % and no waste', () => {
    const e = efficiency([layer({ '/bin/sh': 1000, '/etc/os-release': 200 }), layer({ '/app/index.js': 50 })]);
    expect(e).toEqual({ score: 1, wastedBytes: 0, inefficiencies: [] });
  });

  it('a file written in one layer and removed in the next wastes its size', () => {
    const e = efficiency([layer({ '/bin/sh': 1000 }), layer({ '/tmp/cache.tar': 3000 }), layer({ '/tmp/.wh.cache.tar': WHITEOUT })]);
    expect(e.wastedBytes).toBe(3000);
    expect(e.inefficiencies).toEqual([{ path: '/tmp/cache.tar', count: 2, totalSize: 3000 }]);
    // Its smallest version (the removal) is 0 bytes: only /bin/sh is kept of 4000 bytes seen.
    expect(e.score).toBe(1000 / 4000);
  });

  it('a file overwritten twice wastes every version, the kept one included, as dive counts it', () => {
    const e = efficiency([layer({ '/etc/conf': 100 }), layer({ '/etc/conf': 200 }), layer({ '/etc/conf': 300, '/etc/other': 400 })]);
    expect(e.wastedBytes).toBe(600);
    expect(e.inefficiencies).toEqual([{ path: '/etc/conf', count: 3, totalSize: 600 }]);
    expect(e.score).toBe((100 + 400) / (600 + 400));
  });

  it('a removed directory is sized by everything it held, as one version of its own path (dive\'s own example)', () => {
    const e = efficiency([
      layer({ '/etc/nginx/nginx.conf': 2000, '/etc/nginx/public': 3000 }),
      layer({ '/etc/nginx/nginx.conf': 5000, '/etc/athing': 10000 }),
      layer({ '/etc/.wh.nginx': WHITEOUT }),
    ]);
    expect(e.inefficiencies).toEqual([{ path: '/etc/nginx/nginx.conf', count: 2, totalSize: 7000 }]);
    expect(e.wastedBytes).toBe(7000);
    expect(e.score).toBe((2000 + 3000 + 10000 + 8000) / (7000 + 3000 + 10000 + 8000));
  });

  it('directories with children are not versions; empty directories and symlinks are, at 0 bytes', () => {
    const e = efficiency([layer({ '/var/empty': makeDir(), '/bin/sh': makeSymlink('busybox') }), layer({ '/var/empty': makeDir(), '/bin/sh': 10 })]);
    expect(e.inefficiencies).toEqual([
      { path: '/bin/sh', count: 2, totalSize: 10 },
      { path: '/var/empty', count: 2, totalSize: 0 },
    ]);
    expect(e.score).toBe(0);
  });

  it('an opaque directory marker counts nothing, and a layer stack with no bytes scores 1', () => {
    expect(efficiency([]).score).toBe(1);
    const opaque = makeDir([['new', makeFile('x')]], { opaque: true });
    const e = efficiency([layer({ '/d/old': 5 }), buildTree([{ path: '/d', entry: opaque }])]);
    expect(e.wastedBytes).toBe(0);
  });
});
