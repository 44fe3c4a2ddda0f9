import { describe, expect, it } from 'vitest';
import { bash, makeMachine, program } from './helpers.ts';

// Expected outputs were taken from GNU bash 5.2 (`env -i bash -c`) and dash 0.5.12 (`dash -c`).

describe('brace expansion (bash only)', () => {
  it('expands lists, sequences, padding, steps and nesting', async () => {
    const r = await bash('echo {1..5} {a..e} {01..10} {1..10..2} {5..1} {-2..2} {a..e..2} {10..1..3} {1..03}; echo a{,b}c x{a,{b,c}}y {a..b}{1..2} {a,b,} {,} {1..3..0}');
    expect(r.stdout).toBe('1 2 3 4 5 a b c d e 01 02 03 04 05 06 07 08 09 10 1 3 5 7 9 5 4 3 2 1 -2 -1 0 1 2 a c e 10 7 4 1 01 02 03\nac abc xay xby xcy a1 a2 b1 b2 a b 1 2 3\n');
  });

  it('leaves quoted, escaped, invalid and ${...} braces alone', async () => {
    const r = await bash('x=1; echo "{a,b}" {a,b}"{c,d}" ${u:-{a,b}} \\{a,b\\} {1..a} {a} {} a{b..c {1...3} {@..C} {a}{b,c} {{a,b}} {a{b,c}; echo {$x,2} {a\\,b,c} {"a",b}; y={a,b}; echo $y');
    expect(r.stdout).toBe('{a,b} a{c,d} b{c,d} {a,b} {a,b} {1..a} {a} {} a{b..c {1...3} {@..C} {a}b {a}c {a} {b} {ab {ac\n1 2 a,b c a b\n{a,b}\n');
  });

  it('happens before tilde, parameter expansion and globbing', async () => {
    const m = makeMachine();
    const r = await bash('mkdir() { for d; do echo "made $d"; done; }; mkdir -p ~/app/{src,test}; for f in {b,a}.txt; do echo $f; done', m);
    expect(r.stdout).toBe('made -p\nmade /root/app/src\nmade /root/app/test\nb.txt\na.txt\n');
  });

  it('is literal in dash and ash', async () => {
    expect((await program(['sh', '-c', 'echo {1..3} a{b,c}'])).stdout).toBe('{1..3} a{b,c}\n');
    expect((await program(['ash', '-c', 'echo {1..3} a{b,c}'])).stdout).toBe('{1..3} a{b,c}\n');
    expect((await program(['bash', '-c', 'echo {1..3} a{b,c}'])).stdout).toBe('1 2 3 ab ac\n');
  });
});

describe('here-strings (bash only)', () => {
  it('feeds the expanded word and a newline to stdin', async () => {
    const r = await bash('x="one two"; cat <<< "$x"; cat <<<\'$x\'; read a b <<< $x; echo "[$b]"; cat <<< ""');
    expect(r.stdout).toBe('one two\n$x\n[two]\n\n');
  });

  it('is a syntax error in dash and ash', async () => {
    expect(await program(['sh', '-c', 'echo a; cat <<< x'])).toMatchObject({ stdout: '', stderr: 'sh: 1: Syntax error: redirection unexpected\n', status: 2 });
    expect(await program(['ash', '-c', 'cat <<< x'])).toMatchObject({ stderr: 'ash: syntax error: unexpected redirection\n', status: 2 });
  });
});
