import { goQuote as quoteGoString } from '../../core/go-quote.ts';
import { formatValue, goTypeName, NO_VALUE } from './values.ts';

/**
 * Go's fmt.Sprintf for the verbs templates use (%v %s %d %q %x %X %o %b %f %e %g %t %c %%), with flags
 * (- + # space 0), width and precision, and fmt's in-band errors: `%!d(string=a)`, `%!s(MISSING)`,
 * `%!(EXTRA int=1)`.
 */
export function sprintf(format: string, args: readonly unknown[]): string {
  let out = '';
  let argIndex = 0;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    const m = /^%([-+# 0]*)(\d+)?(?:\.(\d*))?(.?)/su.exec(format.slice(pct))!;
    i = pct + m[0].length;
    const flags = m[1] ?? '';
    const width = m[2] === undefined ? undefined : Number(m[2]);
    const precision = m[3] === undefined ? undefined : Number(m[3] || '0');
    const verb = m[4] ?? '';
    if (verb === '') {
      out += '%!(NOVERB)';
      continue;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argIndex >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argIndex++];
    const body = formatVerb(verb, arg, flags, precision);
    out += body === undefined ? `%!${verb}(${goTypeName(arg)}=${formatValue(arg)})` : pad(body, width, flags, verb);
  }
  if (argIndex < args.length) {
    out += `%!(EXTRA ${args.slice(argIndex).map((a) => `${goTypeName(a)}=${formatValue(a)}`).join(', ')})`;
  }
  return out;
}

function pad(s: string, width: number | undefined, flags: string, verb: string): string {
  const len = [...s].length;
  if (width === undefined || len >= width) return s;
  if (flags.includes('-')) return s + ' '.repeat(width - len);
  if (flags.includes('0') && 'dxXobfFeEgG'.includes(verb)) {
    const sign = /^[+-]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(width - len) + s.slice(sign.length);
  }
  return ' '.repeat(width - len) + s;
}

function formatVerb(verb: string, arg: unknown, flags: string, precision: number | undefined): string | undefined {
  const plus = flags.includes('+');
  const space = flags.includes(' ');
  const sign = (n: number, s: string) => (n >= 0 ? (plus ? '+' : space ? ' ' : '') : '') + s;
  if (arg === NO_VALUE) return verb === 'v' || verb === 's' ? '<no value>' : undefined;
  switch (verb) {
    case 'v':
      if (typeof arg === 'number' && !Number.isInteger(arg) && precision !== undefined) return arg.toPrecision(precision);
      return typeof arg === 'string' && flags.includes('#') ? quoteGoString(arg) : formatValue(arg);
    case 's':
      if (typeof arg === 'string') return precision === undefined ? arg : [...arg].slice(0, precision).join('');
      if (Array.isArray(arg) && arg.every((x) => typeof x === 'string')) return formatValue(arg);
      if (typeof arg === 'object' && arg !== null) return formatValue(arg);
      return undefined;
    case 'q':
      if (typeof arg === 'string') return quoteGoString(arg);
      if (typeof arg === 'number' && Number.isInteger(arg)) return `'${String.fromCodePoint(arg)}'`;
      return undefined;
    case 't':
      return typeof arg === 'boolean' ? String(arg) : undefined;
    case 'c':
      return typeof arg === 'number' && Number.isInteger(arg) ? String.fromCodePoint(arg) : undefined;
    case 'd':
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      if (typeof arg === 'string' && (verb === 'x' || verb === 'X')) {
        const hex = [...new TextEncoder().encode(arg)].map((b) => b.toString(16).padStart(2, '0')).join('');
        return verb === 'X' ? hex.toUpperCase() : hex;
      }
      if (typeof arg !== 'number' || !Number.isInteger(arg)) {
        if (Array.isArray(arg)) {
          const parts = arg.map((x) => formatVerb(verb, x, flags, precision));
          return parts.includes(undefined) ? undefined : `[${parts.join(' ')}]`;
        }
        return undefined;
      }
      const radix = { d: 10, b: 2, o: 8, x: 16, X: 16 }[verb];
      let digits = Math.abs(arg).toString(radix);
      if (verb === 'X') digits = digits.toUpperCase();
      if (flags.includes('#')) digits = ({ b: '0b', o: '0', x: '0x', X: '0X', d: '' }[verb] ?? '') + digits;
      return sign(arg, (arg < 0 ? '-' : '') + digits);
    }
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G': {
      if (typeof arg !== 'number') return undefined;
      let s: string;
      if (verb === 'f' || verb === 'F') s = Math.abs(arg).toFixed(precision ?? 6);
      else if (verb === 'e' || verb === 'E') {
        const [m, e] = Math.abs(arg).toExponential(precision ?? 6).split('e');
        s = `${m}e${e!.startsWith('-') ? '-' : '+'}${e!.replace(/^[+-]/, '').padStart(2, '0')}`;
      } else {
        s = precision === undefined ? formatValue(Math.abs(arg)) : String(Number(Math.abs(arg).toPrecision(precision || 1)));
      }
      if (verb === 'E' || verb === 'G') s = s.toUpperCase();
      return sign(arg, (arg < 0 ? '-' : '') + s);
    }
    default:
      return undefined;
  }
}
