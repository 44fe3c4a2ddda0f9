// Go's unicode.IsSpace for one UTF-16 unit (enough: every space BuildKit knows is in the BMP).
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

export function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/** Go's strings.TrimSpace. */
export function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s[a] as string)) a++;
  while (b > a && isSpace(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

/** BuildKit's reWhitespace: newlines are not separators, so they stay inside arguments. */
export const WHITESPACE = /[\t\v\f\r ]+/;

/** Splits an instruction into its lower-cased keyword, its leading `--flags` and the rest of the line. */
export function splitCommand(line: string): { cmd: string; flags: string[]; args: string } {
  const trimmed = trimSpace(line);
  const m = WHITESPACE.exec(trimmed);
  const keyword = m === null ? trimmed : trimmed.slice(0, m.index);
  const cmd = keyword.toLowerCase();
  if (m === null) return { cmd, flags: [], args: '' };
  const { rest, flags } = extractBuilderFlags(trimmed.slice(m.index + m[0].length));
  return { cmd, flags, args: trimSpace(rest) };
}

/**
 * Reads the `--name=value` words at the start of an instruction's arguments. Quotes group and disappear and a
 * backslash escapes the next character (always backslash here: flags predate the escape directive). A lone `--`
 * ends the flags.
 */
export function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  const flags: string[] = [];
  let pos = 0;
  for (;;) {
    while (pos < line.length && isSpace(line[pos] as string)) pos++;
    if (pos >= line.length) return { rest: '', flags };
    if (!line.startsWith('--', pos)) return { rest: line.slice(pos), flags };
    let word = '';
    let quoted = false;
    let quote = '';
    for (; pos < line.length; pos++) {
      const ch = line[pos] as string;
      if (quote !== '') {
        if (ch === quote) {
          quote = '';
          continue;
        }
      } else {
        if (isSpace(ch)) break;
        if (ch === '"' || ch === "'") {
          quote = ch;
          quoted = true;
          continue;
        }
      }
      if (ch === '\\') {
        if (pos + 1 === line.length) continue;
        pos++;
        word += line[pos] as string;
        continue;
      }
      word += ch;
    }
    if (word === '--') return { rest: line.slice(pos), flags };
    if (quoted || word !== '') flags.push(word);
  }
}
