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

describe("$'...' quoting (bash only)", () => {
  it('decodes C escapes and keeps the result quoted', async () => {
    const r = await bash("a=$'l1\\nl2'; echo \"$a\"; printf '%s|' $'a\\tb' $'\\x41\\101\\u00e9' $'q\\'s' $'\\q' \"$'x'\"; echo; IFS=$'\\n'; for l in $(printf 'p q\\nr\\n'); do echo \"<$l>\"; done");
    expect(r.stdout).toBe("l1\nl2\na\tb|AAé|q's|\\q|$'x'|\n<p q>\n<r>\n");
  });

  it('is a dollar and a single-quoted string in dash', async () => {
    expect((await program(['sh', '-c', "printf '%s\\n' $'a\\tb'"])).stdout).toBe('$a\\tb\n');
  });
});

describe('PIPESTATUS (bash only)', () => {
  it('holds every stage status of the last pipeline', async () => {
    const r = await bash('true | false | true; echo ${PIPESTATUS[@]} $PIPESTATUS ${PIPESTATUS[1]} ${#PIPESTATUS[@]}; echo ${PIPESTATUS[@]}; exit3; echo "${PIPESTATUS[0]}"; ! false; echo ${PIPESTATUS[-1]}; true | false; for s in "${PIPESTATUS[@]}"; do echo "<$s>"; done');
    expect(r.stdout).toBe('0 1 0 0 1 3\n0\n3\n1\n<0>\n<1>\n');
  });

  it('is a bad substitution in dash', async () => {
    expect(await program(['sh', '-c', 'echo ${PIPESTATUS[0]}'])).toMatchObject({ stdout: '', status: 2 });
    expect((await program(['sh', '-c', 'true | false; echo "[$PIPESTATUS]"'])).stdout).toBe('[]\n');
  });
});

describe('[[ ]] (bash only)', () => {
  it('matches patterns unless the right side is quoted, and never splits or globs', async () => {
    const r = await bash('x="hello world"; p="h*"; [[ $x == hello* ]] && echo 1; [[ $x == "hello*" ]] || echo 2; [[ $x == $p ]] && echo 3; [[ $x == "$p" ]] || echo 4; [[ $x != h* ]] || echo 5; [[ $x = *wor* ]] && echo 6; [[ * == \\* ]] && echo 7; [[ $x ]] && echo 8; [[ "" ]] || echo 9; [[ abc == a?c ]] && echo 10');
    expect(r.stdout).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n');
  });

  it('compares strings and numbers, tests files, and combines with ! && || ( )', async () => {
    const m = makeMachine();
    m.fs.writeFile('/root/package.json', '{}');
    const r = await bash('[[ -f package.json && -d /tmp ]] && echo 1; [[ ! -e nope ]] && echo 2; [[ -z $u ]] && echo 3; [[ -n x ]] && echo 4; [[ a < b ]] && echo 5; [[ b > a ]] && echo 6; [[ 10 -gt 9 ]] && echo 7; [[ 1+1 -eq 2 ]] && echo 8; [[ ( a == a || a == b ) && ! b == a ]] && echo 9; [[ -f missing.txt ]] || echo 10', m);
    expect(r.stdout).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n');
  });

  it('matches extended regexes into BASH_REMATCH; a bad regex gives status 2', async () => {
    const r = await bash('[[ v1.2.3 =~ ^v([0-9]+)\\.([0-9]+)\\.([0-9]+)$ ]] && echo "${BASH_REMATCH[@]} ${BASH_REMATCH[2]}"; re="^(a|b)+$"; [[ abab =~ $re ]] && echo 2; [[ a.b =~ "a.b" ]] && echo 3; [[ axb =~ "a.b" ]] || echo 4; [[ 42 =~ ^[[:digit:]]+$ ]] && echo 5; [[ x =~ y ]]; echo "${#BASH_REMATCH[@]} $?"; [[ a =~ [ ]]; echo $?');
    expect(r.stdout).toBe('v1.2.3 1 2 3 2\n2\n3\n4\n5\n0 1\n2\n');
  });

  it('takes no character class from an Object method’s name (found by fuzzing)', async () => {
    // `function Object() {...}` pasted into the regex made [[:constructor:]] match any of its letters.
    const status = async (name: string) => (await bash(`[[ 'f }]' =~ [[:${name}:]] ]]; echo $?`)).stdout;
    expect(await status('constructor')).toBe(await status('bogus'));
    expect(await status('constructor')).toBe('2\n');
  });

  it('reads POSIX classes only inside brackets, and an unknown one as a bad regex (status 2), as bash does', async () => {
    const r = await bash(
      "[[ x =~ [[:bogus:]] ]]; echo $?; [[ x =~ [a[:bogus:]] ]]; echo $?; [[ a =~ [:abc:] ]]; echo $?; [[ ']' =~ []] ]]; echo $?; [[ $'\\t' =~ [[:cntrl:]] ]]; echo $?; [[ ' ' =~ [[:graph:]] ]]; echo $?",
    );
    expect(r.stdout).toBe('2\n2\n0\n0\n0\n1\n');
  });

  it('spans lines after && and ||', async () => {
    const r = await program(['bash', '-c', '[[ x == y ||\n   y == y ]] && echo yes']);
    expect(r.stdout).toBe('yes\n');
  });

  it('is a command named [[ in dash', async () => {
    expect(await program(['sh', '-c', '[[ 1 == 1 ]]'])).toMatchObject({ stderr: 'sh: 1: [[: not found\n', status: 127 });
  });
});

