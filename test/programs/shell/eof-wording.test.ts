// How each shell words input that ends too early, checked against bash 5.2 (`env -i bash -c ...`) and dash.
import { describe, expect, it } from 'vitest';
import { program } from './helpers.ts';

const stderrOf = async (argv: string[]) => (await program(argv)).stderr;

describe('unfinished input in a -c string', () => {
  it('bash: an open construct is an error at the end of file, one line past an unterminated last line', async () => {
    expect(await stderrOf(['bash', '-c', 'if true; then'])).toBe('bash: -c: line 2: syntax error: unexpected end of file\n');
    expect(await stderrOf(['bash', '-c', 'echo a |'])).toBe('bash: -c: line 2: syntax error: unexpected end of file\n');
    expect(await stderrOf(['bash', '-c', '{ echo a'])).toBe('bash: -c: line 2: syntax error: unexpected end of file\n');
  });

  it('bash: open quotes and ${ are reported where they opened', async () => {
    expect(await stderrOf(['bash', '-c', 'echo "a'])).toBe('bash: -c: line 1: unexpected EOF while looking for matching `"\'\n');
    expect(await stderrOf(['bash', '-c', 'echo ${x'])).toBe("bash: -c: line 1: unexpected EOF while looking for matching `}'\n");
  });

  it('dash: a missing } of ${ differs from a missing } of a group', async () => {
    expect(await stderrOf(['sh', '-c', 'echo ${x'])).toBe("sh: 1: Syntax error: Missing '}'\n");
    expect(await stderrOf(['sh', '-c', '{ echo a'])).toBe('sh: 1: Syntax error: end of file unexpected (expecting "}")\n');
    expect(await stderrOf(['sh', '-c', 'echo ${}'])).toBe('sh: 1: Bad substitution\n');
  });

  it('a backslash at the very end is printed, not a continuation', async () => {
    expect(await program(['bash', '-c', 'echo a \\'])).toEqual({ stdout: 'a \\\n', stderr: '', status: 0 });
    expect(await program(['sh', '-c', 'echo a \\'])).toEqual({ stdout: 'a \\\n', stderr: '', status: 0 });
  });
});
