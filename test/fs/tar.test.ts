import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticContent } from '../../engine/fs/content.ts';
import { diffTrees } from '../../engine/fs/diff.ts';
import { readTar, TarError, tarBytes, tarChunks, tarToTree } from '../../engine/fs/tar.ts';
import { buildTree, getEntry, makeDir, makeFile, makeSymlink, treesEqual } from '../../engine/fs/tree.ts';
import type { DirEntry } from '../../engine/fs/types.ts';
import { arbRoot } from './arbitrary.ts';

const ascii = (b: Uint8Array) => new TextDecoder().decode(b);
const field = (block: Uint8Array, off: number, len: number) => ascii(block.subarray(off, off + len));

describe('tar writer', () => {
  it('writes an empty layer as exactly two zero blocks', () => {
    const bytes = tarBytes(makeDir());
    expect(bytes.length).toBe(1024);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });

  it('writes Go-style USTAR headers', () => {
    const t = buildTree([{ path: '/a', entry: makeFile('hi', { mode: 0o4755, uid: 1000, gid: 50, mtime: 1700000000 }) }]);
    const bytes = tarBytes(t);
    expect(bytes.length).toBe(512 + 512 + 1024);
    const h = bytes.subarray(0, 512);
    expect(field(h, 0, 100)).toBe('a' + '\0'.repeat(99));
    expect(field(h, 100, 8)).toBe('0004755\0');
    expect(field(h, 108, 8)).toBe('0001750\0');
    expect(field(h, 116, 8)).toBe('0000062\0');
    expect(field(h, 124, 12)).toBe('00000000002\0');
    expect(field(h, 136, 12)).toBe(1700000000 .toString(8).padStart(11, '0') + '\0');
    expect(field(h, 156, 1)).toBe('0');
    expect(field(h, 257, 8)).toBe('ustar\u000000');
    expect(field(h, 265, 64)).toBe('\0'.repeat(64)); // uname, gname
    expect(field(h, 329, 16)).toBe('0000000\u00000000000\0'); // devmajor, devminor
    // Checksum: six octal digits, NUL, space; the sum of the header with the field as spaces.
    expect(field(h, 148, 8)).toMatch(/^[0-7]{6}\0 $/);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    expect(parseInt(field(h, 148, 6), 8)).toBe(sum);
    expect(ascii(bytes.subarray(512, 514))).toBe('hi');
    expect(bytes.subarray(514, 1024).every((b) => b === 0)).toBe(true);
  });

  it('orders entries depth-first with each directory sorted, directories with a trailing slash', () => {
    const t = buildTree([
      { path: '/b', entry: makeFile('') },
      { path: '/a.txt', entry: makeFile('') },
      { path: '/a/z', entry: makeFile('') },
      { path: '/a/y/x', entry: makeSymlink('../z') },
      { path: '/.wh.old', entry: makeFile('', { mode: 0 }) },
      { path: '/B', entry: makeDir() },
    ]);
    expect(readTar(tarBytes(t)).map((m) => `${m.type}:${m.name}`)).toEqual([
      'file:.wh.old',
      'dir:B/',
      'dir:a/',
      'dir:a/y/',
      'symlink:a/y/x',
      'file:a/z',
      'file:a.txt',
      'file:b',
    ]);
  });

  it('writes an opaque directory marker right after the directory', () => {
    const t = buildTree([{ path: '/d', entry: makeDir([['-a', makeFile('1')]], { opaque: true, mode: 0o750, uid: 3 }) }]);
    const members = readTar(tarBytes(t));
    expect(members.map((m) => m.name)).toEqual(['d/', 'd/.wh..wh..opq', 'd/-a']);
    expect(members[1]).toMatchObject({ type: 'file', mode: 0o750, uid: 3, mtime: 0 });
    expect(members[1]!.data.length).toBe(0);
  });

  it('splits long names into the USTAR prefix when it can, as Go does', () => {
    const dir = 'd'.repeat(60) + '/' + 'e'.repeat(60);
    const t = buildTree([{ path: `/${dir}/file`, entry: makeFile('x') }]);
    const bytes = tarBytes(t);
    // Third member (after two directories) is the file: name field holds "file", prefix holds the directories.
    const h = bytes.subarray(1024, 1536);
    expect(field(h, 0, 5)).toBe('file\0');
    expect(field(h, 345, dir.length + 1)).toBe(dir + '\0');
    expect(readTar(bytes)[2]!.name).toBe(`${dir}/file`);
  });

  it('uses a PAX header for what USTAR cannot hold', () => {
    const longName = 'n'.repeat(120);
    const t = buildTree([
      { path: '/' + longName, entry: makeFile('x') },
      { path: '/caf\u00e9', entry: makeFile('y', { uid: 3_000_000 }) },
      { path: '/l', entry: makeSymlink('t'.repeat(101)) },
    ]);
    const bytes = tarBytes(t);
    const h = bytes.subarray(0, 512);
    expect(field(h, 0, 20)).toBe('PaxHeaders.0/caf\0\0\0\0');
    expect(field(h, 156, 1)).toBe('x');
    expect(field(h, 100, 8)).toBe('0000000\0');
    expect(field(h, 329, 8)).toBe('\0'.repeat(8)); // Go's raw PAX header leaves devmajor empty
    const records = ascii(bytes.subarray(512, 512 + parseInt(field(h, 124, 11), 8)));
    expect(records).toBe('14 path=caf\u00e9\n15 uid=3000000\n');
    const main = bytes.subarray(1024, 1536);
    expect(field(main, 0, 4)).toBe('caf\0');
    expect(field(main, 108, 8)).toBe('0000000\0'); // the real uid is in the record
    const members = readTar(bytes);
    expect(members.map((m) => m.name)).toEqual(['caf\u00e9', 'l', longName]);
    expect(members[0]!.uid).toBe(3_000_000);
    expect(members[1]!.linkname).toBe('t'.repeat(101));
  });

  it('streams big synthetic files in chunks without a whole-file buffer', () => {
    const size = 3 * 1024 * 1024 + 7;
    const t = buildTree([{ path: '/big', entry: makeFile(syntheticContent('blob', size)) }]);
    let total = 0;
    let largest = 0;
    for (const c of tarChunks(t)) {
      total += c.length;
      largest = Math.max(largest, c.length);
    }
    expect(total).toBe(512 + Math.ceil(size / 512) * 512 + 1024);
    expect(largest).toBeLessThanOrEqual(64 * 1024);
  });

  it('is deterministic', () => {
    const t = buildTree([{ path: '/x/y', entry: makeFile('1', { mtime: 5 }) }]);
    const copy = buildTree([{ path: '/x/y', entry: makeFile('1', { mtime: 5 }) }]);
    expect(tarBytes(t)).toEqual(tarBytes(copy));
  });
});

