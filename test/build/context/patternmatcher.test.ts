import { describe, expect, it } from 'vitest';
import { PatternError, PatternMatcher, type MatchInfo } from '../../../engine/build/context/patternmatcher.ts';

// Test data from moby/patternmatcher's patternmatcher_test.go (Apache-2.0, Copyright Docker, Inc. and
// contributors); the tables are facts about its behaviour, the checks are ours.

type Pass = 'exact' | 'inexact' | 'fail';

const tests: [pattern: string, text: string, pass: Pass][] = [
  ['**', 'file', 'exact'],
  ['**', 'file/', 'exact'],
  ['**/', 'file', 'exact'],
  ['**/', 'file/', 'exact'],
  ['**', '/', 'exact'],
  ['**/', '/', 'exact'],
  ['**', 'dir/file', 'exact'],
  ['**/', 'dir/file', 'exact'],
  ['**', 'dir/file/', 'exact'],
  ['**/', 'dir/file/', 'exact'],
  ['**/**', 'dir/file', 'exact'],
  ['**/**', 'dir/file/', 'exact'],
  ['dir/**', 'dir/file', 'exact'],
  ['dir/**', 'dir/file/', 'exact'],
  ['dir/**', 'dir/dir2/file', 'exact'],
  ['dir/**', 'dir/dir2/file/', 'exact'],
  ['**/dir', 'dir', 'exact'],
  ['**/dir', 'dir/file', 'inexact'],
  ['**/dir2/*', 'dir/dir2/file', 'exact'],
  ['**/dir2/*', 'dir/dir2/file/', 'inexact'],
  ['**/dir2/**', 'dir/dir2/dir3/file', 'exact'],
  ['**/dir2/**', 'dir/dir2/dir3/file/', 'exact'],
  ['**file', 'file', 'exact'],
  ['**file', 'dir/file', 'exact'],
  ['**/file', 'dir/file', 'exact'],
  ['**file', 'dir/dir/file', 'exact'],
  ['**/file', 'dir/dir/file', 'exact'],
  ['**/file*', 'dir/dir/file', 'exact'],
  ['**/file*', 'dir/dir/file.txt', 'exact'],
  ['**/file*txt', 'dir/dir/file.txt', 'exact'],
  ['**/file*.txt', 'dir/dir/file.txt', 'exact'],
  ['**/file*.txt*', 'dir/dir/file.txt', 'exact'],
  ['**/**/*.txt', 'dir/dir/file.txt', 'exact'],
  ['**/**/*.txt2', 'dir/dir/file.txt', 'fail'],
  ['**/*.txt', 'file.txt', 'exact'],
  ['**/**/*.txt', 'file.txt', 'exact'],
  ['a**/*.txt', 'a/file.txt', 'exact'],
  ['a**/*.txt', 'a/dir/file.txt', 'exact'],
  ['a**/*.txt', 'a/dir/dir/file.txt', 'exact'],
  ['a/*.txt', 'a/dir/file.txt', 'fail'],
  ['a/*.txt', 'a/file.txt', 'exact'],
  ['a/*.txt**', 'a/file.txt', 'exact'],
  ['a[b-d]e', 'ae', 'fail'],
  ['a[b-d]e', 'ace', 'exact'],
  ['a[b-d]e', 'aae', 'fail'],
  ['a[^b-d]e', 'aze', 'exact'],
  ['.*', '.foo', 'exact'],
  ['.*', 'foo', 'fail'],
  ['abc.def', 'abcdef', 'fail'],
  ['abc.def', 'abc.def', 'exact'],
  ['abc.def', 'abcZdef', 'fail'],
  ['abc?def', 'abcZdef', 'exact'],
  ['abc?def', 'abcdef', 'fail'],
  ['**/foo/bar', 'foo/bar', 'exact'],
  ['**/foo/bar', 'dir/foo/bar', 'exact'],
  ['**/foo/bar', 'dir/dir2/foo/bar', 'exact'],
  ['abc/**', 'abc', 'fail'],
  ['abc/**', 'abc/def', 'exact'],
  ['abc/**', 'abc/def/ghi', 'exact'],
  ['**/.foo', '.foo', 'exact'],
  ['**/.foo', 'bar.foo', 'fail'],
  ['a(b)c/def', 'a(b)c/def', 'exact'],
  ['a(b)c/def', 'a(b)c/xyz', 'fail'],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', 'exact'],
  ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact'],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact'],
  // Linux only (no escapes on Windows):
  ['a\\\\', 'a\\', 'exact'],
  ['a\\*b', 'a*b', 'exact'],
];

