import { describe, expect, it } from 'vitest';
import { bash, makeMachine, program } from './helpers.ts';

describe('expansions', () => {
  it('expands parameters with every operator', async () => {
    const r = await bash(
      'x=hello.tar.gz; e=; echo ${x#*.} ${x##*.} ${x%.*} ${x%%.*} ${#x} ${u:-def} ${e:-empty} ${e-set} ${u+plus}${x:+alt} ${n:=new} $n',
    );
    expect(r.stdout).toBe('tar.gz gz hello.tar hello 12 def empty alt new new\n');
  });

  it('reports ${x:?} and set -u as errors', async () => {
    expect((await bash('echo ${zz:?must set}; echo after')).stderr).toBe('bash: zz: must set\n');
    expect(await program(['sh', '-c', 'set -u; echo $zz; echo after'])).toMatchObject({ stdout: '', stderr: 'sh: 1: zz: parameter not set\n', status: 2 });
  });

  it('splits unquoted expansions on IFS but not quoted ones, and "$@" keeps arguments', async () => {
    const r = await program(['sh', '-c', 'v="a  b"; for w in $v; do echo "[$w]"; done; for w in "$v"; do echo "[$w]"; done; for a in "$@"; do echo "<$a>"; done; IFS=:; p=x:y::z; for f in $p; do echo "{$f}"; done', 'sh', 'one two', 'three']);
    expect(r.stdout).toBe('[a]\n[b]\n[a  b]\n<one two>\n<three>\n{x}\n{y}\n{}\n{z}\n');
  });

  it('knows the special parameters', async () => {
    const r = await program(['sh', '-c', 'echo $# $1 $2 $0; false; echo $?; set -- p q r; echo $# "$*"; shift; echo $@', 'myname', 'a', 'b']);
    expect(r.stdout).toBe('2 a b myname\n1\n3 p q r\nq r\n');
  });

  it('evaluates arithmetic', async () => {
    expect((await bash('i=5; echo $((i * 2 + 1)) $(( (1+2)*3 )) $((10 % 4)) $((3 > 2 && 1)) $((i += 1)) $i $((-7 / 2))')).stdout).toBe('11 9 2 1 6 6 -3\n');
    expect((await bash('echo $((1/0))')).stderr).toBe('bash: 1/0: division by 0 (error token is "0")\n');
  });

  it('substitutes command output without trailing newlines, nested and in backticks', async () => {
    const r = await bash('a=$(fake-echo hi); b="$(fake-echo "$(fake-echo in)")"; c=`fake-echo tick`; echo "$a-$b-$c"');
    expect(r.stdout).toBe('hi-in-tick\n');
  });

  it('feeds command substitution to another command (docker rm -f $(docker ps -aq))', async () => {
    expect((await bash('docker rm -f $(docker ps -aq)')).stdout).toBe('abc123\ndef456\n');
  });

  it('expands tilde and globs against the filesystem', async () => {
    const m = makeMachine();
    for (const f of ['b.txt', 'a.txt', '.hidden.txt', 'c.md']) m.fs.writeFile(`/root/${f}`, '');
    m.fs.mkdir('/root/dir');
    const r = await bash('echo ~ ~/x; echo *.txt; echo .*.txt; echo [ab].txt [!a].txt ?.md; echo *.none "*.txt"; echo */; echo /root/d*', m);
    expect(r.stdout).toBe('/root /root/x\na.txt b.txt\n.hidden.txt\na.txt b.txt b.txt c.md\n*.none *.txt\ndir/\n/root/dir\n');
  });
});

describe('pipelines', () => {
  it('streams between concurrent stages', async () => {
    expect((await bash('fake-echo hello | upper | cat')).stdout).toBe('HELLO\n');
  });

  it('ends yes | head -1 and gives the writer SIGPIPE (141)', async () => {
    const r = await bash('yes | head -n 1; echo $?; set -o pipefail; yes | head -n 2; echo $?');
    expect(r.stdout).toBe('y\n0\ny\ny\n141\n');
  });

  it('negates with ! and runs builtins in pipelines', async () => {
    expect((await bash('! false; echo $?; echo piped | cat; x=1; x=2 | cat; echo $x')).stdout).toBe('0\npiped\n1\n');
  });
});

describe('redirections', () => {
  it('writes, appends, reads and duplicates descriptors', async () => {
    const m = makeMachine();
    const r = await bash('echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; errout > /tmp/g 2>&1; cat /tmp/g; errout 2>/dev/null; echo e >&2', m);
    expect(r.stdout).toBe('one\ntwo\nout\nerr\nout\n');
    expect(r.stderr).toBe('e\n');
    expect(m.fs.readText('/tmp/f')).toBe('one\ntwo\n');
  });

  it('reports a missing directory in each dialect', async () => {
    expect((await bash('echo hi > /nonexist/x; echo $?')).stderr).toBe('bash: /nonexist/x: No such file or directory\n');
    expect((await program(['sh', '-c', 'echo hi > /nonexist/x'])).stderr).toBe('sh: 1: cannot create /nonexist/x: Directory nonexistent\n');
    expect((await program(['/bin/ash', '-c', 'cat < /nope'])).stderr).toBe("/bin/ash: can't open '/nope': No such file or directory\n");
  });

  it('feeds here-documents, expanded or literal, with <<- stripping tabs', async () => {
    const r = await bash('name=World\ncat <<EOF\nHello $name $((1+1))\nEOF\ncat <<\'EOF\'\n$name\nEOF\ncat <<-END\n\tindented\n\tEND');
    expect(r.stdout).toBe('Hello World 2\n$name\nindented\n');
  });
});