describe('tar reader', () => {
  it('round-trips random layers, whiteouts and opaque directories included', () => {
    fc.assert(
      fc.property(arbRoot, arbRoot, (lower, upper) => {
        const layer = diffTrees(lower, upper);
        expect(treesEqual(tarToTree(tarBytes(layer)), layer)).toBe(true);
        expect(treesEqual(tarToTree(tarBytes(upper)), upper)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('maps .wh..wh..opq to an opaque directory and keeps .wh. files', () => {
    const t = buildTree([
      { path: '/d', entry: makeDir([['x', makeFile('1')]], { opaque: true }) },
      { path: '/.wh.gone', entry: makeFile('', { mode: 0 }) },
    ]);
    const back = tarToTree(tarBytes(t));
    expect((getEntry(back, '/d') as DirEntry).opaque).toBe(true);
    expect((getEntry(back, '/d') as DirEntry).children.has('.wh..wh..opq')).toBe(false);
    expect(getEntry(back, '/.wh.gone')?.type).toBe('file');
  });

  it('accepts children before their directory, ./ prefixes and hard links', () => {
    const blocks: Uint8Array[] = [];
    const header = (name: string, type: string, size = 0, link = '') => {
      const b = new Uint8Array(512);
      const put = (off: number, s: string) => b.set(new TextEncoder().encode(s), off);
      put(0, name);
      put(100, '0000700\0');
      put(108, '0000000\0');
      put(116, '0000000\0');
      put(124, size.toString(8).padStart(11, '0') + '\0');
      put(136, '00000000012\0');
      put(156, type);
      put(157, link);
      put(257, 'ustar\u000000');
      put(148, '        ');
      let sum = 0;
      for (const x of b) sum += x;
      put(148, sum.toString(8).padStart(6, '0') + '\0 ');
      return b;
    };
    const data = new Uint8Array(512);
    data.set(new TextEncoder().encode('hello'));
    blocks.push(header('./d/f', '0', 5), data, header('./d/', '5'), header('./d/hard', '1', 0, './d/f'), new Uint8Array(1024));
    const total = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
    let off = 0;
    for (const b of blocks) {
      total.set(b, off);
      off += b.length;
    }
    const t = tarToTree(total);
    expect(getEntry(t, '/d')).toMatchObject({ type: 'dir', mode: 0o700, mtime: 10 });
    expect(ascii((getEntry(t, '/d/hard') as { content: { bytes: Uint8Array } }).content.bytes)).toBe('hello');
    // A damaged header is refused, not misread.
    total[3] = 0x41;
    expect(() => readTar(total)).toThrow(TarError);
  });

  it('refuses truncated archives and .. paths', () => {
    const bytes = tarBytes(buildTree([{ path: '/f', entry: makeFile('x'.repeat(2000)) }]));
    expect(() => readTar(bytes.subarray(0, 1000))).toThrow(TarError);
    const evil = tarBytes(buildTree([{ path: '/aa', entry: makeFile('x') }]));
    evil.set(new TextEncoder().encode('..'), 0);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : evil[i]!;
    evil.set(new TextEncoder().encode(sum.toString(8).padStart(6, '0') + '\0 '), 148);
    expect(() => tarToTree(evil)).toThrow(TarError);
  });
});
