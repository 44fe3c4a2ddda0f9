/**
 * Go's strconv quoting, which Docker and BuildKit print through: `%q` in templates, the parser dump format, error
 * messages that quote the user's input.
 */

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space only.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's strconv.Quote (as %q prints a string): runes unicode.IsPrint rejects become \x, \u or \U escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // a lone surrogate is invalid UTF-8 to Go
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}


const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };

/**
 * Go's strconv.Unquote for "double-quoted" literals (escapes \n \t \\ \" \xNN \uNNNN \UNNNNNNNN \NNN); undefined
 * where Go answers strconv.ErrSyntax (`invalid syntax`): an unknown escape, too few hex digits, an octal escape
 * over 255, a \u or \U that is no Unicode code point.
 */
export function unquoteGoString(quoted: string): string | undefined {
  const body = quoted.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    if (Object.hasOwn(SIMPLE_ESCAPES, e)) {
      out += SIMPLE_ESCAPES[e];
      continue;
    }
    const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : /[0-7]/.test(e) ? 3 : 0;
    if (digits === 0) return undefined;
    const hex = e === 'x' || e === 'u' || e === 'U';
    const text = hex ? body.slice(i + 1, i + 1 + digits) : body.slice(i, i + digits);
    if (text.length < digits || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/).test(text)) return undefined;
    const value = parseInt(text, hex ? 16 : 8);
    if ((!hex || e === 'x') && value > 0xff) return undefined;
    if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;
    out += String.fromCodePoint(value);
    i += hex ? digits : digits - 1;
  }
  return out;
}
