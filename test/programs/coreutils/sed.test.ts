import { describe, expect, it } from 'vitest';
import { machine, run, sh } from '../harness.ts';

const sf = 'hello world\nfoo bar\nbaz\n';
const sed = async (args: string[], stdin = sf) => (await sh(['sed', ...args], { stdin })).stdout;

describe('sed (outputs verified with GNU sed 4.9)', () => {
  it('substitutes with flags g, N, p, I and BRE/ERE groups', async () => {
    expect(await sed(['s/o/0/'])).toBe('hell0 world\nf0o bar\nbaz\n');
    expect(await sed(['s/o/0/g'])).toBe('hell0 w0rld\nf00 bar\nbaz\n');
    expect(await sed(['s/o/0/2'])).toBe('hello w0rld\nfo0 bar\nbaz\n');
    expect(await sed(['-n', 's/foo/X/p'])).toBe('X bar\n');
    expect(await sed(['s/HELLO/hi/I'])).toBe('hi world\nfoo bar\nbaz\n');
    expect(await sed(['s/\\(hello\\) \\(world\\)/\\2 \\1/'])).toBe('world hello\nfoo bar\nbaz\n');
    expect(await sed(['-E', 's/(o+)/[\\1]/g'])).toBe('hell[o] w[o]rld\nf[oo] bar\nbaz\n');
    expect(await sed(['s|/|_|'], 'a/b\n')).toBe('a_b\n');
    expect(await sed(['s/a/&&/'], 'abc\n')).toBe('aabc\n');
    expect(await sed(['s/.*/\\U&/'], 'abc\n')).toBe('ABC\n');
    expect(await sed(['s/o/\\n/'], 'foo\n')).toBe('f\no\n');
    expect(await sed(['-e', 's/a/b/', '-e', 's/b/c/'], 'a\n')).toBe('c\n');
    expect(await sed(['y/abc/xyz/'], 'aabbcc\n')).toBe('xxyyzz\n');
    expect(await sed(['s/b*/X/g'], 'abc\n')).toBe('XaXcX\n');
    expect(await sed(['s/l*/X/g'], 'hello\n')).toBe('XhXeXoX\n');
  });
  it('addresses: numbers, $, regex, ranges, steps, negation', async () => {
    expect(await sed(['-n', '2p'])).toBe('foo bar\n');
    expect(await sed(['2d'])).toBe('hello world\nbaz\n');
    expect(await sed(['-n', '$p'])).toBe('baz\n');
    expect(await sed(['-n', '/foo/,/baz/p'])).toBe('foo bar\nbaz\n');
    expect(await sed(['$!d'])).toBe('baz\n');
    expect(await sed(['1~2d'])).toBe('foo bar\n');
    expect(await sed(['2,$d'])).toBe('hello world\n');
    expect(await sed(['-n', '2{p;p}'])).toBe('foo bar\nfoo bar\n');
    expect(await sed(['1q'])).toBe('hello world\n');
  });
  it('a, i, =, and keeps a missing final newline missing', async () => {
    expect(await sed(['2i\\inserted'])).toBe('hello world\ninserted\nfoo bar\nbaz\n');
    expect(await sed(['2a appended'])).toBe('hello world\nfoo bar\nappended\nbaz\n');
    expect((await sed(['='])).split('\n').slice(0, 2)).toEqual(['1', 'hello world']);
    expect(await sed(['s/a/b/'], 'x\na')).toBe('x\nb');
    expect(await sed(['N;s/\\n/+/'], '1\n2\n3\n4\n')).toBe('1+2\n3+4\n');
  });
  it('-i edits files in place', async () => {
    const m = machine({ '/root/f': 'one\ntwo\n' });
    expect(await run(m, ['sed', '-i', 's/one/1/', 'f'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(m.fs.readText('/root/f')).toBe('1\ntwo\n');
    await run(m, ['sed', '-i.bak', '1d', 'f']);
    expect(m.fs.readText('/root/f')).toBe('two\n');
    expect(m.fs.readText('/root/f.bak')).toBe('1\ntwo\n');
  });
  it('GNU error wording', async () => {
    expect(await sh(['sed', 's/x/y'], { stdin: '' })).toEqual({ stdout: '', stderr: "sed: -e expression #1, char 5: unterminated `s' command\n", code: 1 });
    expect((await sh(['sed', 'k'], { stdin: '' })).stderr).toBe("sed: -e expression #1, char 1: unknown command: `k'\n");
    expect((await sh(['sed', 'nofile'], { stdin: '' })).stderr).toBe('sed: -e expression #1, char 2: extra characters after command\n');
    expect(await sh(['sed', 'p', 'nofile'])).toEqual({ stdout: '', stderr: "sed: can't read nofile: No such file or directory\n", code: 2 });
  });
});
