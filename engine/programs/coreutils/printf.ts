import { defineProgram } from './common.ts';
import { ByteBuilder, expandEscape, type EscapeRules } from './escapes.ts';

const FORMAT_ESCAPES: EscapeRules = { octal: true, zeroOctal: false, hex: true, unicode: true, quote: true };
const B_ESCAPES: EscapeRules = { octal: true, zeroOctal: true, hex: true, unicode: true };

export interface PrintfResult {
  readonly output: string;
  /** Messages as coreutils words them, without the `printf: ` prefix. */
  readonly errors: string[];
  /** Exit status: 1 when a conversion failed or the format was bad. */
  readonly status: number;
}

interface Spec {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  conv: string;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64 = 1n << 64n;

/**
 * printf(1): the format is reused while arguments remain (as long as it consumed any), missing arguments read as
 * empty or zero, bad numbers are reported and read as what could be converted.
 */
export function formatPrintf(format: string, args: readonly string[]): PrintfResult {
  const out = new ByteBuilder();
  const errors: string[] = [];
  let argi = 0;
  const next = (): string | undefined => (argi < args.length ? args[argi++] : undefined);

  const toInt = (a: string | undefined): bigint => {
    if (a === undefined || a === '') return 0n;
    const r = parseInteger(a);
    if (r.error) errors.push(r.error);
    return r.value;
  };
  const toFloat = (a: string | undefined): number => {
    if (a === undefined || a === '') return 0;
    const r = parseFloatArg(a);
    if (r.error) errors.push(r.error);
    return r.value;
  };

  do {
    const start = argi;
    for (let i = 0; i < format.length; i++) {
      const ch = format[i]!;
      if (ch === '\\') {
        const r = expandEscape(format, i + 1, FORMAT_ESCAPES, out);
        if (r.error) return { output: out.toString(), errors: [...errors, r.error], status: 1 };
        if (r.stop) return done();
        if (r.length === 0) out.text('\\');
        i += r.length;
        continue;
      }
      if (ch !== '%') {
        out.text(ch);
        continue;
      }
      if (format[i + 1] === '%') {
        out.text('%');
        i++;
        continue;
      }
      const m = /^([-+ #0']*)(\*|\d+)?(?:\.(\*|\d*))?(hh|h|ll|l|L|q|j|z|t)?(.?)/.exec(format.slice(i + 1))!;
      const conv = m[5] ?? '';
      if (!'diouxXfFeEgGaAcsb'.includes(conv) || conv === '') {
        return { output: out.toString(), errors: [...errors, `${format.slice(i, i + 1 + m[0].length)}: invalid conversion specification`], status: 1 };
      }
      const spec: Spec = { flags: m[1] ?? '', width: undefined, precision: undefined, conv };
      if (m[2] === '*') spec.width = Number(toInt(next()));
      else if (m[2] !== undefined) spec.width = Number(m[2]);
      if (m[3] === '*') spec.precision = Number(toInt(next()));
      else if (m[3] !== undefined) spec.precision = Number(m[3] || '0');
      if (spec.width !== undefined && spec.width < 0) {
        spec.flags += '-';
        spec.width = -spec.width;
      }
      if (spec.precision !== undefined && spec.precision < 0) spec.precision = undefined;
      i += m[0].length;

      const arg = next();
      if (conv === 'b') {
        const b = new ByteBuilder();
        const stopped = expandB(arg ?? '', b);
        out.text(pad(applyStringPrecision(b.toString(), spec.precision), spec));
        if (stopped) return done();
      } else if (conv === 's') {
        out.text(pad(applyStringPrecision(arg ?? '', spec.precision), spec));
      } else if (conv === 'c') {
        out.text(pad([...(arg ?? '')].slice(0, 1).join(''), spec));
      } else if ('diouxX'.includes(conv)) {
        out.text(formatInteger(toInt(arg), spec));
      } else {
        out.text(formatFloat(toFloat(arg), spec));
      }
    }
    if (argi === start) break;
  } while (argi < args.length);
  return done();

  function done(): PrintfResult {
    return { output: out.toString(), errors, status: errors.length > 0 ? 1 : 0 };
  }
}

/** %b's argument: echo-style escapes; returns true on `\c`. */
function expandB(s: string, out: ByteBuilder): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '\\') {
      out.text(ch);
      continue;
    }
    const r = expandEscape(s, i + 1, B_ESCAPES, out);
    if (r.stop) return true;
    if (r.length === 0 || r.error) out.text(s.slice(i, i + 1 + r.length));
    i += r.length;
  }
  return false;
}

function applyStringPrecision(s: string, precision: number | undefined): string {
  return precision === undefined ? s : [...s].slice(0, precision).join('');
}

function pad(s: string, spec: Spec, zeroOk = false): string {
  const width = spec.width ?? 0;
  const len = [...s].length;
  if (len >= width) return s;
  if (spec.flags.includes('-')) return s + ' '.repeat(width - len);
  if (zeroOk && spec.flags.includes('0')) {
    // Zeros go after the sign and any 0x prefix.
    const m = /^([+\- ]?(?:0[xX])?)(.*)$/.exec(s)!;
    return m[1]! + '0'.repeat(width - len) + m[2]!;
  }
  return ' '.repeat(width - len) + s;
}

