import { describe, expect, it } from 'vitest';
import { machine, run, sh } from '../harness.ts';

const files = { '/root/gf': 'a\nb\nab\n', '/root/ctx': '1\n2\na3\n4\n5\n6\na7\n8\n', '/root/n': Array.from({ length: 12 }, (_, i) => `${i + 1}\n`).join('') };

describe('grep', () => {
  it('prints matching lines, names files when several, exits 0/1/2', async () => {
    expect(await sh(['grep', 'a', 'gf'], { files })).toEqual({ stdout: 'a\nab\n', stderr: '', code: 0 });
    expect((await sh(['grep', 'zzz', 'gf'], { files })).code).toBe(1);
    const r = await sh(['grep', 'a', 'gf', 'nofile'], { files });
    expect(r).toEqual({ stdout: 'gf:a\ngf:ab\n', stderr: 'grep: nofile: No such file or directory\n', code: 2 });
    expect(await sh(['grep', 'a', '/tmp'], { files })).toEqual({ stdout: '', stderr: 'grep: /tmp: Is a directory\n', code: 2 });
    expect(await sh(['grep', '-q'], { files })).toEqual({ stdout: '', stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2 });
    expect(await sh(['grep', '-s', 'a', 'nofile'], { files })).toEqual({ stdout: '', stderr: '', code: 2 });
  });
  it('-c -l -L -n -H -o -v -x -w -m', async () => {
    expect((await sh(['grep', '-c', 'a', 'gf', 'gf'], { files })).stdout).toBe('gf:2\ngf:2\n');
    expect((await sh(['grep', '-l', 'a', 'gf', 'n'], { files })).stdout).toBe('gf\n');
    // grep 3.8: -L's status still follows whether any line was selected.
    expect(await sh(['grep', '-L', 'x', 'gf'], { files })).toEqual({ stdout: 'gf\n', stderr: '', code: 1 });
    expect((await sh(['grep', '-nH', 'b', 'gf'], { files })).stdout).toBe('gf:2:b\ngf:3:ab\n');
    expect((await sh(['grep', '-o', '-e', 'a', '-e', 'b', 'gf'], { files })).stdout).toBe('a\nb\na\nb\n');
    expect((await sh(['grep', '-vc', 'a', 'ctx'], { files })).stdout).toBe('6\n');
    expect((await sh(['grep', '-x', 'a', 'gf'], { files })).stdout).toBe('a\n');
    expect((await sh(['grep', '-w', 'a'], { stdin: 'a b\nab\nx-a\n' })).stdout).toBe('a b\nx-a\n');
    expect((await sh(['grep', '-m1', 'a', 'gf'], { files })).stdout).toBe('a\n');
    expect((await sh(['grep', '-i', 'A'], { stdin: 'a\nB\n' })).stdout).toBe('a\n');
    expect((await sh(['grep', '-H', 'x'], { stdin: 'x\n' })).stdout).toBe('(standard input):x\n');
  });
  it('context lines with group separators', async () => {
    expect((await sh(['grep', '-n', '-A1', 'a', 'ctx'], { files })).stdout).toBe('3:a3\n4-4\n--\n7:a7\n8-8\n');
    expect((await sh(['grep', '-C1', 'a', 'ctx', 'gf'], { files })).stdout).toBe('ctx-2\nctx:a3\nctx-4\n--\nctx-6\nctx:a7\nctx-8\n--\ngf:a\ngf-b\ngf:ab\n');
  });
  it('-r names files by their path from the operand', async () => {
    const m = machine({ '/w/rd/sub/f': 'a\n', '/w/g': 'ab\n' });
    expect((await run(m, ['grep', '-r', 'a', 'rd'], { cwd: '/w' })).stdout).toBe('rd/sub/f:a\n');
    expect((await run(m, ['grep', '-r', 'a'], { cwd: '/w' })).stdout).toBe('g:ab\nrd/sub/f:a\n');
    expect((await run(m, ['grep', '-r', 'a', '.'], { cwd: '/w' })).stdout).toBe('./g:ab\n./rd/sub/f:a\n');
  });
  it('translates BRE and ERE, with GNU errors', async () => {
    const g = (args: string[], stdin: string) => sh(['grep', ...args], { stdin });
    expect((await g(['\\(a\\)\\1'], 'aa\nab\n')).stdout).toBe('aa\n');
    expect((await g(['a\\{2\\}'], 'a\naa\n')).stdout).toBe('aa\n');
    expect((await g(['a+b'], 'aab\na+b\n')).stdout).toBe('a+b\n');
    expect((await g(['-E', 'a+b'], 'aab\na+b\n')).stdout).toBe('aab\n');
    expect((await g(['a\\|x'], 'x\n')).stdout).toBe('x\n');
    expect((await g(['*a'], '*a\na\n')).stdout).toBe('*a\n');
    expect((await g(['[[:digit:]]\\+$'], 'ab12\nab\n')).stdout).toBe('ab12\n');
    expect((await g(['a^b$c'], 'a^b$c\n')).stdout).toBe('a^b$c\n');
    expect((await g(['[]x]'], ']\ny\n')).stdout).toBe(']\n');
    expect((await g(['[a\\]'], '\\\n')).stdout).toBe('\\\n');
    expect((await g(['-F', 'a.b'], 'axb\na.b\n')).stdout).toBe('a.b\n');
    expect((await g(['\\<ab\\>'], 'ab c\nabc\n')).stdout).toBe('ab c\n');
    expect((await g(['-E', 'a{1'], 'a\n')).code).toBe(1);
    for (const [p, msg, ere] of [
      ['a\\{1', 'Unmatched \\{', false],
      ['\\(', 'Unmatched ( or \\(', false],
      ['\\)', 'Unmatched ) or \\)', false],
      ['[[:alpha:]', 'Unmatched [, [^, [:, [., or [=', false],
      ['[[:foo:]]', 'Invalid character class name', false],
      // Names of Object methods are no classes either (found by fuzzing).
      ['[[:constructor:]]', 'Invalid character class name', false],
      ['x\\{2,1\\}', 'Invalid content of \\{\\}', false],
      ['(', 'Unmatched ( or \\(', true],
    ] as const) {
      expect(await g([...(ere ? ['-E'] : []), '-e', p], 'a\n')).toEqual({ stdout: '', stderr: `grep: ${msg}\n`, code: 2 });
    }
  });
  it('reports binary files on stderr', async () => {
    expect(await sh(['grep', 'a'], { stdin: 'a\0b\n' })).toEqual({ stdout: '', stderr: 'grep: (standard input): binary file matches\n', code: 0 });
  });
});

