import { describe, expect, it } from 'vitest';
import { processWord, processWords } from '../../../engine/dockerfile/words/index.ts';

const env = { FOO: 'xxyy', BAR: '', SPACE: 'a  b' };

describe('error messages are BuildKit’s', () => {
  it.each([
    ['${x', 'failed to process "${x": unsupported modifier (\uFFFD) in substitution'],
    ['${', `failed to process "\${": syntax error: missing '}'`],
    ['${x:-abc', `failed to process "\${x:-abc": syntax error: missing '}'`],
    ['${}', 'failed to process "${}": syntax error: bad substitution'],
    ['${:+a}', 'failed to process "${:+a}": syntax error: bad substitution'],
    ['${x:YYY}', 'failed to process "${x:YYY}": unsupported modifier (:Y) in substitution'],
    ['${FOO:=1}', 'failed to process "${FOO:=1}": unsupported modifier (:=) in substitution'],
    ['${FOO=1}', 'failed to process "${FOO=1}": unsupported modifier (=) in substitution'],
    ['${.}', 'failed to process "${.}": unsupported modifier (.) in substitution'],
    ["'abc", `failed to process "'abc": unexpected end of statement while looking for matching single-quote`],
    ['"abc', 'failed to process "\\"abc": unexpected end of statement while looking for matching double-quote'],
    ['${NOPE?}', 'failed to process "${NOPE?}": NOPE: is not allowed to be unset'],
    ['${BAR:?}', 'failed to process "${BAR:?}": BAR: is not allowed to be empty'],
    ['${BAR:?need $FOO}', 'failed to process "${BAR:?need $FOO}": BAR: need xxyy'],
    ['${FOO//ww}', `failed to process "\${FOO//ww}": syntax error: missing '/' in \${}`],
    ['${FOO#\\x}', 'failed to process "${FOO#\\\\x}": invalid pattern (\\x) in substitution: invalid escape \'\\x\''],
  ])('%s', (word, message) => {
    expect(() => processWord(word, env)).toThrow(message);
  });
});

describe('set, empty and unset', () => {
  it('without a colon only unset counts as missing', () => {
    expect(processWord('${FOO-a}|${BAR-b}|${BAZ-c}', env)).toBe('xxyy||c');
    expect(processWord('${FOO+a}|${BAR+b}|${BAZ+c}', env)).toBe('a|b|');
    expect(processWord('${BAR?msg}', env)).toBe('');
  });
  it('with a colon empty counts as missing', () => {
    expect(processWord('${FOO:-a}|${BAR:-b}|${BAZ:-c}', env)).toBe('xxyy|b|c');
    expect(processWord('${FOO:+a}|${BAR:+b}|${BAZ:+c}', env)).toBe('a||');
  });
  it('a name inherited from Object.prototype is not a variable', () => {
    expect(processWord('[$constructor][${toString:-unset}]', {})).toBe('[][unset]');
  });
});

describe('patterns (BuildKit 1.x additions)', () => {
  it.each([
    ['${FOO#*x*y}', { FOO: 'xxyy' }, 'y'],
    ['${FOO#*}', { FOO: 'xxyy' }, 'xxyy'],
    ['${FOO##*x}', { FOO: 'xxyy' }, 'yy'],
    ['${FOO#?\\?}', { FOO: '???y' }, '?y'],
    ['${FOO#()[]{\\}^$.\\*\\?|\\\\}', { FOO: '()[]{}^$.*?|\\x' }, 'x'],
    ['${FOO%%\\**}', { FOO: 'xx**' }, 'xx'],
    ['${FOO%%\\**\\*}', { FOO: 'a***yy*' }, 'a'],
    ['${FOO%y}|${FOO%%y*}', { FOO: 'xxyy' }, 'xxy|xx'],
    ['${FOO:#x}', { FOO: 'xxyy' }, 'xyy'],
    ['${FOO/$N/.} - ${FOO//$N/.}', { FOO: '/foo*/*/*.txt', N: '\\*/' }, '/foo.*/*.txt - /foo..*.txt'],
    ['${FOO/$N/} - ${FOO//$N/}', { FOO: '/tmp/tmp/bar.txt', N: '/tmp' }, '/tmp/bar.txt - /bar.txt'],
    ['${FOO//\\//\\/}', { FOO: '/tmp/foo.txt' }, '\\/tmp\\/foo.txt'],
    ['${FOO/$BAR/ww}', { FOO: 'xxyy', BAR: '' }, 'wwxxyy'],
    ['${FOO///}', { FOO: 'xxyy' }, 'xxyy'],
    ['${FOO///}', {}, ''],
  ])('%s', (word, vars: Record<string, string>, expected) => {
    expect(processWord(word, vars)).toBe(expected);
  });

  it('replace-all follows Go: no second replacement for the empty match after a match', () => {
    expect(processWord('${FOO//*/X}', { FOO: 'abc' })).toBe('X');
    expect(processWord('${FOO//x*/-}', { FOO: 'axbxc' })).toBe('a-');
  });

  it('replace-all expands Go template references in the replacement; replace-first does not', () => {
    expect(processWord('${FOO//b/<\\$0>}', { FOO: 'abc' })).toBe('a<\\b>c');
    expect(processWord('${FOO/b/<\\$0>}', { FOO: 'abc' })).toBe('a<\\$0>c');
  });
});

describe('quotes and escapes', () => {
  it('inside double quotes the escape only escapes ", $ and itself', () => {
    expect(processWord('"a\\"b\\$c\\\\d\\e"', {})).toBe('a"b$c\\d\\e');
  });
  it('a backtick escape token makes backslashes literal', () => {
    expect(processWord('C:\\dir\\$FOO', env, '`')).toBe('C:\\dir\\xxyy');
    expect(processWord('a`$FOO`"b', env, '`')).toBe('a$FOO"b');
    expect(processWord('"a`"b`$c\\d"', {}, '`')).toBe('a"b$c\\d');
  });
  it('a trailing escape token is dropped', () => {
    expect(processWord('abc\\', {})).toBe('abc');
  });
  it('a leading byte-order mark is skipped as Go’s scanner does', () => {
    expect(processWord('\uFEFFa\uFEFF', {})).toBe('a\uFEFF');
  });
});

describe('word splitting', () => {
  it('splits unquoted expansions but not quoted ones', () => {
    expect(processWords('x$SPACE "$SPACE" y', env)).toEqual(['xa', 'b', 'a  b', 'y']);
  });
  it('splits a default value that came from an unquoted ${…}', () => {
    expect(processWords('${NOPE:-"p q"}', env)).toEqual(['p', 'q']);
  });
  it('empty quotes on their own make no word', () => {
    expect(processWords('a "" b', {})).toEqual(['a', 'b']);
    expect(processWords("''", {})).toEqual([]);
  });
  it('an escaped space joins words', () => {
    expect(processWords('a\\ b c', {})).toEqual(['a b', 'c']);
  });
  it('splits on Unicode spaces Go counts as spaces, not on U+FEFF', () => {
    expect(processWords('a\u00a0b\u3000c\u200bd', {})).toEqual(['a', 'b', 'c\u200bd']);
  });
});
