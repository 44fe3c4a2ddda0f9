import { describe, expect, it } from 'vitest';
import { parse } from '../../../engine/programs/shell/parser.ts';
import type { Script, SimpleCommand } from '../../../engine/programs/shell/ast.ts';
import { syntaxErrorMessage, unexpectedEofMessage, type Origin } from '../../../engine/programs/shell/dialect.ts';
import type { ShellSyntaxError } from '../../../engine/programs/shell/errors.ts';

function ok(src: string): Script {
  const r = parse(src, 'bash');
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.script;
}

function firstSimple(src: string): SimpleCommand {
  const c = ok(src).items[0]!.command.first.commands[0]!;
  if (c.kind !== 'simple') throw new Error('not simple');
  return c;
}

describe('parser', () => {
  it('keeps the quoting structure of words', () => {
    const c = firstSimple(`echo 'a b' "x $HOME y" \\$z \${v:-def} $(ls) \`pwd\` $((1+2))`);
    expect(c.words.map((w) => w.parts.map((p) => p.kind))).toEqual([['lit'], ['lit'], ['dq'], ['lit', 'lit'], ['param'], ['cmdsub'], ['cmdsub'], ['arith']]);
    expect(c.words[1]!.parts[0]).toEqual({ kind: 'lit', text: 'a b', quoted: true });
    expect(c.words[3]!.parts).toEqual([{ kind: 'lit', text: '$', quoted: true }, { kind: 'lit', text: 'z', quoted: false }]);
    const p = c.words[4]!.parts[0]!;
    expect(p.kind === 'param' && p.op).toBe(':-');
  });

  it('parses every ${} operator and ${#x}', () => {
    for (const op of [':-', '-', ':=', '=', ':+', '+', ':?', '?', '#', '##', '%', '%%']) {
      const p = firstSimple(`echo \${x${op}w}`).words[1]!.parts[0]!;
      expect(p.kind === 'param' && p.op).toBe(op);
    }
    const len = firstSimple('echo ${#x}').words[1]!.parts[0]!;
    expect(len).toEqual({ kind: 'param', name: 'x', length: true });
  });

  it('separates assignments, words and redirections', () => {
    const c = firstSimple('X=1 Y="a b" cmd arg >out 2>&1 <in 2>/dev/null >>log');
    expect(c.assigns.map((a) => a.name)).toEqual(['X', 'Y']);
    expect(c.words.map((w) => w.raw)).toEqual(['cmd', 'arg']);
    expect(c.redirects.map((r) => [r.fd, r.op, r.target.raw])).toEqual([
      [1, '>', 'out'], [2, '>&', '1'], [0, '<', 'in'], [2, '>', '/dev/null'], [1, '>>', 'log'],
    ]);
  });

  it('reads here-documents, quoted delimiters and <<-', () => {
    const s = ok('cat <<EOF; cat <<-"END"\nhello $USER\nEOF\n\t\tliteral $x\n\tEND\necho after');
    const [a, b] = s.items.map((i) => i.command.first.commands[0] as SimpleCommand);
    const hdA = a!.redirects[0]!.heredoc!.body;
    expect(hdA.parts.map((p) => p.kind)).toEqual(['lit', 'param', 'lit']);
    expect(b!.redirects[0]!.heredoc!.body.parts).toEqual([{ kind: 'lit', text: 'literal $x\n', quoted: true }]);
    expect(s.items).toHaveLength(3);
  });

  it('parses pipelines, lists and background jobs', () => {
    const s = ok('! a | b && c || d; e & f\ng');
    expect(s.items).toHaveLength(4);
    expect(s.items[0]!.command.first.negate).toBe(true);
    expect(s.items[0]!.command.first.commands).toHaveLength(2);
    expect(s.items[0]!.command.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(s.items[1]!.background).toBe(true);
  });

  it('parses compound commands and functions', () => {
    const kinds = (src: string) => ok(src).items.map((i) => i.command.first.commands[0]!.kind);
    expect(kinds('if a; then b; elif c; then d; else e; fi')).toEqual(['if']);
    expect(kinds('for x in 1 2; do echo $x; done; for y; do :; done')).toEqual(['for', 'for']);
    expect(kinds('while a; do b; done; until a; do b; done')).toEqual(['while', 'until']);
    expect(kinds('case $x in a|b) echo ab;; (c) ;; *) echo other; esac')).toEqual(['case']);
    expect(kinds('f() { echo hi; }; (cd /; ls) > out; { a; b; }')).toEqual(['function', 'subshell', 'group']);
    expect(kinds('# a comment\necho a # trailing')).toEqual(['simple']);
  });

  it('parses nested command substitution with case and parentheses', () => {
    const c = firstSimple('echo $(case x in x) echo "$(echo in)";; esac) after');
    expect(c.words).toHaveLength(3);
    expect(c.words[1]!.parts[0]!.kind).toBe('cmdsub');
  });

  it('joins backslash-newline continuations', () => {
    expect(firstSimple('echo a \\\n  b').words.map((w) => w.raw)).toEqual(['echo', 'a', 'b']);
  });

  it('reports incomplete input for a continuation prompt', () => {
    for (const [src, expecting] of [
      ['echo "abc', '"'], ["echo 'x", "'"], ['if true; then', 'fi'], ['for x in a; do', 'done'], ['cat <<EOF\nline', 'here-document'],
      ['echo a |', '|'], ['echo a &&', '&&'], ['echo $(ls', ')'], ['echo \\', '\\'], ['case x in', 'esac'], ['{ echo', '}'], ['f() {', '}'],
    ] as const) {
      const r = parse(src, 'bash');
      expect(r, src).toMatchObject({ kind: 'incomplete', expecting });
    }
  });

  it('reports syntax errors with each shell wording', () => {
    const bashC: Origin = { dialect: 'bash', name: 'bash', interactive: false, commandString: true };
    const bashI: Origin = { ...bashC, interactive: true, commandString: false };
    const dash: Origin = { dialect: 'dash', name: 'sh', interactive: false, commandString: true };
    const ash: Origin = { dialect: 'ash', name: '/bin/sh', interactive: false, commandString: true };
    const r = parse('if true; then fi', 'bash');
    expect(r.kind).toBe('error');
    const e = (r as { error: ShellSyntaxError }).error;
    expect(syntaxErrorMessage(bashI, e, 'if true; then fi')).toBe("bash: syntax error near unexpected token `fi'");
    expect(syntaxErrorMessage(bashC, e, 'if true; then fi')).toBe("bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `if true; then fi'");
    expect(syntaxErrorMessage(dash, e, '')).toBe('sh: 1: Syntax error: "fi" unexpected');
    expect(syntaxErrorMessage(ash, e, '')).toBe('/bin/sh: syntax error: unexpected "fi"');
    expect(parse(';', 'bash')).toMatchObject({ kind: 'error', error: { token: ';' } });
    expect(parse('echo )', 'bash')).toMatchObject({ kind: 'error', error: { token: ')' } });
    expect(unexpectedEofMessage(dash, 2, 'fi')).toBe('sh: 2: Syntax error: end of file unexpected (expecting "fi")');
    expect(unexpectedEofMessage(bashC, 1, '"')).toBe("bash: -c: line 1: unexpected EOF while looking for matching `\"'");
    expect(unexpectedEofMessage(dash, 1, '"')).toBe('sh: 1: Syntax error: Unterminated quoted string');
  });
});