describe('head and tail', () => {
  it('take -n N, -c N, -N and +N forms', async () => {
    expect((await sh(['head', '-3', 'n'], { files })).stdout).toBe('1\n2\n3\n');
    expect((await sh(['head', '-n', '-10', 'n'], { files })).stdout).toBe('1\n2\n');
    expect((await sh(['head', '-c', '5', 'n'], { files })).stdout).toBe('1\n2\n3');
    expect((await sh(['tail', '-3', 'n'], { files })).stdout).toBe('10\n11\n12\n');
    expect((await sh(['tail', '-n', '+11', 'n'], { files })).stdout).toBe('11\n12\n');
    expect((await sh(['tail', '+11', 'n'], { files })).stdout).toBe('11\n12\n');
    expect((await sh(['tail', '-c', '4', 'n'], { files })).stdout).toBe('\n12\n');
    expect((await sh(['head', '-n2'], { stdin: 'x\ny\nz' })).stdout).toBe('x\ny\n');
    expect((await sh(['tail', '-n1'], { stdin: 'x\ny\nz' })).stdout).toBe('z');
  });
  it('print headers for several files and GNU errors', async () => {
    expect((await sh(['head', '-2', 'n', 'gf'], { files })).stdout).toBe('==> n <==\n1\n2\n\n==> gf <==\na\nb\n');
    expect(await sh(['head', 'x'])).toEqual({ stdout: '', stderr: "head: cannot open 'x' for reading: No such file or directory\n", code: 1 });
    expect((await sh(['tail', '/tmp'])).stderr).toBe("tail: error reading '/tmp': Is a directory\n");
    expect((await sh(['head', '-n', 'abc', 'n'], { files })).stderr).toBe('head: invalid number of lines: ‘abc’\n');
    expect((await sh(['tail', '-n', 'x', 'n'], { files })).stderr).toBe('tail: invalid number of lines: ‘x’\n');
  });
});

describe('wc', () => {
  it('uses GNU column widths', async () => {
    expect((await sh(['wc', 'n', 'gf'], { files })).stdout).toBe('12 12 27 n\n 3  3  7 gf\n15 15 34 total\n');
    expect((await sh(['wc', '-l', 'n'], { files })).stdout).toBe('12 n\n');
    expect((await sh(['wc'], { stdin: 'a b\nc' })).stdout).toBe('      1       3       5\n');
    expect((await sh(['wc', '-c'], { stdin: 'hello\n' })).stdout).toBe('6\n');
    expect((await sh(['wc', '-lc', 'n', 'gf'], { files })).stdout).toBe('12 27 n\n 3  7 gf\n15 34 total\n');
    expect(await sh(['wc', 'x'])).toEqual({ stdout: '', stderr: 'wc: x: No such file or directory\n', code: 1 });
  });
});

