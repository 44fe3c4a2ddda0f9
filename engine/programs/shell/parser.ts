import type { AndOr, Assignment, Command, CondExpr, HereDoc, ListItem, Pipeline, Redirect, RedirOp, Script, Word } from './ast.ts';
import type { DialectName } from './dialect.ts';
import { Incomplete, ShellSyntaxError } from './errors.ts';
import { BadSubstitution, Lexer, plainText, unquotedText, type Token } from './lexer.ts';

/**
 * Recursive-descent parser for the POSIX shell grammar (plus `function f {` from bash). Running out of input
 * inside a construct raises `Incomplete`, which a terminal turns into a continuation prompt.
 */

export type ParseResult =
  | { readonly kind: 'ok'; readonly script: Script }
  | { readonly kind: 'incomplete'; readonly expecting: string; readonly line: number }
  | { readonly kind: 'error'; readonly error: ShellSyntaxError | BadSubstitution };

export function parse(src: string, dialect: DialectName): ParseResult {
  try {
    return { kind: 'ok', script: parseScript(src, 1, dialect === 'bash') };
  } catch (e) {
    if (e instanceof Incomplete) return { kind: 'incomplete', expecting: e.expecting, line: e.line };
    if (e instanceof ShellSyntaxError || e instanceof BadSubstitution) return { kind: 'error', error: e };
    throw e;
  }
}

/** Parses a whole script; throws `Incomplete`, `ShellSyntaxError` or `BadSubstitution`. */
export function parseScript(src: string, line: number, bash: boolean): Script {
  const p = new Parser(newLexer(src, 0, line, bash));
  const script = p.list(false);
  const t = p.peek();
  if (t.type !== 'eof') throw p.unexpected(t);
  return script;
}

/**
 * A script or `-c` string as a non-interactive shell reads it: one complete command (a line's list) at a time, so
 * the commands before a syntax error run before it is reported, as in bash and dash.
 */
export class ScriptReader {
  readonly #parser: Parser;
  #done = false;

  constructor(src: string, dialect: DialectName) {
    this.#parser = new Parser(newLexer(src, 0, 1, dialect === 'bash'));
  }

  /** The next complete command, or undefined at the end; after an error or incomplete input there is no more. */
  next(): ParseResult | undefined {
    if (this.#done) return undefined;
    try {
      const script = this.#parser.completeCommand();
      if (!script) this.#done = true;
      return script && { kind: 'ok', script };
    } catch (e) {
      this.#done = true;
      if (e instanceof Incomplete) return { kind: 'incomplete', expecting: e.expecting, line: e.line };
      if (e instanceof ShellSyntaxError || e instanceof BadSubstitution) return { kind: 'error', error: e };
      throw e;
    }
  }
}

function newLexer(src: string, pos: number, line: number, bash: boolean): Lexer {
  return new Lexer(src, parseSubstitution, parseScript, pos, line, bash);
}

function parseSubstitution(src: string, pos: number, line: number, bash: boolean) {
  const lexer = newLexer(src, pos, line, bash);
  const p = new Parser(lexer, [')']);
  const script = p.list(true);
  p.expectOp(')');
  return { script, end: lexer.pos, line: lexer.line };
}

const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const REDIR_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-', '<<<', '&>', '&>>']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Parser {
  #peeked: Token | undefined;
  /** Keywords of the constructs being parsed, innermost last: what a premature end of input still needs. */
  #open: string[];

  constructor(
    private readonly lexer: Lexer,
    open: string[] = [],
  ) {
    this.#open = open;
  }

  peek(): Token {
    return (this.#peeked ??= this.lexer.next());
  }

  take(): Token {
    const t = this.peek();
    this.#peeked = undefined;
    return t;
  }

  unexpected(t: Token): Error {
    if (t.type === 'eof') return new Incomplete(this.#open[this.#open.length - 1] ?? 'end of file', t.line);
    const text = t.type === 'word' ? t.word.raw : t.type === 'op' ? t.op : t.type === 'io' ? String(t.fd) : 'newline';
    return new ShellSyntaxError(text, t.line);
  }

  expectOp(op: string): void {
    const t = this.take();
    if (t.type !== 'op' || t.op !== op) throw this.unexpected(t);
  }

  expectWord(word: string): void {
    const t = this.take();
    if (t.type !== 'word' || plainText(t.word) !== word) throw this.unexpected(t);
  }

  #isWord(t: Token, ...words: string[]): boolean {
    return t.type === 'word' && words.includes(plainText(t.word) ?? '');
  }

  #skipNewlines(): void {
    while (this.peek().type === 'newline') this.take();
  }

