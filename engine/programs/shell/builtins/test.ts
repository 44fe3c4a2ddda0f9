import { resolvePath } from '../../../fs/path.ts';
import type { Stat } from '../../../fs/types.ts';
import type { Interpreter } from '../interpreter.ts';
import type { Builtin, BuiltinContext } from './types.ts';

/**
 * `test` and `[`: the POSIX rules by argument count (0-4 arguments decide by position, so `[ "$x" = -n ]` works),
 * then a precedence parser for longer expressions with `!`, `-a`, `-o` and parentheses.
 */

class TestError extends Error {}

const UNARY = new Set(['-b', '-c', '-d', '-e', '-f', '-g', '-h', '-L', '-k', '-n', '-p', '-r', '-S', '-s', '-t', '-u', '-w', '-x', '-z', '-O', '-G']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export const test: Builtin = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (ctx.argv[0] === '[') {
    if (args[args.length - 1] !== ']') {
      await ctx.error("missing `]'");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(ctx, args) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    await ctx.error(e.message);
    return 2;
  }
};

function evaluate(ctx: BuiltinContext, a: string[]): boolean {
  switch (a.length) {
    case 0:
      return false;
    case 1:
      return a[0] !== '';
    case 2:
      if (a[0] === '!') return a[1] === '';
      if (UNARY.has(a[0]!)) return unary(ctx.sh, a[0]!, a[1]!);
      throw new TestError(`${a[0]}: unary operator expected`);
    case 3:
      if (BINARY.has(a[1]!)) return binary(a[0]!, a[1]!, a[2]!, ctx.sh);
      if (a[0] === '!') return !evaluate(ctx, a.slice(1));
      if (a[0] === '(' && a[2] === ')') return a[1] !== '';
      if (a[1] === '-a' || a[1] === '-o') break;
      throw new TestError(`${a[1]}: binary operator expected`);
    case 4:
      if (a[0] === '!') return !evaluate(ctx, a.slice(1));
      if (a[0] === '(' && a[3] === ')') return evaluate(ctx, a.slice(1, 3));
  }
  const p = new ExprParser(ctx, a);
  const v = p.or();
  if (p.i < a.length) throw new TestError(`${a[p.i]}: unexpected operator`);
  return v;
}

class ExprParser {
  i = 0;
  constructor(
    private readonly ctx: BuiltinContext,
    private readonly a: string[],
  ) {}
  or(): boolean {
    let v = this.and();
    while (this.a[this.i] === '-o') {
      this.i++;
      v = this.and() || v;
    }
    return v;
  }
  and(): boolean {
    let v = this.not();
    while (this.a[this.i] === '-a') {
      this.i++;
      v = this.not() && v;
    }
    return v;
  }
  not(): boolean {
    if (this.a[this.i] === '!') {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }
  primary(): boolean {
    const a = this.a;
    const t = a[this.i];
    if (t === undefined) throw new TestError('argument expected');
    if (t === '(') {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ')') throw new TestError("')' expected");
      this.i++;
      return v;
    }
    if (a[this.i + 1] !== undefined && BINARY.has(a[this.i + 1]!) && a[this.i + 2] !== undefined) {
      this.i += 3;
      return binary(t, a[this.i - 2]!, a[this.i - 1]!, this.ctx.sh);
    }
    if (UNARY.has(t) && a[this.i + 1] !== undefined) {
      this.i += 2;
      return unary(this.ctx.sh, t, a[this.i - 1]!);
    }
    this.i++;
    return t !== '';
  }
}

function integer(s: string): number {
  if (!/^\s*[-+]?[0-9]+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
  return parseInt(s, 10);
}

function statOf(sh: Interpreter, path: string, follow = true): Stat | undefined {
  try {
    const abs = resolvePath(sh.state.cwd, path);
    return follow ? sh.fs.stat(abs) : sh.fs.lstat(abs);
  } catch {
    return undefined;
  }
}

/** A unary file or string test; shared with `[[ ]]`. */
export function unary(sh: Interpreter, op: string, x: string): boolean {
  if (op === '-n') return x !== '';
  if (op === '-z') return x === '';
  if (op === '-t') return false;
  if (x === '') return false;
  const st = statOf(sh, x, op !== '-h' && op !== '-L');
  if (!st) return false;
  const root = sh.process.uid === 0;
  switch (op) {
    case '-e':
    case '-a': return true;
    case '-f': return st.type === 'file';
    case '-d': return st.type === 'dir';
    case '-h':
    case '-L': return st.type === 'symlink';
    case '-s': return st.size > 0;
    case '-r': return root || (st.mode & 0o444) !== 0;
    case '-w': return root || (st.mode & 0o222) !== 0;
    case '-x': return (st.mode & 0o111) !== 0 || (root && st.type === 'dir');
    case '-u': return (st.mode & 0o4000) !== 0;
    case '-g': return (st.mode & 0o2000) !== 0;
    case '-k': return (st.mode & 0o1000) !== 0;
    case '-O': return st.uid === sh.process.uid;
    case '-G': return st.gid === sh.process.gid;
    default: return false;
  }
}

/** A binary test; `[[ ]]` shares the file comparisons. */
export function binary(x: string, op: string, y: string, sh: Interpreter): boolean {
  switch (op) {
    case '=':
    case '==': return x === y;
    case '!=': return x !== y;
    case '<': return x < y;
    case '>': return x > y;
    case '-eq': return integer(x) === integer(y);
    case '-ne': return integer(x) !== integer(y);
    case '-lt': return integer(x) < integer(y);
    case '-le': return integer(x) <= integer(y);
    case '-gt': return integer(x) > integer(y);
    case '-ge': return integer(x) >= integer(y);
    case '-nt':
    case '-ot': {
      const a = statOf(sh, x);
      const b = statOf(sh, y);
      if (op === '-nt') return !!a && (!b || a.mtime > b.mtime);
      return !!b && (!a || a.mtime < b.mtime);
    }
    case '-ef': {
      const a = statOf(sh, x);
      return !!a && resolvePath(sh.state.cwd, x) === resolvePath(sh.state.cwd, y);
    }
  }
  return false;
}