describe('sort and uniq', () => {
  const s = 'b 2\na 10\nB 1\na 10\n\n-1 x\n';
  it('sorts bytewise, numerically, by key, uniquely, reversed (verified with GNU sort, C.UTF-8)', async () => {
    expect((await sh(['sort'], { stdin: s })).stdout).toBe('\n-1 x\nB 1\na 10\na 10\nb 2\n');
    expect((await sh(['sort', '-n'], { stdin: s })).stdout).toBe('-1 x\n\nB 1\na 10\na 10\nb 2\n');
    expect((await sh(['sort', '-u'], { stdin: s })).stdout).toBe('\n-1 x\nB 1\na 10\nb 2\n');
    expect((await sh(['sort', '-k2', '-n'], { stdin: s })).stdout).toBe('\n-1 x\nB 1\nb 2\na 10\na 10\n');
    expect((await sh(['sort', '-t', ' ', '-k2,2nr'], { stdin: s })).stdout).toBe('a 10\na 10\nb 2\nB 1\n\n-1 x\n');
    expect((await sh(['sort', '-r'], { stdin: s })).stdout).toBe('b 2\na 10\na 10\nB 1\n-1 x\n\n');
    expect(await sh(['sort', 'x'])).toEqual({ stdout: '', stderr: 'sort: cannot read: x: No such file or directory\n', code: 2 });
    expect((await sh(['sort', '-k0'], { stdin: s })).stderr).toBe("sort: field number is zero: invalid field specification ‘0’\nTry 'sort --help' for more information.\n");
  });
  it('uniq -c -d -u -i', async () => {
    expect((await sh(['uniq', '-c'], { stdin: 'a\na\nb\nc\nc\nc\n' })).stdout).toBe('      2 a\n      1 b\n      3 c\n');
    expect((await sh(['uniq', '-d'], { stdin: 'a\na\nb\n' })).stdout).toBe('a\n');
    expect((await sh(['uniq', '-u'], { stdin: 'a\na\nb\n' })).stdout).toBe('b\n');
    expect((await sh(['uniq', '-i'], { stdin: 'A\na\n' })).stdout).toBe('A\n');
  });
});

describe('tr', () => {
  const tr = (args: string[], stdin: string) => sh(['tr', ...args], { stdin });
  it('translates, deletes, squeezes, with ranges and classes', async () => {
    expect((await tr(['a-z', 'A-Z'], 'hello\n')).stdout).toBe('HELLO\n');
    expect((await tr(['-d', 'l'], 'hello\n')).stdout).toBe('heo\n');
    expect((await tr(['-s', 'a-c'], 'aabbcc\n')).stdout).toBe('abc\n');
    expect((await tr(['[:lower:]', '[:upper:]'], 'hello world\n')).stdout).toBe('HELLO WORLD\n');
    expect((await tr(['abc', 'x'], 'abc\n')).stdout).toBe('xxx\n');
    expect((await tr(['-s', 'l', 'x'], 'hello\n')).stdout).toBe('hexo\n');
    expect((await tr(['-cd', '[:digit:]'], 'a1b2\n')).stdout).toBe('12');
    expect((await tr(['\\\\', '/'], 'a\\b\n')).stdout).toBe('a/b\n');
    expect((await tr([' ', '\\n'], 'x y\n')).stdout).toBe('x\ny\n');
  });
  it('refuses a class it does not know, Object method names included (found by fuzzing)', async () => {
    for (const name of ['foo', 'constructor']) {
      expect(await tr([`[:${name}:]`, 'x'], 'a\n')).toEqual({ stdout: '', stderr: `tr: invalid character class ‘${name}’\n`, code: 1 });
    }
  });
  it('GNU operand errors', async () => {
    expect((await tr([], '')).stderr).toBe("tr: missing operand\nTry 'tr --help' for more information.\n");
    expect((await tr(['a'], '')).stderr).toBe("tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
    expect((await tr(['-d', 'a', 'b'], '')).stderr).toBe(
      "tr: extra operand ‘b’\nOnly one string may be given when deleting without squeezing repeats.\nTry 'tr --help' for more information.\n",
    );
  });
});

describe('seq', () => {
  it('counts like GNU seq', async () => {
    expect((await sh(['seq', '3'])).stdout).toBe('1\n2\n3\n');
    expect((await sh(['seq', '1', '2', '7'])).stdout).toBe('1\n3\n5\n7\n');
    expect((await sh(['seq', '-s,', '3'])).stdout).toBe('1,2,3\n');
    expect((await sh(['seq', '-w', '8', '10'])).stdout).toBe('08\n09\n10\n');
    expect((await sh(['seq', '1', '0.5', '2'])).stdout).toBe('1.0\n1.5\n2.0\n');
    expect((await sh(['seq', '3', '-1', '1'])).stdout).toBe('3\n2\n1\n');
    expect((await sh(['seq', '-w', '-1', '1'])).stdout).toBe('-1\n00\n01\n');
    expect((await sh(['seq', '-f', '%03g', '3'])).stdout).toBe('001\n002\n003\n');
    expect(await sh(['seq', '5', '1'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect((await sh(['seq'])).stderr).toBe("seq: missing operand\nTry 'seq --help' for more information.\n");
    expect((await sh(['seq', 'a'])).stderr).toBe("seq: invalid floating point argument: ‘a’\nTry 'seq --help' for more information.\n");
    expect((await sh(['seq', '1', '0', '3'])).stderr).toBe("seq: invalid Zero increment value: ‘0’\nTry 'seq --help' for more information.\n");
  });
});
