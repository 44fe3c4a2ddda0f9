/**
 * `$((...))`: integer arithmetic with C precedence, variables by name and assignment operators. Numbers are
 * 64-bit in the shells; JavaScript numbers truncated to integers are close enough for teaching scripts.
 */

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {
  override readonly name = 'ArithError';
  constructor(
    readonly kind: 'division' | 'syntax',
    readonly expr: string,
    /** The rest of the expression from the failing token, as bash quotes it. */
    readonly token: string,
  ) {
    super(kind === 'division' ? 'division by 0' : 'syntax error');
  }
}

type Tok = { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'op'; v: string; at: number };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=',
  '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '~', '?', ':', '=', '(', ')', ','];

const BINARY: [string[], number][] = [
  [['||'], 1], [['&&'], 2], [['|'], 3], [['^'], 4], [['&'], 5], [['==', '!='], 6],
  [['<', '>', '<=', '>='], 7], [['<<', '>>'], 8], [['+', '-'], 9], [['*', '/', '%'], 10], [['**'], 11],
];
const PRECEDENCE = new Map(BINARY.flatMap(([ops, p]) => ops.map((o) => [o, p] as const)));

export function evaluate(expr: string, vars: ArithVars): number {
  const toks = tokenize(expr);
  if (toks.length === 0) return 0;
  const p = new Eval(expr, toks, vars);
  const v = p.comma();
  if (p.i < toks.length) throw p.error();
  return v;
}

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(s.slice(i));
    if (num) {
      const text = num[1]!;
      const v = /^0[xX]/.test(text) ? parseInt(text, 16) : text.length > 1 && text.startsWith('0') ? parseInt(text, 8) : parseInt(text, 10);
      if (Number.isNaN(v) || /^0[0-7]*[89]/.test(text)) throw new ArithError('syntax', s, s.slice(i));
      out.push({ t: 'num', v });
      i += text.length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (!op) throw new ArithError('syntax', s, s.slice(i));
    out.push({ t: 'op', v: op, at: i });
    i += op.length;
  }
  return out;
}

class Eval {
  i = 0;
  constructor(
    private readonly src: string,
    private readonly toks: Tok[],
    private readonly vars: ArithVars,
  ) {}

  error(): ArithError {
    const t = this.toks[this.i];
    const rest = t?.t === 'op' ? this.src.slice(t.at) : '';
    return new ArithError('syntax', this.src, rest);
  }

  #isOp(v: string): boolean {
    const t = this.toks[this.i];
    return t?.t === 'op' && t.v === v;
  }

  comma(): number {
    let v = this.assign();
    while (this.#isOp(',')) {
      this.i++;
      v = this.assign();
    }
    return v;
  }

  assign(): number {
    const t = this.toks[this.i];
    const n = this.toks[this.i + 1];
    if (t?.t === 'name' && n?.t === 'op' && /^(=|[-+*/%&|^]=|<<=|>>=)$/.test(n.v)) {
      this.i += 2;
      const rhs = this.assign();
      const v = n.v === '=' ? rhs : this.#apply(n.v.slice(0, -1), this.#var(t.v), rhs, n.at);
      this.vars.set(t.v, String(v));
      return v;
    }
    return this.ternary();
  }

  ternary(): number {
    const cond = this.binary(1);
    if (!this.#isOp('?')) return cond;
    this.i++;
    const a = this.assign();
    if (!this.#isOp(':')) throw this.error();
    this.i++;
    const b = this.assign();
    return cond ? a : b;
  }

  binary(min: number): number {
    let left = this.unary();
    for (;;) {
      const t = this.toks[this.i];
      const prec = t?.t === 'op' ? PRECEDENCE.get(t.v) : undefined;
      if (t?.t !== 'op' || prec === undefined || prec < min) return left;
      this.i++;
      // Short-circuit: the other side is still parsed, but its side effects must not happen.
      const right = this.binary(t.v === '**' ? prec : prec + 1);
      left = this.#apply(t.v, left, right, t.at);
    }
  }

  #apply(op: string, a: number, b: number, at: number): number {
    switch (op) {
      case '||': return a || b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '+': return a + b;
      case '-': return a - b;
      case '*': return Math.trunc(a * b);
      case '**': return Math.trunc(a ** b);
      case '/':
      case '%':
        if (b === 0) throw new ArithError('division', this.src, this.src.slice(at + 1).trim());
        return op === '/' ? Math.trunc(a / b) : a % b;
    }
    throw this.error();
  }

  unary(): number {
    const t = this.toks[this.i];
    if (t?.t === 'op') {
      if (t.v === '++' || t.v === '--') {
        const n = this.toks[this.i + 1];
        if (n?.t !== 'name') throw this.error();
        this.i += 2;
        const v = this.#var(n.v) + (t.v === '++' ? 1 : -1);
        this.vars.set(n.v, String(v));
        return v;
      }
      if (['-', '+', '!', '~'].includes(t.v)) {
        this.i++;
        const v = this.unary();
        return t.v === '-' ? -v : t.v === '+' ? v : t.v === '!' ? (v ? 0 : 1) : ~v;
      }
      if (t.v === '(') {
        this.i++;
        const v = this.comma();
        if (!this.#isOp(')')) throw this.error();
        this.i++;
        return v;
      }
      throw this.error();
    }
    if (!t) throw this.error();
    this.i++;
    if (t.t === 'num') return t.v;
    const post = this.toks[this.i];
    if (post?.t === 'op' && (post.v === '++' || post.v === '--')) {
      this.i++;
      const v = this.#var(t.v);
      this.vars.set(t.v, String(v + (post.v === '++' ? 1 : -1)));
      return v;
    }
    return this.#var(t.v);
  }

  /** A variable's value as a number; its text may itself be an expression, as in bash. */
  #var(name: string): number {
    const text = this.vars.get(name);
    if (text === undefined || text.trim() === '') return 0;
    if (/^\s*-?\d+\s*$/.test(text)) return parseInt(text, 10);
    return evaluate(text, this.vars);
  }
}
