import { parse } from '@babel/parser';
import { IncompleteInput, ShellSyntaxError } from './evaluator.ts';

/**
 * What mongosh's async rewriter does to a line before it runs, reduced to what the sandbox needs: the shell's
 * methods return promises, and mongosh awaits them where they are called, so `const n = db.users.countDocuments()`
 * holds a number. Here every call made in top-level code (not inside a function the user wrote) is awaited; awaiting
 * a value that is not a promise gives the value back, so other calls behave as written. The sandbox evaluates the
 * result as a script with top-level await, which keeps declarations global between lines, as the REPL does.
 *
 * Parsing uses Babel's parser, as mongosh does, so syntax errors carry mongosh's wording and code frame.
 */

export interface Rewritten {
  readonly code: string;
  /** Where a position (0-based offset) of the rewritten code was in the source. */
  sourceOffset(offset: number): number;
  /** The text of the callee of the call or `new` whose argument list opens at `offset` in the source, if one does. */
  calleeAt(offset: number): string | undefined;
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

interface BabelError extends Error {
  pos?: number;
  loc?: { line: number; column: number };
  reasonCode?: string;
}

export function rewrite(source: string): Rewritten {
  let ast: Node;
  try {
    ast = parse(source, { sourceType: 'script', allowAwaitOutsideFunction: true, allowReturnOutsideFunction: false }) as unknown as Node;
  } catch (e) {
    throw syntaxError(source, e as BabelError);
  }
  const inserts: { at: number; text: string }[] = [];
  const calls: { paren: number; callee: string }[] = [];
  const visit = (node: Node, inFunction: boolean, inChain: boolean): void => {
    const isCall = node.type === 'CallExpression' || node.type === 'OptionalCallExpression';
    if (isCall || node.type === 'NewExpression') {
      const callee = node.callee as Node;
      const paren = source.indexOf('(', callee.end);
      if (paren >= 0) calls.push({ paren, callee: source.slice(callee.start, callee.end) });
    }
    // `a?.b().c()` short-circuits as a whole (Babel makes every link of the chain an Optional* node): only the
    // chain's outermost call is awaited. `import()` is already a promise the user awaits.
    if (isCall && !inFunction && !inChain && (node.callee as Node).type !== 'Import') {
      inserts.push({ at: node.start, text: '(await ' }, { at: node.end, text: ')' });
    }
    const nested = inFunction || /Function|Method/.test(node.type) || node.type === 'ClassBody';
    const optional = node.type.startsWith('Optional');
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key === 'extra' || key.endsWith('Comments')) continue;
      for (const c of Array.isArray(child) ? child : [child]) if (isNode(c)) visit(c, nested, optional && (key === 'callee' || key === 'object'));
    }
  };
  visit(ast, false, false);
  inserts.sort((a, b) => a.at - b.at);
  let code = '';
  let from = 0;
  for (const { at, text } of inserts) {
    code += source.slice(from, at) + text;
    from = at;
  }
  code += source.slice(from);
  return {
    code,
    sourceOffset(offset) {
      let shift = 0;
      for (const { at, text } of inserts) {
        if (offset < at + shift) break;
        if (offset < at + shift + text.length) return at;
        shift += text.length;
      }
      return offset - shift;
    },
    calleeAt(offset) {
      return calls.find((c) => c.paren === offset)?.callee;
    },
  };
}

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && typeof (x as Node).type === 'string' && typeof (x as Node).start === 'number';
}

/**
 * An error at the very end of the input (an open brace, bracket, parenthesis, or a dangling operator), or an open
 * template literal or comment, means the statement goes on: the REPL asks for another line, as Node's does.
 */
function syntaxError(source: string, e: BabelError): Error {
  if (typeof e.pos !== 'number' || !e.loc) return e;
  const atEnd = e.pos >= source.trimEnd().length;
  if (atEnd || /^Unterminated (template|comment)/.test(e.message)) return new IncompleteInput(e.message);
  return new ShellSyntaxError(`${e.message}\n\n${codeFrame(`${source}\n`, e.loc.line, e.loc.column)}\n`);
}

/**
 * @babel/code-frame's plain (uncoloured) frame: two lines above, three below, `>` on the error line and a caret
 * under the column. mongosh's REPL adds a newline to what was typed, hence a last, empty numbered line.
 */
export function codeFrame(source: string, line: number, column: number): string {
  const lines = source.split(/\r\n|[\n\r\u2028\u2029]/);
  const start = Math.max(line - 3, 0);
  const end = Math.min(lines.length, line + 3);
  const width = String(end).length;
  const out: string[] = [];
  for (let i = start; i < end; i++) {
    const n = i + 1;
    const text = lines[i]!;
    const gutter = ` ${String(n).padStart(width)} |`;
    if (n === line) {
      const spacing = text.slice(0, Math.max(column, 0)).replace(/[^\t]/g, ' ');
      out.push(`>${gutter}${text.length > 0 ? ` ${text}` : ''}\n ${gutter.replace(/\d/g, ' ')} ${spacing}^`);
    } else out.push(` ${gutter}${text.length > 0 ? ` ${text}` : ''}`);
  }
  return out.join('\n');
}
