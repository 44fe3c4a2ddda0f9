import { describe, expect, it } from 'vitest';
import { basename, compareNames, dirname, isWithin, join, normalize, resolvePath, segments } from '../../engine/fs/path.ts';

describe('path', () => {
  it('normalizes absolute and relative paths', () => {
    expect(normalize('/a//b/./c/')).toBe('/a/b/c');
    expect(normalize('/a/b/../../..')).toBe('/');
    expect(normalize('/../x')).toBe('/x');
    expect(normalize('a/../../b')).toBe('../b');
    expect(normalize('./')).toBe('.');
    expect(normalize('')).toBe('.');
    expect(normalize('//')).toBe('/');
  });

  it('resolves against a cwd', () => {
    expect(resolvePath('/app', 'src/../lib')).toBe('/app/lib');
    expect(resolvePath('/app', '/etc//hosts')).toBe('/etc/hosts');
    expect(resolvePath('/', '../../..')).toBe('/');
    expect(resolvePath('/a/b', '.')).toBe('/a/b');
    expect(resolvePath('/a/b', '')).toBe('/a/b');
    expect(resolvePath('/a/b', '..')).toBe('/a');
  });

  it('joins like Node', () => {
    expect(join('/a', 'b', '../c')).toBe('/a/c');
    expect(join('/a', '/b')).toBe('/a/b');
    expect(join()).toBe('.');
  });

  it('splits into segments, keeping ..', () => {
    expect(segments('//a/./b/../c//')).toEqual(['a', 'b', '..', 'c']);
    expect(segments('/')).toEqual([]);
  });

  it('dirname and basename match coreutils', () => {
    expect(dirname('/a/b/')).toBe('/a');
    expect(dirname('/a')).toBe('/');
    expect(dirname('a')).toBe('.');
    expect(dirname('/')).toBe('/');
    expect(dirname('a//b')).toBe('a');
    expect(basename('/a/b/')).toBe('b');
    expect(basename('/')).toBe('/');
    expect(basename('file.txt')).toBe('file.txt');
  });

  it('isWithin', () => {
    expect(isWithin('/a', '/a/b')).toBe(true);
    expect(isWithin('/a', '/a')).toBe(true);
    expect(isWithin('/a', '/ab')).toBe(false);
    expect(isWithin('/', '/x')).toBe(true);
  });

  it('compares names in UTF-8 byte order', () => {
    expect(['b', 'B', 'a.txt', 'a', '_'].sort(compareNames)).toEqual(['B', '_', 'a', 'a.txt', 'b']);
    // U+FF21 (3 UTF-8 bytes, EF BC A1) sorts before U+1F600 (F0 ...) in bytes, though not in UTF-16 units.
    const astral = '\u{1F600}';
    const fullwidth = '\uFF21';
    expect(astral < fullwidth).toBe(true);
    expect(compareNames(fullwidth, astral)).toBeLessThan(0);
    expect(compareNames('abc', 'ab')).toBeGreaterThan(0);
  });
});
