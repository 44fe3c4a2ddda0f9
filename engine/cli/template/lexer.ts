/**
 * Go text/template's lexer: text between `{{` `}}` actions, trim markers (`{{- ` / ` -}}`), comments, and the
 * tokens inside actions. Errors carry Go's wording (`unclosed action`, `bad character U+007D '}'`...).
 */

export type TokenType =
  | 'text' | 'leftDelim' | 'rightDelim' | 'field' | 'variable' | 'identifier' | 'string' | 'rawString' | 'char'
  | 'number' | 'bool' | 'nil' | 'dot' | 'pipe' | 'leftParen' | 'rightParen' | 'declare' | 'assign' | 'comma'
  | 'space' | 'keyword' | 'error' | 'eof';

export interface Token {
  readonly type: TokenType;
  readonly value: string;
  /** Byte offset in the template, for Go's `line:col` in errors. */
  readonly pos: number;
  readonly line: number;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let parenDepth: number;
  const emit = (type: TokenType, start: number, value = input.slice(start, pos)) => {
    tokens.push({ type, value, pos: start, line: lineAt(start) });
  };
  const lineAt = (p: number) => {
    let n = 1;
    for (let i = 0; i < p; i++) if (input.charCodeAt(i) === 10) n++;
    return n;
  };
  const fail = (message: string) => {
    tokens.push({ type: 'error', value: message, pos, line: lineAt(pos) });
    return tokens;
  };

  while (pos <= input.length) {
    // Text up to the next action.
    const open = input.indexOf('{{', pos);
    const end = open < 0 ? input.length : open;
    let textEnd = end;
    const trimLeft = open >= 0 && input[open + 2] === '-' && /[ \t\r\n]/.test(input[open + 3] ?? '');
    if (trimLeft) while (textEnd > pos && /[ \t\r\n]/.test(input[textEnd - 1]!)) textEnd--;
    if (textEnd > pos) emit('text', pos, input.slice(pos, textEnd));
    if (open < 0) break;
    pos = open;
    // Comment action.
    const afterDelim = open + 2 + (trimLeft ? 2 : 0);
    if (input.startsWith('/*', afterDelim)) {
      const close = input.indexOf('*/', afterDelim + 2);
      if (close < 0) return fail('unclosed comment');
      let after = close + 2;
      let trimRight = false;
      if (input.startsWith(' -}}', after)) {
        trimRight = true;
        after += 4;
      } else if (input.startsWith('}}', after)) {
        after += 2;
      } else {
        pos = close + 2;
        return fail('comment ends before closing delimiter');
      }
      pos = after;
      if (trimRight) while (pos < input.length && /[ \t\r\n]/.test(input[pos]!)) pos++;
      continue;
    }
    emit('leftDelim', pos, '{{');
    pos = afterDelim;
    parenDepth = 0;
    // Inside the action.
    for (;;) {
      if (input.startsWith(' -}}', pos) || input.startsWith('\t-}}', pos) || input.startsWith('\n-}}', pos) || input.startsWith('\r-}}', pos)) {
        if (parenDepth > 0) return fail('unclosed left paren');
        pos += 1;
        emit('rightDelim', pos, '}}');
        pos += 3;
        while (pos < input.length && /[ \t\r\n]/.test(input[pos]!)) pos++;
        break;
      }
      if (input.startsWith('}}', pos)) {
        if (parenDepth > 0) return fail('unclosed left paren');
        emit('rightDelim', pos, '}}');
        pos += 2;
        break;
      }
      if (pos >= input.length) return fail('unclosed action');
      const c = input[pos]!;
      const start = pos;
      if (c === '\n' || c === '\r') {
        // Go 1.16+ allows newlines inside actions; they count as space.
        while (pos < input.length && /[ \t\r\n]/.test(input[pos]!)) pos++;
        emit('space', start);
      } else if (c === ' ' || c === '\t') {
        while (pos < input.length && (input[pos] === ' ' || input[pos] === '\t' || input[pos] === '\r' || input[pos] === '\n')) {
          if (input.startsWith('-}}', pos + 1) && /[ \t\r\n]/.test(input[pos]!)) break;
          pos++;
        }
        if (pos > start) emit('space', start);
      } else if (c === '=') {
        pos++;
        emit('assign', start);
      } else if (c === ':') {
        if (input[pos + 1] !== '=') return fail('expected :=');
        pos += 2;
        emit('declare', start);
      } else if (c === '|') {
        pos++;
        emit('pipe', start);
      } else if (c === '"') {
        pos++;
        for (;;) {
          const ch = input[pos];
          if (ch === '\\') pos += 2;
          else if (ch === undefined || ch === '\n') return fail('unterminated quoted string');
          else if (ch === '"') break;
          else pos++;
        }
        pos++;
        emit('string', start);
      } else if (c === '`') {
        const close = input.indexOf('`', pos + 1);
        if (close < 0) return fail('unterminated raw quoted string');
        pos = close + 1;
        emit('rawString', start);
      } else if (c === "'") {
        pos++;
        for (;;) {
          const ch = input[pos];
          if (ch === '\\') pos += 2;
          else if (ch === undefined || ch === '\n') return fail('unterminated character constant');
          else if (ch === "'") break;
          else pos++;
        }
        pos++;
        emit('char', start);
      } else if (c === '$') {
        pos++;
        while (pos < input.length && /[\p{L}\p{N}_]/u.test(input[pos]!)) pos++;
        emit('variable', start);
      } else if (c === '.' && !/[0-9]/.test(input[pos + 1] ?? '')) {
        pos++;
        if (/[\p{L}_]/u.test(input[pos] ?? '')) {
          while (pos < input.length && /[\p{L}\p{N}_]/u.test(input[pos]!)) pos++;
          emit('field', start);
        } else {
          emit('dot', start);
        }
      } else if (/[0-9+\-.]/.test(c)) {
        const m = /^[+-]?(0[xX][0-9a-fA-F_]+(\.[0-9a-fA-F_]*)?([pP][+-]?[0-9]+)?|0[bBoO][0-9_]+|[0-9_]*\.?[0-9_]*([eE][+-]?[0-9_]+)?)i?/.exec(input.slice(pos));
        const text = m?.[0] ?? '';
        if (text === '' || text === '+' || text === '-' || /[\p{L}\p{N}_.]/u.test(input[pos + text.length] ?? '')) {
          pos += Math.max(1, text.length);
          while (pos < input.length && /[\p{L}\p{N}_.]/u.test(input[pos]!)) pos++;
          return fail(`bad number syntax: "${input.slice(start, pos)}"`);
        }
        pos += text.length;
        emit('number', start);
      } else if (/[\p{L}_]/u.test(c)) {
        while (pos < input.length && /[\p{L}\p{N}_]/u.test(input[pos]!)) pos++;
        const word = input.slice(start, pos);
        if (KEYWORDS.has(word)) emit('keyword', start);
        else if (word === 'true' || word === 'false') emit('bool', start);
        else if (word === 'nil') emit('nil', start);
        else emit('identifier', start);
      } else if (c === '(') {
        pos++;
        parenDepth++;
        emit('leftParen', start);
      } else if (c === ')') {
        pos++;
        parenDepth--;
        if (parenDepth < 0) return fail('unexpected right paren');
        emit('rightParen', start);
      } else if (c === ',') {
        pos++;
        emit('comma', start);
      } else {
        const cp = input.codePointAt(pos)!;
        return fail(`bad character U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${String.fromCodePoint(cp)}'`);
      }
    }
  }
  tokens.push({ type: 'eof', value: '', pos: input.length, line: lineAt(input.length) });
  return tokens;
}
