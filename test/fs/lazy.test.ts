import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentChunks, contentSize, readContent, readRange } from '../../engine/fs/content.ts';
import { tarBytes, tarLength } from '../../engine/fs/tar.ts';
import { makeDir, makeFile } from '../../engine/fs/tree.ts';
import { TreeFs } from '../../engine/fs/tree-fs.ts';
import type { FileContent } from '../../engine/fs/types.ts';
import { syntheticContent } from '../../engine/fs/content.ts';
import { arbRoot } from './arbitrary.ts';

function lazy(parts: string[]): FileContent & { reads: number } {
  const bytes = parts.map((p) => new TextEncoder().encode(p));
  const c = {
    kind: 'lazy' as const,
    size: bytes.reduce((n, b) => n + b.length, 0),
    reads: 0,
    *chunks(start = 0) {
      c.reads++;
      for (const b of bytes) {
        if (start < b.length) yield b.subarray(Math.max(0, start));
        start -= b.length;
      }
    },
  };
  return c;
}

describe('lazy content', () => {
  it('is produced only when read, and reads the same every time', () => {
    const c = lazy(['hello ', 'world']);
    expect(contentSize(c)).toBe(11);
    expect(c.reads).toBe(0);
    expect(new TextDecoder().decode(readContent(c))).toBe('hello world');
    expect(new TextDecoder().decode(readRange(c, 6, 11))).toBe('world');
    expect([...contentChunks(c)].map((b) => b.length)).toEqual([6, 5]);
  });

  it('can be written to a file, which then has its size without being read', () => {
    const fs = new TreeFs(undefined, () => 100);
    fs.mkdir('/tmp');
    const c = lazy(['abc']);
    fs.writeFile('/tmp/a.tar', c, { mode: 0o600, uid: 1000, gid: 1000 });
    expect(fs.stat('/tmp/a.tar')).toMatchObject({ size: 3, mode: 0o600, uid: 1000, mtime: 100 });
    expect(c.reads).toBe(0);
    expect(fs.readText('/tmp/a.tar')).toBe('abc');
    expect(() => fs.writeFile('/tmp/a.tar', c, { append: true })).toThrow(/EINVAL/);
  });
});

describe('tarLength', () => {
  it('equals the length of the tar itself', () => {
    fc.assert(fc.property(arbRoot, (root) => tarLength(root) === tarBytes(root).length));
  });

  it('measures a gigabyte layer without producing it', () => {
    const big = makeDir([['usr', makeDir([['blob', makeFile(syntheticContent('big', 1_000_000_000))]])]]);
    expect(tarLength(big)).toBe(512 + 512 + 1_000_000_000 + 1024);
  });
});
