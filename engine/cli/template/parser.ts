import { lex, type Token } from './lexer.ts';
import type { CommandNode, Node, PipeNode } from './nodes.ts';
import { unquoteGoString } from '../../core/go-quote.ts';

/**
 * Go text/template's parser: actions, pipelines, if/else if/else, range (with else, break, continue), with,
 * variables and their scopes, parenthesised pipelines and field chains. Errors read as Go's:
 * `template: NAME:LINE: MESSAGE`.
 */
export class TemplateParseError extends Error {}

export interface ParsedTemplate {
  readonly name: string;
  readonly text: string;
  readonly root: readonly Node[];
}

export function parseTemplate(name: string, text: string, funcs: ReadonlySet<string>): ParsedTemplate {
  const tokens = lex(text);
  let i = 0;
  const vars: string[] = ['$'];
  let rangeDepth = 0;

  const peek = (): Token => tokens[i]!;
  const next = (): Token => tokens[i++]!;
  const fail = (message: string, at: Token = tokens[Math.max(0, i - 1)]!): never => {
    throw new TemplateParseError(`template: ${name}:${at.line}: ${message}`);
  };
  const checkLex = (t: Token) => {
    if (t.type === 'error') fail(t.value, t);
  };
  const nextNonSpace = (): Token => {
    let t = next();
    while (t.type === 'space') t = next();
    checkLex(t);
    return t;
  };
  const peekNonSpace = (): Token => {
    const t = nextNonSpace();
    i--;
    return t;
  };
  const tokenDesc = (t: Token): string => {
    if (t.type === 'eof') return 'EOF';
    if (t.type === 'rightDelim') return '"}}"';
    return JSON.stringify(t.value);
  };

  /** Parses items until one of the `stops` keywords; returns the list and the keyword that ended it. */
  function itemList(stops: readonly string[]): { list: Node[]; stop: string } {
    const list: Node[] = [];
    for (;;) {
      const t = next();
      checkLex(t);
      if (t.type === 'eof') {
        if (stops.length > 0) fail('unexpected EOF', t);
        return { list, stop: 'eof' };
      }
      if (t.type === 'text') {
        list.push({ kind: 'text', text: t.value, pos: t.pos, line: t.line });
        continue;
      }
      // leftDelim
      const k = peekNonSpace();
      if (k.type === 'keyword') {
        if (k.value === 'end' || k.value === 'else') {
          if (!stops.includes(k.value)) fail(`unexpected {{${k.value}}}`, k);
          nextNonSpace();
          if (k.value === 'end') {
            const close = nextNonSpace();
            if (close.type !== 'rightDelim') fail(`unexpected ${tokenDesc(close)} in end`, close);
          }
          return { list, stop: k.value };
        }
        nextNonSpace();
        list.push(control(k));
        continue;
      }
      list.push(action(k));
    }
  }

  function action(at: Token): Node {
    const pipe = pipeline('command', 'rightDelim');
    return { kind: 'action', pipe, pos: at.pos, line: at.line };
  }

  function control(k: Token): Node {
    switch (k.value) {
      case 'if':
      case 'with':
      case 'range':
        return branch(k);
      case 'break':
      case 'continue': {
        if (rangeDepth === 0) fail(`{{${k.value}}} outside {{range}}`, k);
        const close = nextNonSpace();
        if (close.type !== 'rightDelim') fail(`unexpected ${tokenDesc(close)} in {{${k.value}}}`, close);
        return { kind: k.value, pos: k.pos, line: k.line };
      }
      default:
        return fail(`{{${k.value}}} is not supported`, k);
    }
  }

  function branch(k: Token, elseIf = false): Node {
    const kind = k.value as 'if' | 'with' | 'range';
    const mark = vars.length;
    const pipe = pipeline(kind, 'rightDelim');
    if (kind === 'range') rangeDepth++;
    const body = itemList(['end', 'else']);
    if (kind === 'range') rangeDepth--;
    let elseList: Node[] | undefined;
    if (body.stop === 'else') {
      const after = peekNonSpace();
      if ((kind === 'if' || kind === 'with') && after.type === 'keyword' && after.value === kind) {
        // {{else if ...}} is an if inside the else branch that shares this {{end}}.
        nextNonSpace();
        elseList = [branch(after, true)];
      } else {
        const close = nextNonSpace();
        if (close.type !== 'rightDelim') fail(`unexpected ${tokenDesc(close)} in else`, close);
        elseList = itemList(['end']).list;
      }
    }
    vars.length = mark;
    void elseIf;
    return { kind, pipe, list: body.list, elseList, pos: k.pos, line: k.line };
  }

  function pipeline(context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
    const start = peekNonSpace();
    const decl: string[] = [];
    let isAssign = false;
    // Declarations: $x := / $x = / $i, $e :=
    const save = i;
    const v = nextNonSpace();
    if (v.type === 'variable') {
      const op = nextNonSpace();
      if (op.type === 'declare' || op.type === 'assign') {
        decl.push(v.value);
        isAssign = op.type === 'assign';
      } else if (op.type === 'comma' && context === 'range') {
        const v2 = nextNonSpace();
        const op2 = nextNonSpace();
        if (v2.type !== 'variable' || (op2.type !== 'declare' && op2.type !== 'assign')) fail(`range can only initialize variables`, op2);
        decl.push(v.value, v2.value);
        isAssign = op2.type === 'assign';
      } else {
        i = save;
      }
    } else {
      i = save;
    }
    if (isAssign) {
      for (const d of decl) if (!vars.includes(d)) fail(`undefined variable "${d}"`, v);
    }
    const cmds: CommandNode[] = [];
    for (;;) {
      const t = peekNonSpace();
      if (t.type === end) {
        nextNonSpace();
        if (cmds.length === 0) fail(`missing value for ${context}`, t);
        break;
      }
      if (t.type === 'rightDelim' || t.type === 'rightParen' || t.type === 'eof') {
        nextNonSpace();
        fail(`unexpected ${tokenDesc(t)} in ${context}`, t);
      }
      cmds.push(command(end));
    }
    for (let c = 1; c < cmds.length; c++) {
      const first = cmds[c]!.args[0]!;
      if (['bool', 'dot', 'nil', 'number', 'string'].includes(first.kind)) {
        fail(`non executable command in pipeline stage ${c + 1}`, start);
      }
    }
    if (!isAssign) vars.push(...decl);
    return { kind: 'pipe', decl, isAssign, cmds, pos: start.pos, line: start.line };
  }

  function command(end: 'rightDelim' | 'rightParen'): CommandNode {
    const start = peekNonSpace();
    const args: Node[] = [];
    for (;;) {
      const t = peek();
      checkLex(t);
      if (t.type === 'space') {
        next();
        continue;
      }
      if (t.type === end || t.type === 'pipe' || t.type === 'rightDelim' || t.type === 'rightParen') {
        if (t.type === 'pipe') {
          next();
          if (args.length === 0) fail('missing value for command', t);
        }
        break;
      }
      const op = operand();
      if (op === undefined) fail(`unexpected ${tokenDesc(t)} in operand`, t);
      args.push(op!);
      const after = peek();
      if (after.type !== 'space' && after.type !== end && after.type !== 'pipe' && after.type !== 'rightDelim' && after.type !== 'rightParen' && after.type !== 'error') {
        fail(`unexpected ${tokenDesc(after)} in operand`, after);
      }
    }
    if (args.length === 0) fail('missing value for command', start);
    return { kind: 'command', args, pos: start.pos, line: start.line };
  }

  function operand(): Node | undefined {
    const node = term();
    if (node === undefined) return undefined;
    if (peek().type !== 'field') return node;
    const chainAt = peek();
    const fields: string[] = [];
    while (peek().type === 'field') fields.push(next().value.slice(1));
    const at = { pos: chainAt.pos, line: chainAt.line };
    if (node.kind === 'field') return { kind: 'field', ident: [...node.ident, ...fields], ...at };
    if (node.kind === 'variable') return { kind: 'variable', ident: [...node.ident, ...fields], ...at };
    if (['bool', 'string', 'number', 'nil', 'dot'].includes(node.kind)) fail(`unexpected . after term "${nodeText(node)}"`, chainAt);
    return { kind: 'chain', node, field: fields, ...at };
  }

  function nodeText(n: Node): string {
    return n.kind === 'string' ? n.quoted : n.kind === 'number' ? n.text : n.kind === 'dot' ? '.' : String((n as { value?: unknown }).value ?? 'nil');
  }

  function term(): Node | undefined {
    const t = next();
    checkLex(t);
    const at = { pos: t.pos, line: t.line };
    switch (t.type) {
      case 'identifier':
        if (!funcs.has(t.value)) fail(`function "${t.value}" not defined`, t);
        return { kind: 'identifier', name: t.value, ...at };
      case 'dot':
        return { kind: 'dot', ...at };
      case 'nil':
        return { kind: 'nil', ...at };
      case 'variable':
        if (!vars.includes(t.value)) fail(`undefined variable "${t.value}"`, t);
        return { kind: 'variable', ident: [t.value], ...at };
      case 'field':
        return { kind: 'field', ident: [t.value.slice(1)], ...at };
      case 'bool':
        return { kind: 'bool', value: t.value === 'true', ...at };
      case 'char':
      case 'number':
        return numberNode(t);
      case 'leftParen': {
        const pipe = pipeline('parenthesized pipeline', 'rightParen');
        return pipe;
      }
      case 'string':
      case 'rawString': {
        const text = t.type === 'rawString' ? t.value.slice(1, -1) : unquoteGoString(t.value);
        // Go's parser reports strconv.Unquote's error as it is: `invalid syntax`.
        if (text === undefined) fail('invalid syntax', t);
        return { kind: 'string', quoted: t.value, text: text!, ...at };
      }
      default:
        i--;
        return undefined;
    }
  }

  function numberNode(t: Token): Node {
    const at = { pos: t.pos, line: t.line };
    if (t.type === 'char') {
      // Go's strconv.UnquoteChar: one rune, escaped as in a string (and `\'`, which only a char may hold).
      const body = t.value.slice(1, -1);
      const ch = body === "\\'" ? "'" : unquoteGoString(`"${body.replace(/"/g, '\\"')}"`);
      if (ch === undefined || ch === '') fail('invalid syntax', t);
      if ([...ch!].length !== 1) fail(`malformed character constant: ${t.value}`, t);
      return { kind: 'number', text: t.value, isInt: true, value: ch!.codePointAt(0)!, ...at };
    }
    const clean = t.value.replace(/_/g, '');
    let value: number;
    let isInt = true;
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(clean) || /^[+-]?0[bB][01]+$/.test(clean) || /^[+-]?0[oO][0-7]+$/.test(clean)) {
      const neg = clean.startsWith('-');
      value = Number(clean.replace(/^[+-]/, ''));
      if (neg) value = -value;
    } else if (/^[+-]?0[0-7]+$/.test(clean)) {
      value = parseInt(clean, 8);
    } else {
      value = Number(clean);
      isInt = /^[+-]?[0-9]+$/.test(clean);
    }
    if (Number.isNaN(value)) fail(`illegal number syntax: "${t.value}"`, t);
    return { kind: 'number', text: t.value, isInt, value, ...at };
  }

  const root = itemList([]).list;
  return { name, text, root };
}
