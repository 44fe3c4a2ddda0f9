/**
 * bash's `$'...'` quoting: the text between the quotes with C escapes decoded, then taken as single-quoted. Students
 * meet it in `IFS=$'\n'` and `echo $'a\tb'`. The terminal is UTF-8, so `\u00e9` gives `é` as bash does in a UTF-8
 * locale.
 */

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** Reads from just after `$'` to the closing quote; `end` is the index after it, or -1 when the quote never closes. */
export function readAnsiC(src: string, start: number): { text: string; end: number } {
  let text = '';
  let i = start;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'") return { text, end: i + 1 };
    if (c !== '\\' || i + 1 >= src.length) {
      text += c;
      i++;
      continue;
    }
    const n = src[i + 1]!;
    i += 2;
    if (n in SIMPLE) {
      text += SIMPLE[n];
      continue;
    }
    const code = numeric(src, i, n);
    if (code) {
      text += code.char;
      i = code.end;
      continue;
    }
    if (n === 'c' && i < src.length) {
      text += String.fromCharCode(src.charCodeAt(i) & 0x1f);
      i++;
      continue;
    }
    // Unknown escapes keep their backslash.
    text += '\\' + n;
  }
  return { text, end: -1 };
}

/** `\nnn` octal, `\xHH`, `\uHHHH`, `\UHHHHHHHH`: as many digits as fit, at least one. */
function numeric(src: string, i: number, kind: string): { char: string; end: number } | undefined {
  const digits: Record<string, RegExp> = { x: /^[0-9A-Fa-f]{1,2}/, u: /^[0-9A-Fa-f]{1,4}/, U: /^[0-9A-Fa-f]{1,8}/ };
  if (/[0-7]/.test(kind)) {
    const m = /^[0-7]{0,2}/.exec(src.slice(i))!;
    return { char: String.fromCharCode(parseInt(kind + m[0], 8) & 0xff), end: i + m[0].length };
  }
  const re = digits[kind];
  const m = re?.exec(src.slice(i));
  if (!m) return undefined;
  const code = parseInt(m[0], 16);
  return { char: code <= 0x10ffff ? String.fromCodePoint(code) : '', end: i + m[0].length };
}