  /**
   * A list of and-or commands separated by `;`, `&` or newlines, up to a closing keyword, `)`, `;;` or the end.
   * `nested` lists may be empty only where the caller allows it; an empty body is a syntax error in the shells.
   */
  list(nested: boolean): Script {
    const items: ListItem[] = [];
    for (;;) {
      this.#skipNewlines();
      const t = this.peek();
      if (t.type === 'eof') {
        if (nested || this.#open.length > 0) throw this.unexpected(t);
        break;
      }
      if (t.type === 'op' && (t.op === ')' || t.op === ';;')) break;
      if (t.type === 'word' && CLOSERS.has(plainText(t.word) ?? '')) break;
      const command = this.#andOr();
      const sep = this.peek();
      if (sep.type === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.take();
        items.push({ command, background: sep.op === '&' });
        continue;
      }
      items.push({ command, background: false });
      if (sep.type === 'newline') continue;
      break;
    }
    return { kind: 'script', items };
  }

  /** One line's list: and-or lists up to a newline (taken, so its here-documents are read) or the end. */
  completeCommand(): Script | undefined {
    this.#skipNewlines();
    if (this.peek().type === 'eof') return undefined;
    const items: ListItem[] = [];
    for (;;) {
      const command = this.#andOr();
      const sep = this.peek();
      const background = sep.type === 'op' && sep.op === '&';
      items.push({ command, background });
      if (sep.type === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.take();
        const after = this.peek();
        if (after.type === 'newline' || after.type === 'eof') break;
        continue;
      }
      if (sep.type === 'newline' || sep.type === 'eof') break;
      throw this.unexpected(sep);
    }
    if (this.peek().type === 'newline') this.take();
    return { kind: 'script', items };
  }

  /** A non-empty list for a construct's body: bash and dash reject `if ; then` and `{ }`. */
  #body(): Script {
    const script = this.list(true);
    if (script.items.length === 0) throw this.unexpected(this.peek());
    return script;
  }

  #andOr(): AndOr {
    const first = this.#pipeline();
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.take();
      this.#open.push(t.op);
      this.#skipNewlines();
      rest.push({ op: t.op, pipeline: this.#pipeline() });
      this.#open.pop();
    }
    return { kind: 'andor', first, rest };
  }

