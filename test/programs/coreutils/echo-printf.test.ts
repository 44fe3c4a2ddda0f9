import { describe, expect, it } from 'vitest';
import { echoOutput, formatPrintf } from '../../../engine/programs/coreutils/index.ts';
import { sh } from '../harness.ts';

describe('echo', () => {
  it('joins arguments and ends with a newline unless -n', async () => {
    expect(await sh(['echo', 'a', 'b'])).toEqual({ stdout: 'a b\n', stderr: '', code: 0 });
    expect((await sh(['echo', '-n', 'x'])).stdout).toBe('x');
  });
  it('takes only arguments made of option letters as options', () => {
    expect(echoOutput(['-nx', 'hi'])).toBe('-nx hi\n');
    expect(echoOutput(['--', 'hi'])).toBe('-- hi\n');
    expect(echoOutput(['-e', '-n', 'x\\n'])).toBe('x\n');
  });
  it('expands escapes per dialect', () => {
    // Verified: /usr/bin/echo -e 'a\101\0101\x41\x4g\e[m\cZZ' prints a A A A \004 g ESC [ m
    expect(echoOutput(['-e', 'a\\101\\0101\\x41\\x4g\\e[m\\cZZ'])).toBe('aAAA\x04g\x1b[m');
    expect(echoOutput(['a\\tb'])).toBe('a\\tb\n');
    // bash: \101 stays, \0101 and \u expand
    expect(echoOutput(['-e', '\\101|\\0101|\\u00e9|\\x41'], 'bash')).toBe('\\101|A|é|A\n');
    // dash: escapes always on, -e is printed, no \x
    expect(echoOutput(['-e', 'a\\101\\x41\\c tail'], 'dash')).toBe('-e aA\\x41');
  });
});

describe('printf', () => {
  const f = (fmt: string, ...args: string[]) => formatPrintf(fmt, args);
  it('formats numbers like glibc', () => {
    expect(f('%5.2f|%-5d|%05d|%x|%X|%o|%e|%g|%c|%i|%u\n', '3.14159', '42', '42', '255', '255', '8', '1234.5', '0.0001', 'hello', '7', '-1').output).toBe(
      ' 3.14|42   |00042|ff|FF|10|1.234500e+03|0.0001|h|7|18446744073709551615\n',
    );
    expect(f('%f|%g|%g|%g|%e|%.0f|%.0e|%G|%#g\n', '2.5', '100000', '1000000', '1e-5', '0', '2.5', '12345', '1e-10', '1.5').output).toBe(
      '2.500000|100000|1e+06|1e-05|0.000000e+00|2|1e+04|1E-10|1.50000\n',
    );
    expect(f('%.3d|%+d|% d|%#x|%#o|%-+6d|\n', '5', '5', '5', '255', '8', '3').output).toBe('005|+5| 5|0xff|010|+3    |\n');
    expect(f('%*d|%-*d|\n', '5', '1', '4', '2').output).toBe('    1|2   |\n');
    expect(f('%d %d %d %d\n', "'A", '0x1F', '077', '-0x10').output).toBe('65 31 63 -16\n');
  });
  it('reuses the format for extra arguments and fills missing ones', () => {
    expect(f('%s-%s\n', 'a', 'b', 'c').output).toBe('a-b\nc-\n');
    expect(f('%s %d\n', 'a').output).toBe('a 0\n');
    expect(f('no args %s\n').output).toBe('no args \n');
  });
  it('handles strings, %b and escapes', () => {
    expect(f('%5s|%-5s|%.2s\n', 'ab', 'ab', 'abcdef').output).toBe('   ab|ab   |ab\n');
    expect(f('%b\n', 'a\\tb\\0101\\101').output).toBe('a\tbAA\n');
    expect(f('%b', 'x\\cy', 'z').output).toBe('x');
    expect(f('\\101\\x41\\u00e9\\n').output).toBe('AAé\n');
    expect(f('a\\q\\n').output).toBe('a\\q\n');
    expect(f('100%%\n').output).toBe('100%\n');
  });
  it('reports bad numbers with coreutils wording and status 1', () => {
    const r = f('%d\n', 'abc', '12abc', '1.5');
    expect(r.output).toBe('0\n12\n1\n');
    expect(r.errors).toEqual(['‘abc’: expected a numeric value', '‘12abc’: value not completely converted', '‘1.5’: value not completely converted']);
    expect(r.status).toBe(1);
    expect(f('%z').errors).toEqual(['%z: invalid conversion specification']);
  });
  it('as a program', async () => {
    expect(await sh(['printf'])).toEqual({ stdout: '', stderr: "printf: missing operand\nTry 'printf --help' for more information.\n", code: 1 });
    expect(await sh(['printf', '%d\n', 'x'])).toEqual({ stdout: '0\n', stderr: 'printf: ‘x’: expected a numeric value\n', code: 1 });
  });
});
