import { describe, expect, it } from 'vitest';
import { copyInfos, sourceHash, type CopyInfoOptions } from '../../../engine/build/legacy/copy-info.ts';
import { buildTree, makeDir, makeFile, makeSymlink } from '../../../engine/fs/tree.ts';
import type { DirEntry } from '../../../engine/fs/types.ts';

const COPY: CopyInfoOptions = { cmdName: 'COPY', fromImage: false, download: () => 'offline' };

function context(files: Record<string, string>, mtime = 1000): DirEntry {
  return buildTree(Object.entries(files).map(([path, content]) => ({ path, entry: makeFile(content, { mtime }) })));
}

const hashOf = (root: DirEntry, ...sources: string[]) => sourceHash(copyInfos(root, sources, sources.length > 1 ? './' : '.', COPY));

describe('legacy COPY sources and their hash', () => {
  it('a file is file:<hash>, a directory dir:<hash>, several sources multi:<hash>', () => {
    const root = context({ 'a.txt': 'a\n', 'src/index.js': 'x\n' });
    expect(hashOf(root, 'a.txt')).toMatch(/^file:[0-9a-f]{64}$/);
    expect(hashOf(root, 'src')).toMatch(/^dir:[0-9a-f]{64}$/);
    expect(hashOf(root, '.')).toMatch(/^dir:[0-9a-f]{64}$/);
    expect(hashOf(root, 'a.txt', 'src')).toMatch(/^multi:[0-9a-f]{64}$/);
  });

  it('ignores mtimes but not content, modes or names', () => {
    const root = context({ 'a.txt': 'a\n' });
    expect(hashOf(context({ 'a.txt': 'a\n' }, 2000), 'a.txt')).toBe(hashOf(root, 'a.txt'));
    expect(hashOf(context({ 'a.txt': 'b\n' }), 'a.txt')).not.toBe(hashOf(root, 'a.txt'));
    const executable = makeDir([['a.txt', makeFile('a\n', { mode: 0o755, mtime: 1000 })]]);
    expect(hashOf(executable, 'a.txt')).not.toBe(hashOf(root, 'a.txt'));
    // The same bytes at another path: tarsum's header carries the name.
    expect(hashOf(context({ 'b.txt': 'a\n' }), 'b.txt')).not.toBe(hashOf(root, 'a.txt'));
  });

  it('a directory hash changes with anything below it', () => {
    const before = hashOf(context({ 'src/a.js': '1', 'src/deep/b.js': '2' }), 'src');
    expect(hashOf(context({ 'src/a.js': '1', 'src/deep/b.js': '3' }), 'src')).not.toBe(before);
    expect(hashOf(context({ 'src/a.js': '1', 'src/deep/b.js': '2', 'other.txt': 'x' }), 'src')).toBe(before);
  });

  it('drops one leading / and ./, and follows symlinks to what they name', () => {
    const root = makeDir([
      ['a.txt', makeFile('a\n', { mtime: 1000 })],
      ['link', makeSymlink('a.txt')],
    ]);
    const [info] = copyInfos(root, ['./link'], '.', COPY);
    expect(info!.path).toBe('/a.txt');
    expect(info!.name).toBe('link');
    expect(copyInfos(root, ['/a.txt'], '.', COPY)[0]!.hash).toBe(copyInfos(root, ['a.txt'], '.', COPY)[0]!.hash);
  });

  it('every wildcard match is its own source, so it needs a destination ending in /', () => {
    const root = context({ 'package.json': '{}', 'package-lock.json': '{}', 'src/package.json': '{}' });
    expect(copyInfos(root, ['package*.json'], './', COPY).map((i) => i.path)).toEqual(['/package-lock.json', '/package.json']);
    expect(() => copyInfos(root, ['package*.json'], '.', COPY)).toThrow('When using COPY with more than one source file, the destination must be a directory and end with a /');
    expect(() => copyInfos(root, ['package.json', 'src'], '/app', COPY)).toThrow('When using COPY with more than one source file');
  });

  it('words its errors as the classic builder does', () => {
    const root = context({ 'a.txt': 'a' });
    expect(() => copyInfos(root, ['missing.txt'], '.', COPY)).toThrow('COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist');
    expect(() => copyInfos(root, ['*.md'], '.', COPY)).toThrow('COPY failed: no source files were specified');
    expect(() => copyInfos(root, ['https://example.com/x'], '.', COPY)).toThrow("COPY failed: source can't be a URL for COPY");
    expect(() => copyInfos(root, ['https://example.com/x'], '.', { ...COPY, cmdName: 'ADD' })).toThrow('ADD failed: offline');
    expect(() => copyInfos(root, ['../secret'], '.', COPY)).toThrow(/^COPY failed: forbidden path outside the build context: \.\.\/secret \(/);
    expect(() => copyInfos(root, ['dist'], '.', { ...COPY, fromImage: true })).toThrow(/^COPY failed: stat dist: file does not exist$/);
  });
});
