import type { CondExpr, Conditional } from './ast.ts';
import { unary, binary } from './builtins/test.ts';
import { ExpansionError } from './errors.ts';
import { arithmetic, expandPattern, expandRegex, expandString, type Expander } from './expand.ts';
import type { Interpreter } from './interpreter.ts';
import { CLASSES, matchPattern } from './pattern.ts';
import type { Fds } from './redirect.ts';

/**
 * Evaluates bash's `[[ ... ]]`. Unlike `[`, operands are never split or globbed, an unquoted right side of `==` is
 * a pattern, `=~` matches an extended regex and fills `BASH_REMATCH`, and numeric comparisons take arithmetic.
 */

/** Status 2 for a regex that does not compile, as bash returns. */
class BadRegex extends Error {}

export async function runConditional(sh: Interpreter, cmd: Conditional, fds: Fds): Promise<number> {
  sh.state.line = cmd.line;
  try {
    return (await evaluate(sh, sh.expander(fds), cmd.expr, fds)) ? 0 : 1;
  } catch (e) {
    if (e instanceof BadRegex) return 2;
    throw e;
  }
}

async function evaluate(sh: Interpreter, x: Expander, e: CondExpr, fds: Fds): Promise<boolean> {
  switch (e.kind) {
    case 'and':
      return (await evaluate(sh, x, e.left, fds)) && evaluate(sh, x, e.right, fds);
    case 'or':
      return (await evaluate(sh, x, e.left, fds)) || evaluate(sh, x, e.right, fds);
    case 'not':
      return !(await evaluate(sh, x, e.expr, fds));
    case 'word':
      return (await expandString(x, e.word)) !== '';
    case 'unary': {
      const arg = await expandString(x, e.arg);
      if (e.op === '-v') return sh.state.get(arg) !== undefined || sh.state.arrays.has(arg);
      return unary(sh, e.op, arg);
    }
    case 'binary':
      return compare(sh, x, e, fds);
  }
}

async function compare(sh: Interpreter, x: Expander, e: Extract<CondExpr, { kind: 'binary' }>, fds: Fds): Promise<boolean> {
  const left = await expandString(x, e.left);
  switch (e.op) {
    case '==':
    case '=':
      return matchPattern(await expandPattern(x, e.right), left);
    case '!=':
      return !matchPattern(await expandPattern(x, e.right), left);
    case '=~':
      return matchRegex(sh, left, await expandRegex(x, e.right));
    case '<':
      return left < (await expandString(x, e.right));
    case '>':
      return left > (await expandString(x, e.right));
    case '-eq': case '-ne': case '-lt': case '-le': case '-gt': case '-ge': {
      const right = await expandString(x, e.right);
      try {
        return numeric(e.op, arithmetic(x, left), arithmetic(x, right));
      } catch (err) {
        if (!(err instanceof ExpansionError)) throw err;
        // A bad operand fails the test; it does not end the script as `$((...))` would.
        await sh.error(fds, `[[: ${err.message}`);
        return false;
      }
    }
    default:
      return binary(left, e.op, await expandString(x, e.right), sh);
  }
}

function numeric(op: string, a: number, b: number): boolean {
  switch (op) {
    case '-eq': return a === b;
    case '-ne': return a !== b;
    case '-lt': return a < b;
    case '-le': return a <= b;
    case '-gt': return a > b;
    default: return a >= b;
  }
}

/**
 * POSIX classes (`[[:digit:]]`) as RegExp class text. A class is one only inside a bracket expression (`[:a:]`
 * alone is the bracket of `:` and `a`), and an unknown name there is an error, as regcomp's REG_ECTYPE.
 */
function withClasses(source: string): string {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (!inBracket) {
      if (c === '\\') {
        out += source.slice(i, i + 2);
        i++;
      } else if (c === '[') {
        inBracket = true;
        out += c;
        // `[]a]` and `[^]a]`: a `]` first is a member, not the end.
        if (source[i + 1] === '^') out += source[++i];
        if (source[i + 1] === ']') out += '\\' + source[++i];
      } else out += c;
      continue;
    }
    if (c === ']') {
      inBracket = false;
      out += c;
    } else if (source.startsWith('[:', i)) {
      const end = source.indexOf(':]', i + 2);
      const name = end < 0 ? undefined : source.slice(i + 2, end);
      if (name === undefined || !Object.hasOwn(CLASSES, name)) throw new BadRegex(source);
      out += CLASSES[name];
      i = end + 1;
    } else out += c === '\\' || c === '[' ? '\\' + c : c;
  }
  return out;
}

function matchRegex(sh: Interpreter, text: string, source: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(withClasses(source));
  } catch {
    throw new BadRegex(source);
  }
  const m = re.exec(text);
  sh.state.arrays.set('BASH_REMATCH', m ? m.map((g) => g ?? '') : []);
  return m !== null;
}