describe('control flow', () => {
  it('runs if/elif/else, loops, case and functions', async () => {
    const r = await bash(`
f() { local v=$1; echo "f:$v:$#"; return 3; }
f a b; echo "ret $?"; echo "v=[$v]"
for i in 1 2 3; do if [ $i -eq 1 ]; then echo one; elif [ $i = 2 ]; then echo two; else echo other; fi; done
n=0; while [ $n -lt 3 ]; do n=$((n+1)); [ $n -eq 2 ] && continue; echo n$n; done
until true; do echo never; done
for x in a b c; do [ $x = b ] && break; echo $x; done
case hello.txt in *.md) echo md;; *.txt|*.text) echo text;; *) echo other;; esac
{ echo grouped; }; (cd /tmp; pwd); pwd`);
    expect(r.stdout).toBe('f:a:2\nret 3\nv=[]\none\ntwo\nother\nn1\nn3\na\ntext\ngrouped\n/tmp\n/root\n');
  });

  it('runs && and || and stops on set -e', async () => {
    expect((await bash('false && echo no || echo yes; true && echo and')).stdout).toBe('yes\nand\n');
    expect(await program(['sh', '-ec', 'echo a; false; echo b'])).toMatchObject({ stdout: 'a\n', status: 1 });
    expect(await program(['sh', '-c', 'set -e; if false; then :; fi; false || true; echo survived'])).toMatchObject({ stdout: 'survived\n', status: 0 });
  });

  it("times a pipeline with bash's time keyword (-p: POSIX format), on the shell's stderr; dash has no such word", async () => {
    expect(await bash('time true')).toMatchObject({ stdout: '', stderr: '\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n', status: 0 });
    expect(await bash('time -p false 2>/dev/null')).toMatchObject({ stderr: 'real 0.00\nuser 0.00\nsys 0.00\n', status: 1 });
    expect((await program(['sh', '-c', 'time true'])).status).toBe(127);
  });

  it("accepts bash's -E and -T (the official images' entrypoints start with set -Eeuo pipefail); dash refuses them", async () => {
    expect(await bash('set -Eeuo pipefail; set -o errtrace; echo ok')).toMatchObject({ stdout: 'ok\n', status: 0 });
    expect((await program(['sh', '-c', 'set -E; echo no'])).stderr).toContain('-E');
  });

  it('exits with exit, and traces with set -x', async () => {
    expect(await program(['sh', '-c', 'echo a; exit 4; echo b'])).toMatchObject({ stdout: 'a\n', status: 4 });
    expect((await program(['sh', '-xc', 'echo "a b"'])).stderr).toBe("+ echo 'a b'\n");
  });

  it('runs background jobs and waits for them', async () => {
    const r = await program(['sh', '-c', 'fake-echo bg & wait $!; echo "done $?"']);
    expect(r.stdout).toBe('bg\ndone 0\n');
  });
});

describe('builtins', () => {
  it('cd with -, HOME and OLDPWD', async () => {
    const r = await bash('cd /tmp; cd -; echo $OLDPWD; cd; pwd; cd /nowhere; echo $?');
    expect(r.stdout).toBe('/root\n/tmp\n/root\n1\n');
    expect(r.stderr).toBe('bash: cd: /nowhere: No such file or directory\n');
    expect((await program(['sh', '-c', 'cd /nowhere'])).stderr).toBe("sh: 1: cd: can't cd to /nowhere\n");
  });

  it('test and [ cover files, strings, numbers and connectives', async () => {
    const m = makeMachine();
    m.fs.writeFile('/tmp/f', 'data');
    m.fs.writeFile('/tmp/empty', '');
    const r = await bash(
      't() { if "$@"; then printf 1; else printf 0; fi; }; t [ -f /tmp/f ]; t [ -d /tmp ]; t [ -e /nope ]; t [ -s /tmp/f ]; t [ -s /tmp/empty ]; t [ -x /bin/cat ]; t [ -z "" ]; t [ -n "" ]; t [ a = a ]; t [ a != a ]; t [ 2 -lt 10 ]; t [ ! -f /nope ]; t [ -f /tmp/f -a -d /tmp ]; t [ -f /nope -o -d /tmp ]; t test "" ; echo',
      m,
    );
    expect(r.stdout).toBe('110101101011110\n');
  });

  it('read splits lines into variables, line by line from a pipe', async () => {
    const r = await bash('printf "a b c\\nd e\\n" | while read -r x rest; do echo "$x|$rest"; done; read -r one <<EOF\nsolo\nEOF\necho $one');
    expect(r.stdout).toBe('a|b c\nd|e\nsolo\n');
  });

  it('export, unset, eval, command -v, type and aliases', async () => {
    const r = await bash('export FOO=1; BAR=2 env | grep -q x; unset FOO; echo "[$FOO]"; eval "echo ev\\$((1+1))"; command -v cat; command -v cd; type cd; alias hi="echo hello"; hi there');
    expect(r.stdout).toBe('[]\nev2\n/bin/cat\ncd\ncd is a shell builtin\nhello there\n');
    expect((await bash('X=1 env')).stdout).toContain('X=1\n');
  });

  it('sources files with arguments', async () => {
    const m = makeMachine();
    m.fs.writeFile('/tmp/lib.sh', 'greet() { echo "hi $1"; }\nLOADED=yes\n');
    expect((await bash('. /tmp/lib.sh; greet you; echo $LOADED', m)).stdout).toBe('hi you\nyes\n');
  });
});
