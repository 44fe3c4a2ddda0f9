import type { HereDoc, ParamOp, ParamPart, Script, Word, WordPart } from './ast.ts';
import { readAnsiC } from './ansi-c.ts';
import { Incomplete, PARAMETER_CLOSE } from './errors.ts';

/**
 * Splits shell source into words and operators. Shell lexing depends on context the lexer cannot see alone
 * (`$(...)` holds a whole script, here-document bodies start at the next newline), so the parser hands in a
 * callback for nested scripts and registers here-documents as it meets their delimiters.
 */

export type Token =
  | { readonly type: 'word'; readonly word: Word; readonly line: number }
  | { readonly type: 'op'; readonly op: string; readonly line: number }
  | { readonly type: 'io'; readonly fd: number; readonly line: number }
  | { readonly type: 'newline'; readonly line: number }
  | { readonly type: 'eof'; readonly line: number };

/** Parses the script that starts at `pos` in `src` up to its closing `)`; returns it and the index after `)`. */
export type SubParser = (src: string, pos: number, line: number, bash: boolean) => { script: Script; end: number; line: number };
/** Parses a whole string as a script (backtick bodies). */
export type WholeParser = (src: string, line: number, bash: boolean) => Script;

const OPERATORS = ['&>>', '<<<', '<<-', '&&', '||', ';;', '<<', '>>', '<&', '>&', '<>', '>|', '&>', ';', '&', '|', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

type Mode = 'word' | 'dq' | 'brace' | 'heredoc' | 'arith' | 'regex';

interface PendingHereDoc {
  readonly doc: HereDoc;
  readonly delimiter: string;
  readonly literal: boolean;
  readonly stripTabs: boolean;
}

export class Lexer {
  pos: number;
  line: number;
  #pending: PendingHereDoc[] = [];

  constructor(
    readonly src: string,
    private readonly sub: SubParser,
    private readonly whole: WholeParser,
    pos = 0,
    line = 1,
    /** bash syntax: `<<<`, `$'...'`, `${a[i]}`; dash and ash read those as other tokens or literally. */
    readonly bash = false,
  ) {
    this.pos = pos;
    this.line = line;
  }

  /** The parser met `<<DELIM`: the body is read at the next newline and stored in `doc`. */
  addHereDoc(doc: HereDoc, delimiter: Word, stripTabs: boolean): void {
    const literal = delimiter.parts.some((p) => p.kind !== 'lit' || p.quoted);
    this.#pending.push({ doc, delimiter: unquotedText(delimiter), literal, stripTabs });
  }

  /**
   * The right side of `[[ x =~ re ]]`: bash reads `(`, `)` and `|` there as part of the regex, so `^(a|b)$` needs
   * no quoting. It ends at a blank outside parentheses.
   */
  readRegexWord(): Token {
    this.#skipBlanks();
    const line = this.line;
    const start = this.pos;
    const parts = this.#readParts('regex');
    if (this.pos === start) return this.next();
    return { type: 'word', word: { parts, raw: this.src.slice(start, this.pos) }, line };
  }

  get hasPendingHereDocs(): boolean {
    return this.#pending.length > 0;
  }

  next(): Token {
    this.#skipBlanks();
    const line = this.line;
    if (this.pos >= this.src.length) {
      if (this.#pending.length > 0) throw new Incomplete('here-document', line);
      return { type: 'eof', line };
    }
    const c = this.src[this.pos]!;
    if (c === '\n') {
      this.pos++;
      this.line++;
      this.#readHereDocs();
      return { type: 'newline', line };
    }
    const io = /^(\d+)(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 4));
    if (io) {
      this.pos += io[1]!.length;
      return { type: 'io', fd: Number(io[1]), line };
    }
    for (const op of OPERATORS) {
      if (op === '<<<' && !this.bash) continue;
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { type: 'op', op, line };
      }
    }
    const start = this.pos;
    const parts = this.#readParts('word');
    return { type: 'word', word: { parts, raw: this.src.slice(start, this.pos) }, line };
  }

  #skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  #readParts(mode: Mode): WordPart[] {
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'lit' && last.quoted === quoted) parts[parts.length - 1] = { kind: 'lit', text: last.text + text, quoted };
      else parts.push({ kind: 'lit', text, quoted });
    };
    let braceDepth = 0;
    let parenDepth = 0;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (mode === 'word' && META.has(c)) break;
      if (mode === 'regex') {
        if (parenDepth === 0 && (c === ' ' || c === '\t' || c === '\n' || c === ')' || c === ';' || c === '&')) break;
        if (c === '(') parenDepth++;
        if (c === ')') parenDepth--;
      }
      if (mode === 'dq' && c === '"') break;
      if (mode === 'brace' && c === '}' && braceDepth === 0) break;
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === undefined) {
          if (mode === 'word' || mode === 'brace' || mode === 'dq' || mode === 'regex') throw new Incomplete('\\', this.line);
          lit('\\', false);
          this.pos++;
          continue;
        }
        this.pos += 2;
        if (n === '\n') {
          this.line++;
          continue;
        }
        // Inside double quotes (and here-documents) a backslash only escapes the characters that are special there.
        if (mode !== 'word' && mode !== 'brace' && mode !== 'regex' && !'$`"\\'.includes(n)) lit('\\' + n, mode === 'dq');
        else if (mode === 'heredoc' && n === '"') lit('\\"', false);
        else lit(n, true);
        continue;
      }
      if (c === '$' && this.bash && (mode === 'word' || mode === 'brace' || mode === 'regex') && this.src[this.pos + 1] === "'") {
        const { text, end } = readAnsiC(this.src, this.pos + 2);
        if (end < 0) throw new Incomplete("'", this.line);
        this.line += countNewlines(this.src.slice(this.pos, end));
        lit(text, true);
        this.pos = end;
        continue;
      }
      if (c === '$') {
        const part = this.#readDollar();
        if (part) parts.push(part);
        else lit('$', mode === 'dq');
        continue;
      }
      if (c === '`') {
        parts.push(this.#readBackticks());
        continue;
      }
      if ((mode === 'word' || mode === 'brace' || mode === 'regex') && c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new Incomplete("'", this.line);
        const text = this.src.slice(this.pos + 1, end);
        this.line += countNewlines(text);
        lit(text, true);
        this.pos = end + 1;
        continue;
      }
      if ((mode === 'word' || mode === 'brace' || mode === 'regex') && c === '"') {
        const startLine = this.line;
        this.pos++;
        const inner = this.#readParts('dq');
        if (this.src[this.pos] !== '"') throw new Incomplete('"', startLine);
        this.pos++;
        parts.push({ kind: 'dq', parts: inner });
        continue;
      }
      if (mode === 'brace' && c === '{') braceDepth++;
      if (mode === 'brace' && c === '}') braceDepth--;
      if (c === '\n') this.line++;
      lit(c, mode === 'dq');
      this.pos++;
    }
    return parts;
  }

  #readDollar(): WordPart | undefined {
    const s = this.src;
    const n = s[this.pos + 1];
    if (n === '(' && s[this.pos + 2] === '(') {
      const arith = this.#tryArith();
      if (arith) return arith;
    }
    if (n === '(') {
      const start = this.pos;
      const { script, end, line } = this.sub(s, this.pos + 2, this.line, this.bash);
      this.pos = end;
      this.line = line;
      return { kind: 'cmdsub', body: script, source: s.slice(start + 2, end - 1) };
    }
    if (n === '{') return this.#readBraced();
    if (n !== undefined && NAME_START.test(n)) {
      let end = this.pos + 1;
      while (end < s.length && NAME_CHAR.test(s[end]!)) end++;
      const name = s.slice(this.pos + 1, end);
      this.pos = end;
      return { kind: 'param', name };
    }
    if (n !== undefined && (/[0-9]/.test(n) || SPECIAL_PARAMS.has(n))) {
      this.pos += 2;
      return { kind: 'param', name: n };
    }
    this.pos++;
    return undefined;
  }

  /** `$((` opens arithmetic only when a matching `))` closes it; else it is `$(` followed by a subshell. */
  #tryArith(): WordPart | undefined {
    const s = this.src;
    let depth = 0;
    for (let i = this.pos + 3; i < s.length; i++) {
      const c = s[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          if (s[i + 1] !== ')') return undefined;
          const text = s.slice(this.pos + 3, i);
          const expr = new Lexer(text, this.sub, this.whole, 0, this.line, this.bash).#readParts('arith');
          this.line += countNewlines(text);
          this.pos = i + 2;
          return { kind: 'arith', expr: { parts: expr, raw: text } };
        }
        depth--;
      }
    }
    throw new Incomplete('))', this.line);
  }

  #readBraced(): ParamPart {
    const s = this.src;
    const startLine = this.line;
    this.pos += 2;
    let length = false;
    if (s[this.pos] === '#' && s[this.pos + 1] !== '}' && !/[-=?+:%#]/.test(s[this.pos + 1] ?? '')) {
      length = true;
      this.pos++;
    } else if (s[this.pos] === '#' && s[this.pos + 1] === '#' && s[this.pos + 2] === '}') {
      // `${##}`: the length of `$#`.
      length = true;
      this.pos++;
    }
    let name: string;
    const c = s[this.pos];
    if (c === undefined) throw new Incomplete(PARAMETER_CLOSE, startLine);
    if (NAME_START.test(c)) {
      let end = this.pos;
      while (end < s.length && NAME_CHAR.test(s[end]!)) end++;
      name = s.slice(this.pos, end);
    } else if (/[0-9]/.test(c)) {
      let end = this.pos;
      while (end < s.length && /[0-9]/.test(s[end]!)) end++;
      name = s.slice(this.pos, end);
    } else if (SPECIAL_PARAMS.has(c)) name = c;
    else throw new BadSubstitution(s.slice(this.pos - 2, s.indexOf('}', this.pos) + 1 || s.length), this.line);
    this.pos += name.length;
    const index = this.bash && NAME_START.test(name) ? this.#readSubscript() : undefined;
    const base: ParamPart = { kind: 'param', name, ...(length ? { length } : {}), ...(index !== undefined ? { index } : {}) };
    if (s[this.pos] === '}') {
      this.pos++;
      return base;
    }
    const op = (['##', '%%', ':-', ':=', ':+', ':?', '-', '=', '+', '?', '#', '%'] as const).find((o) => s.startsWith(o, this.pos));
    if (!op || length) {
      if (this.pos >= s.length) throw new Incomplete(PARAMETER_CLOSE, startLine);
      throw new BadSubstitution(s.slice(this.pos - name.length - 2, s.indexOf('}', this.pos) + 1 || s.length), this.line);
    }
    this.pos += op.length;
    const argStart = this.pos;
    const arg = this.#readParts('brace');
    if (s[this.pos] !== '}') throw new Incomplete(PARAMETER_CLOSE, startLine);
    const raw = s.slice(argStart, this.pos);
    this.pos++;
    return { ...base, op: op as ParamOp, arg: { parts: arg, raw } };
  }

  /** `[sub]` after a name in `${...}`; the subscript may nest brackets (`${a[b[0]]}`). */
  #readSubscript(): string | undefined {
    const s = this.src;
    if (s[this.pos] !== '[') return undefined;
    let depth = 0;
    for (let i = this.pos; i < s.length; i++) {
      if (s[i] === '[') depth++;
      else if (s[i] === ']' && --depth === 0) {
        const index = s.slice(this.pos + 1, i);
        this.pos = i + 1;
        return index;
      }
    }
    throw new Incomplete(PARAMETER_CLOSE, this.line);
  }

  #readBackticks(): WordPart {
    const s = this.src;
    const startLine = this.line;
    let body = '';
    let i = this.pos + 1;
    for (; i < s.length && s[i] !== '`'; i++) {
      if (s[i] === '\\' && i + 1 < s.length && '$`\\'.includes(s[i + 1]!)) {
        body += s[++i];
        continue;
      }
      body += s[i];
    }
    if (i >= s.length) throw new Incomplete('`', startLine);
    this.pos = i + 1;
    this.line += countNewlines(body);
    return { kind: 'cmdsub', body: this.whole(body, startLine, this.bash), source: body };
  }

  #readHereDocs(): void {
    for (const p of this.#pending.splice(0)) {
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length) throw new Incomplete('here-document', this.line);
        const nl = this.src.indexOf('\n', this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let text = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? end : end + 1;
        this.line++;
        if (p.stripTabs) text = text.replace(/^\t+/, '');
        if (text === p.delimiter) break;
        lines.push(text + '\n');
        if (nl < 0) throw new Incomplete('here-document', this.line);
      }
      const text = lines.join('');
      p.doc.body = p.literal
        ? { parts: [{ kind: 'lit', text, quoted: true }], raw: text }
        : { parts: new Lexer(text, this.sub, this.whole, 0, this.line, this.bash).#readParts('heredoc'), raw: text };
    }
  }
}

/** `${x!y}` and friends: bash and dash both call it a bad substitution (at run time in bash; we report early). */
export class BadSubstitution extends Error {
  override readonly name = 'BadSubstitution';
  constructor(
    readonly text: string,
    readonly line: number,
  ) {
    super(`${text}: bad substitution`);
  }
}

/** A word's text with quotes removed, without expansion (here-doc delimiters, function names, `case` keywords). */
export function unquotedText(word: Word): string {
  return word.parts.map(partText).join('');
}

function partText(p: WordPart): string {
  switch (p.kind) {
    case 'lit':
      return p.text;
    case 'dq':
      return p.parts.map(partText).join('');
    default:
      return '';
  }
}

/** The text of a word made only of unquoted literals (reserved words, names), else undefined. */
export function plainText(word: Word): string | undefined {
  if (word.parts.length !== 1) return undefined;
  const p = word.parts[0]!;
  return p.kind === 'lit' && !p.quoted ? p.text : undefined;
}

function countNewlines(s: string): number {
  let n = 0;
  for (const c of s) if (c === '\n') n++;
  return n;
}