describe('exec with only redirections (every dialect)', () => {
  const script =
    'exec 3>/tmp/o3; echo to3 >&3; exec 3>&-; echo x >&3; cat /tmp/o3; exec 2>/tmp/e; nosuch; { nosuch2; } 2>/dev/null; f() { nosuch3; }; f 2>/dev/null; exec 2>&1; echo hm >&2; exec >/tmp/o; echo one; { exec >/tmp/o2; echo two; } 2>/dev/null; echo three; ( exec >/dev/null ); echo four';
  const read = (m: ReturnType<typeof makeMachine>, f: string) => new TextDecoder().decode(m.fs.readFile(f));

  it('keeps them for the rest of the shell, undone only where a compound command redirected the same fd', async () => {
    for (const [sh, notFound] of [['bash', 'bash: line 1: nosuch: command not found\n'], ['sh', 'sh: 1: nosuch: not found\n']] as const) {
      const m = makeMachine();
      const r = await program([sh, '-c', script], m);
      expect(r.stdout).toBe('to3\nhm\n');
      // (bash -c words this without `line 1:`; the prefix is the shell's general rule, not this feature's.)
      expect(r.stderr).toMatch(/^(bash|sh): (line )?1?:? ?3: Bad file descriptor\n$/);
      expect(read(m, '/tmp/o')).toBe('one\n');
      expect(read(m, '/tmp/o2')).toBe('two\nthree\nfour\n');
      expect(read(m, '/tmp/e')).toBe(notFound);
    }
  });

  it('ends dash on a redirection error but not bash', async () => {
    expect(await program(['bash', '-c', 'exec >/nonexistent/x; echo after'])).toMatchObject({ stdout: 'after\n', status: 0 });
    expect(await program(['sh', '-c', 'exec >/nonexistent/x; echo after'])).toMatchObject({ stdout: '', stderr: 'sh: 1: cannot create /nonexistent/x: Directory nonexistent\n', status: 2 });
  });
});

describe('scripts run command by command (every dialect)', () => {
  it('runs the commands before a syntax error, as bash and dash read scripts', async () => {
    expect(await program(['bash', '-c', 'echo a\nfi\necho b'])).toEqual({ stdout: 'a\n', stderr: "bash: -c: line 2: syntax error near unexpected token `fi'\nbash: -c: line 2: `fi'\n", status: 2 });
    expect(await program(['sh', '-c', 'echo a\nfi\necho b'])).toEqual({ stdout: 'a\n', stderr: 'sh: 2: Syntax error: "fi" unexpected\n', status: 2 });
    // On one line the whole list is parsed first, so nothing runs.
    expect(await program(['sh', '-c', 'echo a; fi'])).toMatchObject({ stdout: '', status: 2 });
  });

  it('reports an unfinished construct at the end with each shell\'s line count and expectation', async () => {
    const m = makeMachine();
    m.fs.writeFile('/root/n1.sh', 'echo a\nif');
    m.fs.writeFile('/root/n3.sh', 'echo a\nif true; then\necho b\n');
    expect(await program(['bash', 'n1.sh'], m)).toEqual({ stdout: 'a\n', stderr: 'n1.sh: line 3: syntax error: unexpected end of file\n', status: 2 });
    expect(await program(['sh', 'n1.sh'], m)).toEqual({ stdout: 'a\n', stderr: 'n1.sh: 2: Syntax error: end of file unexpected (expecting "then")\n', status: 2 });
    expect((await program(['bash', 'n3.sh'], m)).stderr).toBe('n3.sh: line 4: syntax error: unexpected end of file\n');
    expect((await program(['sh', 'n3.sh'], m)).stderr).toBe('n3.sh: 4: Syntax error: end of file unexpected (expecting "fi")\n');
  });

  it('reads here-documents before running the command that owns them', async () => {
    expect((await program(['sh', '-c', 'cat <<EOF\nhi\nEOF\necho done'])).stdout).toBe('hi\ndone\n');
  });
});