  #pipeline(): Pipeline {
    const line = this.peek().line;
    let time: Pipeline['time'];
    // `time` is a bash reserved word; dash and ash look it up as a command.
    if (this.lexer.bash && this.#isWord(this.peek(), 'time')) {
      this.take();
      time = 'bash';
      if (this.#isWord(this.peek(), '-p')) {
        this.take();
        time = 'posix';
      }
    }
    let negate = false;
    if (this.#isWord(this.peek(), '!')) {
      this.take();
      negate = true;
    }
    const commands = [this.#command()];
    while (this.peek().type === 'op' && (this.peek() as { op: string }).op === '|') {
      this.take();
      this.#open.push('|');
      this.#skipNewlines();
      commands.push(this.#command());
      this.#open.pop();
    }
    return { kind: 'pipeline', negate, commands, line, ...(time ? { time } : {}) };
  }

  #command(): Command {
    const t = this.peek();
    if (t.type === 'op' && t.op === '(') {
      this.take();
      this.#open.push(')');
      const body = this.#body();
      this.expectOp(')');
      this.#open.pop();
      return { kind: 'subshell', body, redirects: this.#redirects() };
    }
    if (t.type === 'word') {
      switch (plainText(t.word)) {
        case '{':
          return this.#group();
        case 'if':
          return this.#if();
        case 'for':
          return this.#for();
        case 'while':
        case 'until':
          return this.#loop();
        case 'case':
          return this.#case();
        case 'function':
          return this.#bashFunction();
        case '[[':
          if (this.lexer.bash) return this.#conditional();
          break;
        case 'then': case 'else': case 'elif': case 'fi': case 'do': case 'done': case 'esac': case '}':
          throw this.unexpected(t);
      }
    }
    return this.#simple();
  }

  #group(): Command {
    this.take();
    this.#open.push('}');
    const body = this.#body();
    this.expectWord('}');
    this.#open.pop();
    return { kind: 'group', body, redirects: this.#redirects() };
  }

  #if(): Command {
    this.take();
    this.#open.push('fi');
    const branches: { cond: Script; body: Script }[] = [];
    let otherwise: Script | undefined;
    for (;;) {
      this.#open.push('then');
      const cond = this.#body();
      this.expectWord('then');
      this.#open.pop();
      const body = this.#body();
      branches.push({ cond, body });
      const t = this.take();
      if (this.#isWord(t, 'elif')) continue;
      if (this.#isWord(t, 'else')) {
        otherwise = this.#body();
        this.expectWord('fi');
      } else if (!this.#isWord(t, 'fi')) throw this.unexpected(t);
      break;
    }
    this.#open.pop();
    return otherwise ? { kind: 'if', branches, otherwise, redirects: this.#redirects() } : { kind: 'if', branches, redirects: this.#redirects() };
  }

  #for(): Command {
    this.take();
    this.#open.push('done');
    const nameTok = this.take();
    const name = nameTok.type === 'word' ? plainText(nameTok.word) : undefined;
    if (!name || !NAME.test(name)) throw this.unexpected(nameTok);
    let items: Word[] | undefined;
    this.#skipNewlines();
    if (this.#isWord(this.peek(), 'in')) {
      this.take();
      items = [];
      for (let t = this.peek(); t.type === 'word'; t = this.peek()) items.push((this.take() as { word: Word }).word);
      const sep = this.take();
      if (!(sep.type === 'newline' || (sep.type === 'op' && sep.op === ';'))) throw this.unexpected(sep);
    } else if (this.peek().type === 'op' && (this.peek() as { op: string }).op === ';') this.take();
    this.#skipNewlines();
    this.expectWord('do');
    const body = this.#body();
    this.expectWord('done');
    this.#open.pop();
    const redirects = this.#redirects();
    return items ? { kind: 'for', name, items, body, redirects } : { kind: 'for', name, body, redirects };
  }

  #loop(): Command {
    const kind = plainText((this.take() as { word: Word }).word) as 'while' | 'until';
    this.#open.push('do');
    const cond = this.#body();
    this.expectWord('do');
    this.#open.pop();
    this.#open.push('done');
    const body = this.#body();
    this.expectWord('done');
    this.#open.pop();
    return { kind, cond, body, redirects: this.#redirects() };
  }

  #case(): Command {
    this.take();
    this.#open.push('esac');
    const subjectTok = this.take();
    if (subjectTok.type !== 'word') throw this.unexpected(subjectTok);
    this.#skipNewlines();
    this.expectWord('in');
    const arms: { patterns: Word[]; body: Script }[] = [];
    for (;;) {
      this.#skipNewlines();
      let t = this.peek();
      if (this.#isWord(t, 'esac')) {
        this.take();
        break;
      }
      if (t.type === 'op' && t.op === '(') this.take();
      const patterns: Word[] = [];
      for (;;) {
        t = this.take();
        if (t.type !== 'word') throw this.unexpected(t);
        patterns.push(t.word);
        const sep = this.take();
        if (sep.type === 'op' && sep.op === '|') continue;
        if (sep.type === 'op' && sep.op === ')') break;
        throw this.unexpected(sep);
      }
      const body = this.list(true);
      arms.push({ patterns, body });
      t = this.peek();
      if (t.type === 'op' && t.op === ';;') {
        this.take();
        continue;
      }
      this.#skipNewlines();
      this.expectWord('esac');
      break;
    }
    this.#open.pop();
    return { kind: 'case', subject: subjectTok.word, arms, redirects: this.#redirects() };
  }

  #conditional(): Command {
    const line = this.take().line;
    this.#open.push(']]');
    const expr = new CondParser(this).or();
    this.expectWord(']]');
    this.#open.pop();
    return { kind: 'cond', expr, redirects: this.#redirects(), line };
  }

  /** `[[` reads its operands as words and `<`, `>`, `(`, `)`, `&&`, `||` as its own operators; newlines are blanks. */
  condToken(): Token {
    this.#skipNewlines();
    return this.peek();
  }

  /** The `=~` operand, read by the lexer's regex rules (nothing may have been peeked past `=~`). */
  regexOperand(): Word {
    const t = this.lexer.readRegexWord();
    if (t.type !== 'word') throw this.unexpected(t);
    return t.word;
  }

  #bashFunction(): Command {
    const line = this.take().line;
    const nameTok = this.take();
    if (nameTok.type !== 'word') throw this.unexpected(nameTok);
    const t = this.peek();
    if (t.type === 'op' && t.op === '(') {
      this.take();
      this.expectOp(')');
    }
    return this.#functionBody(unquotedText(nameTok.word), line);
  }

  #functionBody(name: string, line: number): Command {
    this.#skipNewlines();
    const t = this.peek();
    const compound = (t.type === 'op' && t.op === '(') || this.#isWord(t, '{', 'if', 'for', 'while', 'until', 'case');
    if (!compound) throw this.unexpected(t);
    return { kind: 'function', name, body: this.#command(), line };
  }

  #simple(): Command {
    const line = this.peek().line;
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type === 'io' || (t.type === 'op' && REDIR_OPS.has(t.op))) {
        redirects.push(...this.#redirect());
        continue;
      }
      if (t.type !== 'word') break;
      this.take();
      const eq = t.word.raw.indexOf('=');
      const first = t.word.parts[0];
      if (words.length === 0 && eq > 0 && NAME.test(t.word.raw.slice(0, eq)) && first?.kind === 'lit' && !first.quoted && first.text.length > eq) {
        assigns.push({ name: t.word.raw.slice(0, eq), value: dropPrefix(t.word, eq + 1) });
        continue;
      }
      if (words.length === 0 && assigns.length === 0 && redirects.length === 0) {
        const next = this.peek();
        if (next.type === 'op' && next.op === '(') {
          this.take();
          this.expectOp(')');
          return this.#functionBody(unquotedText(t.word), line);
        }
      }
      words.push(t.word);
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) throw this.unexpected(this.peek());
    return { kind: 'simple', assigns, words, redirects, line };
  }

  #redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (let t = this.peek(); t.type === 'io' || (t.type === 'op' && REDIR_OPS.has(t.op)); t = this.peek()) out.push(...this.#redirect());
    return out;
  }

  #redirect(): Redirect[] {
    let t = this.take();
    let fd: number | undefined;
    if (t.type === 'io') {
      fd = t.fd;
      t = this.take();
    }
    if (t.type !== 'op') throw this.unexpected(t);
    const target = this.take();
    if (target.type !== 'word') throw this.unexpected(target);
    // bash's `&> file` is `> file 2>&1`.
    if (t.op === '&>' || t.op === '&>>') {
      const one: Word = { parts: [{ kind: 'lit', text: '1', quoted: false }], raw: '1' };
      return [
        { fd: 1, op: t.op === '&>' ? '>' : '>>', target: target.word },
        { fd: 2, op: '>&', target: one },
      ];
    }
    const op = t.op as RedirOp;
    if (op === '<<' || op === '<<-') {
      const heredoc: HereDoc = { body: { parts: [], raw: '' } };
      this.lexer.addHereDoc(heredoc, target.word, op === '<<-');
      return [{ fd: fd ?? 0, op, target: target.word, heredoc }];
    }
    return [{ fd: fd ?? (op.startsWith('<') ? 0 : 1), op, target: target.word }];
  }
}