function formatInteger(v: bigint, spec: Spec): string {
  const { conv, flags, precision } = spec;
  let sign = '';
  let digits: string;
  if (conv === 'd' || conv === 'i') {
    if (v < 0n) sign = '-';
    else if (flags.includes('+')) sign = '+';
    else if (flags.includes(' ')) sign = ' ';
    digits = (v < 0n ? -v : v).toString();
  } else {
    const u = v < 0n ? v + UINT64 : v;
    digits = u.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
    if (conv === 'X') digits = digits.toUpperCase();
  }
  if (precision !== undefined) {
    if (precision === 0 && v === 0n) digits = '';
    digits = digits.padStart(precision, '0');
  }
  let prefix = '';
  if (flags.includes('#')) {
    if (conv === 'o' && !digits.startsWith('0')) digits = '0' + digits;
    if ((conv === 'x' || conv === 'X') && v !== 0n) prefix = conv === 'x' ? '0x' : '0X';
  }
  return pad(sign + prefix + digits, spec, precision === undefined);
}

function formatFloat(v: number, spec: Spec): string {
  const { conv, flags } = spec;
  const upper = conv === conv.toUpperCase();
  const p = spec.precision ?? 6;
  let sign = v < 0 || Object.is(v, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const a = Math.abs(v);
  let body: string;
  if (!Number.isFinite(a)) {
    body = Number.isNaN(a) ? 'nan' : 'inf';
    if (Number.isNaN(v)) sign = flags.includes('+') ? '+' : '';
  } else {
    switch (conv.toLowerCase()) {
      case 'f':
        body = toFixed(a, p);
        break;
      case 'e':
        body = toExp(a, p);
        break;
      case 'a':
        body = toExp(a, spec.precision ?? 6);
        break;
      default:
        body = toGeneral(a, p, flags.includes('#'));
    }
    if (flags.includes('#') && !body.includes('.') && conv.toLowerCase() !== 'g') body = body.replace(/^(\d+)/, '$1.');
  }
  if (upper) body = body.toUpperCase();
  return pad(sign + body, spec, Number.isFinite(a));
}

/** toFixed, but ties go to even as glibc does for exactly representable halves (`%.0f` of 2.5 is 2). */
function toFixed(a: number, p: number): string {
  const scaled = a * 10 ** p;
  if (p <= 20 && Number.isSafeInteger(Math.floor(scaled)) && scaled - Math.floor(scaled) === 0.5 && scaled / 10 ** p === a) {
    const even = Math.floor(scaled) % 2 === 0 ? Math.floor(scaled) : Math.floor(scaled) + 1;
    return (even / 10 ** p).toFixed(p);
  }
  return a.toFixed(Math.min(p, 100));
}

function toExp(a: number, p: number): string {
  const [mant, exp] = a.toExponential(Math.min(p, 100)).split('e') as [string, string];
  const e = Number(exp);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function toGeneral(a: number, p: number, keepZeros: boolean): string {
  const prec = p === 0 ? 1 : p;
  if (a === 0) return keepZeros ? '0.' + '0'.repeat(prec - 1) : '0';
  const x = Number(a.toExponential(prec - 1).split('e')[1]);
  let s = x < -4 || x >= prec ? toExp(a, prec - 1) : toFixed(a, prec - 1 - x);
  if (!keepZeros && s.includes('.')) s = s.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
  return s;
}

/** strtoimax as printf uses it: 'c / "c give the character code; 0x hex and 0 octal prefixes. */
export function parseInteger(a: string): { value: bigint; error?: string } {
  if (a.startsWith("'") || a.startsWith('"')) {
    const cp = a.codePointAt(1);
    return { value: BigInt(cp ?? 0) };
  }
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(a);
  if (!m) return { value: 0n, error: `‘${a}’: expected a numeric value` };
  const body = m[2]!;
  let v = body.startsWith('0x') || body.startsWith('0X') ? BigInt(body) : body.startsWith('0') && body.length > 1 ? BigInt('0o' + body.slice(1)) : BigInt(body);
  if (m[1] === '-') v = -v;
  if (v > INT64_MAX) return { value: INT64_MAX, error: `‘${a}’: Numerical result out of range` };
  if (v < INT64_MIN) return { value: INT64_MIN, error: `‘${a}’: Numerical result out of range` };
  if (m[0].length < a.length) return { value: v, error: `‘${a}’: value not completely converted` };
  return { value: v };
}

function parseFloatArg(a: string): { value: number; error?: string } {
  if (a.startsWith("'") || a.startsWith('"')) return { value: a.codePointAt(1) ?? 0 };
  const m = /^\s*[+-]?(?:inf(?:inity)?|nan|0[xX][0-9a-fA-F]*(?:\.[0-9a-fA-F]*)?(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/i.exec(a);
  if (!m) return { value: 0, error: `‘${a}’: expected a numeric value` };
  const value = parseNumber(m[0].trim());
  if (m[0].length < a.length) return { value, error: `‘${a}’: value not completely converted` };
  return { value };
}

function parseNumber(s: string): number {
  const neg = s.startsWith('-');
  const t = s.replace(/^[+-]/, '').toLowerCase();
  let v: number;
  if (t.startsWith('inf')) v = Infinity;
  else if (t === 'nan') v = NaN;
  else if (t.startsWith('0x')) {
    const m = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(t)!;
    const int = m[1] ? parseInt(m[1], 16) : 0;
    const frac = [...(m[2] ?? '')].reduce((acc, d, i) => acc + parseInt(d, 16) / 16 ** (i + 1), 0);
    v = (int + frac) * 2 ** Number(m[3] ?? 0);
  } else v = Number(t);
  return neg ? -v : v;
}

export const printf = defineProgram('printf', async (ctx) => {
  const args = [...ctx.args];
  if (args[0] === '--') args.shift();
  if (args.length === 0) return ctx.usage('missing operand');
  const r = formatPrintf(args[0]!, args.slice(1));
  await ctx.out(r.output);
  for (const e of r.errors) await ctx.error(e);
  return r.status;
});
