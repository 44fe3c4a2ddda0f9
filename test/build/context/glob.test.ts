import { describe, expect, it } from 'vitest';
import { BadPatternError, checkPattern, containsWildcards, match } from '../../../engine/build/context/glob.ts';

describe("Go's filepath.Match", () => {
  it.each([
    ['package*', 'package.json', true],
    ['package*', 'package-lock.json', true],
    ['package*.json', 'packages', false],
    ['*.ts', 'src/index.ts', false],
    ['src/*.ts', 'src/index.ts', true],
    ['*/index.ts', 'src/index.ts', true],
    ['?', '/', false],
    // A class is not stopped at a separator, unlike * and ?.
    ['a[^x]b', 'a/b', true],
    ['\\[x]', '[x]', true],
    ['[!a]', '!', true],
    ['', '', true],
    ['', 'a', false],
  ] as const)('match(%j, %j) is %s', (pattern, name, expected) => {
    expect(match(pattern, name)).toBe(expected);
  });

  it('reports a malformed pattern even when the name could not match anyway', () => {
    expect(() => match('x[', 'y')).toThrow(BadPatternError);
    expect(() => match('x[', 'y')).toThrow('syntax error in pattern');
    expect(() => checkPattern('a\\')).toThrow(BadPatternError);
    expect(() => checkPattern('[a-z]')).not.toThrow();
  });

  it('knows which segments have wildcards (an escaped one does not count)', () => {
    expect(containsWildcards('package*.json')).toBe(true);
    expect(containsWildcards('a?')).toBe(true);
    expect(containsWildcards('[ab]')).toBe(true);
    expect(containsWildcards('a\\*b')).toBe(false);
    expect(containsWildcards('plain.txt')).toBe(false);
  });
});