/** The value part of `NAME=value`: the word with its first `n` characters (the name and `=`) removed. */
function dropPrefix(word: Word, n: number): Word {
  const [first, ...rest] = word.parts;
  if (first?.kind !== 'lit') return word;
  const text = first.text.slice(n);
  return { parts: text ? [{ ...first, text }, ...rest] : rest, raw: word.raw.slice(n) };
}

const COND_UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-n', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-z', '-G', '-L', '-N', '-O', '-S', '-v']);
const COND_BINARY = new Set(['==', '=', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** The expression inside `[[ ]]`: `||` below `&&` below `!`, with parentheses for grouping. */
class CondParser {
  constructor(private readonly p: Parser) {}

  or(): CondExpr {
    let left = this.and();
    while (this.#isOp('||')) {
      this.p.take();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  and(): CondExpr {
    let left = this.not();
    while (this.#isOp('&&')) {
      this.p.take();
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }

  not(): CondExpr {
    if (this.#word() === '!') {
      this.p.take();
      return { kind: 'not', expr: this.not() };
    }
    return this.primary();
  }

  primary(): CondExpr {
    if (this.#isOp('(')) {
      this.p.take();
      const expr = this.or();
      if (!this.#isOp(')')) throw this.p.unexpected(this.p.condToken());
      this.p.take();
      return expr;
    }
    const t = this.p.condToken();
    if (t.type !== 'word' || plainText(t.word) === ']]') throw this.p.unexpected(t);
    this.p.take();
    const op = plainText(t.word);
    if (op !== undefined && COND_UNARY.has(op)) {
      const arg = this.p.condToken();
      if (arg.type === 'word' && plainText(arg.word) !== ']]') {
        this.p.take();
        return { kind: 'unary', op, arg: arg.word };
      }
    }
    const next = this.p.peek();
    const bin = next.type === 'word' ? plainText(next.word) : next.type === 'op' && (next.op === '<' || next.op === '>') ? next.op : undefined;
    if (bin === undefined || !(COND_BINARY.has(bin) || bin === '<' || bin === '>')) return { kind: 'word', word: t.word };
    this.p.take();
    if (bin === '=~') return { kind: 'binary', op: bin, left: t.word, right: this.p.regexOperand() };
    const right = this.p.condToken();
    if (right.type !== 'word') throw this.p.unexpected(right);
    this.p.take();
    return { kind: 'binary', op: bin, left: t.word, right: right.word };
  }

  #isOp(op: string): boolean {
    const t = this.p.condToken();
    return t.type === 'op' && t.op === op;
  }

  #word(): string | undefined {
    const t = this.p.condToken();
    return t.type === 'word' ? plainText(t.word) : undefined;
  }
}
