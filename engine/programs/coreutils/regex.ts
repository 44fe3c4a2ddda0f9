/**
 * POSIX regular expressions (basic and extended, with the GNU extensions grep and sed accept) translated to
 * JavaScript RegExp source. Known gap: POSIX picks the leftmost-longest match while JS alternation is leftmost-first,
 * which only shows with `-o`, `s///` and alternatives that are prefixes of one another.
 */

/** A pattern the GNU regex compiler would reject; `message` is its wording (`grep: Unmatched ( or \(`). */
export class RegexError extends Error {
  override readonly name = 'RegexError';
}

export interface TranslateOptions {
  /** ERE (grep -E, sed -E) instead of BRE. */
  readonly extended: boolean;
  /** sed's extra escapes: `\n` is a newline, `\t` a tab. */
  readonly sed?: boolean;
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

/** The character classes as `tr` also needs them (plain lists of code-unit ranges). */
export const CLASS_NAMES = Object.keys(CLASSES);

const JS_SPECIAL = new Set([...'\\^$.*+?()[]{}|/']);

function literal(c: string): string {
  return JS_SPECIAL.has(c) ? '\\' + c : c;
}

/** Parses a bracket expression starting at `p[i] === '['`; returns the JS class and the index after `]`. */
function bracket(p: string, i: number): [string, number] {
  let j = i + 1;
  let negate = false;
  if (p[j] === '^') {
    negate = true;
    j++;
  }
  if (j >= p.length) throw new RegexError('Invalid regular expression');
  let body = '';
  let first = true;
  for (;;) {
    const c = p[j];
    if (c === undefined) throw new RegexError('Unmatched [, [^, [:, [., or [=');
    if (c === ']' && !first) break;
    first = false;
    if (c === '[' && (p[j + 1] === ':' || p[j + 1] === '=' || p[j + 1] === '.')) {
      const kind = p[j + 1]!;
      const end = p.indexOf(kind + ']', j + 2);
      if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = p.slice(j + 2, end);
      if (kind === ':') {
        const cls = Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
        if (cls === undefined) throw new RegexError('Invalid character class name');
        body += cls;
      } else body += [...name].map((ch) => (ch === '\\' || ch === ']' || ch === '^' || ch === '-' ? '\\' + ch : ch)).join('');
      j = end + 2;
      continue;
    }
    // Inside brackets a backslash is an ordinary character in POSIX.
    body += c === '\\' || c === ']' || c === '[' || (c === '^' && body === '') ? '\\' + c : c;
    j++;
  }
  return [`[${negate ? '^' : ''}${body}]`, j + 1];
}

/** Parses `m`, `m,`, `m,n` or `,n` up to the closing brace; undefined when malformed. */
function interval(p: string, i: number, close: string): { text: string; end: number; min: number; max: number } | undefined {
  const end = p.indexOf(close, i);
  if (end < 0) return undefined;
  const m = /^(\d*)(,(\d*))?$/.exec(p.slice(i, end));
  if (!m || (m[1] === '' && m[2] === undefined)) return undefined;
  const min = m[1] === '' ? 0 : Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  const text = m[2] === undefined ? `{${min}}` : max === Infinity ? `{${min},}` : `{${min},${max}}`;
  return { text, end: end + close.length, min, max };
}

export function translate(p: string, o: TranslateOptions): string {
  const ere = o.extended;
  let out = '';
  let i = 0;
  let depth = 0;
  // Whether the previous token can take a quantifier, and whether we are where BRE treats `*` and `^` specially.
  let atom = false;
  let start = true;
  let quantified = false;

  const quantifier = (q: string) => {
    // Stacked quantifiers (`a**`) are legal in POSIX; JS rejects them or reads `*?` as lazy, so keep the first.
    if (quantified) return;
    out += q;
    quantified = true;
  };
  const put = (s: string, isAtom = true) => {
    out += s;
    atom = isAtom;
    start = false;
    quantified = false;
  };

  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) throw new RegexError('Trailing backslash');
      i += 2;
      if (!ere && n === '(') {
        depth++;
        out += '(';
        atom = false;
        start = true;
        quantified = false;
      } else if (!ere && n === ')') {
        if (depth === 0) throw new RegexError('Unmatched ) or \\)');
        depth--;
        put(')');
      } else if (!ere && n === '|') {
        out += '|';
        atom = false;
        start = true;
        quantified = false;
      } else if (!ere && n === '{') {
        const iv = interval(p, i, '\\}');
        if (!iv) throw new RegexError(p.includes('\\}', i) ? 'Invalid content of \\{\\}' : 'Unmatched \\{');
        if (iv.min > iv.max || iv.min > 32767) throw new RegexError('Invalid content of \\{\\}');
        i = iv.end;
        if (atom) quantifier(iv.text);
        else put('\\{' + p.slice(i, iv.end));
      } else if (!ere && (n === '+' || n === '?')) {
        if (atom) quantifier(n);
        else put('\\' + n);
      } else if (n >= '1' && n <= '9') {
        put('\\' + n);
      } else if (n === '<') put('\\b(?=\\w)', false);
      else if (n === '>') put('\\b(?<=\\w)', false);
      else if (n === 'b' || n === 'B') put('\\' + n, false);
      else if ('wWsS'.includes(n)) put('\\' + n);
      else if (n === '`') put('^', false);
      else if (n === "'") put('$', false);
      else if (o.sed && n === 'n') put('\\n');
      else if (o.sed && n === 't') put('\\t');
      else put(literal(n));
      continue;
    }
    i++;
    if (c === '[') {
      const [cls, next] = bracket(p, i - 1);
      i = next;
      put(cls);
    } else if (c === '.') put('.');
    else if (c === '*') {
      if (atom) quantifier('*');
      else if (!ere) put('\\*');
    } else if (c === '^') {
      if (ere || start) {
        out += '^';
        atom = false;
        quantified = false;
      } else put('\\^');
    } else if (c === '$') {
      const atEnd = i === p.length || (!ere && (p.startsWith('\\)', i) || p.startsWith('\\|', i)));
      if (ere || atEnd) put('$', false);
      else put('\\$');
    } else if (ere && (c === '+' || c === '?')) {
      if (atom) quantifier(c);
    } else if (ere && c === '{') {
      const iv = interval(p, i, '}');
      if (!iv) put('\\{');
      else {
        if (iv.min > iv.max || iv.min > 32767) throw new RegexError('Invalid content of \\{\\}');
        i = iv.end;
        if (atom) quantifier(iv.text);
      }
    } else if (ere && c === '(') {
      depth++;
      out += '(';
      atom = false;
      start = true;
      quantified = false;
    } else if (ere && c === ')') {
      if (depth === 0) put('\\)');
      else {
        depth--;
        put(')');
      }
    } else if (ere && c === '|') {
      out += '|';
      atom = false;
      start = true;
      quantified = false;
    } else put(literal(c));
  }
  if (depth > 0) throw new RegexError('Unmatched ( or \\(');
  return out;
}

/** Escapes a fixed string (grep -F) for use in a RegExp. */
export function escapeLiteral(s: string): string {
  return [...s].map(literal).join('');
}

/** Compiles a POSIX pattern; throws RegexError with GNU's wording when it is invalid. */
export function compile(p: string, o: TranslateOptions & { ignoreCase?: boolean; global?: boolean; dotAll?: boolean }): RegExp {
  const src = translate(p, o);
  const flags = (o.global ? 'g' : '') + (o.ignoreCase ? 'i' : '') + (o.dotAll ? 's' : '');
  try {
    return new RegExp(src, flags);
  } catch {
    throw new RegexError('Invalid regular expression');
  }
}