const multiPatternTests: [patterns: string[], text: string, pass: Pass][] = [
  [['**', '!util/docker/web'], 'util/docker/web/foo', 'fail'],
  [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', 'exact'],
  [['**', '!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'fail'],
  [['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'fail'],
];

/** Go's own filepath.Match cases, as patternmatcher's TestMatch runs them through its (parent-matching) Matches. */
const matchTests: [pattern: string, s: string, match: boolean, bad?: true][] = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['a*', 'ab/c', true],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a[^a]b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['a[^a][^a][^a]b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['*[a-ζ]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', 'x', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[\\-x]', 'x', true],
  ['[\\-x]', '-', true],
  ['[\\-x]', 'a', false],
  ['[]a]', ']', false, true],
  ['[-]', '-', false, true],
  ['[x-]', 'x', false, true],
  ['[x-]', '-', false, true],
  ['[x-]', 'z', false, true],
  ['[-x]', 'x', false, true],
  ['[-x]', '-', false, true],
  ['[-x]', 'a', false, true],
  ['\\', 'a', false, true],
  ['[a-b-c]', 'a', false, true],
  ['[', 'a', false, true],
  ['[^', 'a', false, true],
  ['[^bc', 'a', false, true],
  ['a[', 'a', false, true],
  ['a[', 'ab', false, true],
  ['*x', 'xxx', true],
];

/** What a tree walker does: match each parent in turn and hand its results down. */
function walkMatch(pm: PatternMatcher, text: string): boolean {
  const dirs = text.split('/').slice(0, -1);
  let info: MatchInfo | undefined;
  for (let i = 1; i <= dirs.length; i++) {
    if (dirs.slice(0, i).join('/') === '') break;
    info = pm.matchesUsingParentResults(dirs.slice(0, i).join('/'), info).info;
  }
  return pm.matchesUsingParentResults(text, info).matched;
}

describe('PatternMatcher (moby/patternmatcher rules)', () => {
  it.each(tests)('MatchesExact(%j, %j) is %s', (pattern, text, pass) => {
    expect(PatternMatcher.create([pattern]).matchesExact(text)).toBe(pass === 'exact');
  });

  it.each(tests)('MatchesOrParentMatches(%j, %j) is %s', (pattern, text, pass) => {
    expect(PatternMatcher.create([pattern]).matches(text)).toBe(pass !== 'fail');
  });

  it.each(multiPatternTests)('MatchesOrParentMatches(%j, %j) is %s', (patterns, text, pass) => {
    expect(PatternMatcher.create(patterns).matches(text)).toBe(pass !== 'fail');
  });

  it.each([...tests.map(([p, t, r]) => [[p], t, r] as const), ...multiPatternTests])(
    'MatchesUsingParentResults(%j, %j) is %s, walked and without context',
    (patterns, text, pass) => {
      const pm = PatternMatcher.create(patterns);
      expect(walkMatch(pm, text)).toBe(pass !== 'fail');
      expect(pm.matchesUsingParentResults(text).matched).toBe(pass !== 'fail');
    },
  );

  it.each(matchTests)('Go filepath.Match(%j, %j) through the matcher is %s', (pattern, s, expected, bad) => {
    if (bad) {
      expect(() => PatternMatcher.create([pattern])).toThrow(new PatternError('syntax error in pattern'));
      return;
    }
    expect(PatternMatcher.create([pattern]).matches(s)).toBe(expected);
  });

  it('drops empty patterns, trims spaces and notes exclusions', () => {
    expect(PatternMatcher.create(['docs', 'config', '']).patterns).toHaveLength(2);
    const pm = PatternMatcher.create(['docs', '  !docs/README.md  ']);
    expect(pm.exclusions).toBe(true);
    expect(pm.patterns.map(String)).toEqual(['docs', 'docs/README.md']);
    expect(PatternMatcher.create(['docs']).exclusions).toBe(false);
  });

  it('refuses a bare ! with its own message', () => {
    expect(() => PatternMatcher.create(['!'])).toThrow('illegal exclusion pattern: "!"');
  });

  it('a folder pattern followed by an exception still excludes what is in the folder', () => {
    for (const folder of ['docs', 'docs/', 'docs/*']) {
      expect(PatternMatcher.create([folder, '!docs/README.md']).matches('docs/README.md')).toBe(false);
    }
    expect(PatternMatcher.create(['*.go', '!fileutils.go']).matches('fileutils.go')).toBe(false);
    expect(PatternMatcher.create(['!fileutils.go', '*.go']).matches('fileutils.go')).toBe(true);
  });

  it('anchors patterns at the root, unlike gitignore', () => {
    const pm = PatternMatcher.create(['*.log']);
    expect(pm.matches('debug.log')).toBe(true);
    expect(pm.matches('logs/debug.log')).toBe(false);
    expect(PatternMatcher.create(['**/*.log']).matches('logs/debug.log')).toBe(true);
  });

  it('fails at match time, not creation, when the regexp cannot be built (moby/moby#52203)', () => {
    const pm = PatternMatcher.create(['[Local-Only]/']);
    expect(() => pm.matches('x')).toThrow('syntax error in pattern');
    expect(() => pm.matches('x')).toThrow('syntax error in pattern');
  });
});
