/**
 * Redis's own word splitting (sds.c `sdssplitargs`), used for config files, inline commands and what is typed at
 * redis-cli's prompt: words split on whitespace, "double quotes" with C escapes (\n, \xHH...), 'single quotes' with
 * only \' escaped. A closing quote must end the word. Returns null on unbalanced quotes, as Redis does.
 */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) return out;
    let word = '';
    let inDouble = false;
    let inSingle = false;
    for (;;) {
      const c = line[i];
      if (inDouble) {
        if (c === undefined) return null;
        if (c === '\\' && line[i + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(line.slice(i + 2, i + 4))) {
          word += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === '\\' && i + 1 < line.length) {
          const e = line[++i]!;
          word += ({ n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' } as Record<string, string>)[e] ?? e;
        } else if (c === '"') {
          if (i + 1 < line.length && !/\s/.test(line[i + 1]!)) return null;
          i++;
          break;
        } else word += c;
      } else if (inSingle) {
        if (c === undefined) return null;
        if (c === '\\' && line[i + 1] === "'") {
          word += "'";
          i++;
        } else if (c === "'") {
          if (i + 1 < line.length && !/\s/.test(line[i + 1]!)) return null;
          i++;
          break;
        } else word += c;
      } else {
        if (c === undefined || /\s/.test(c)) break;
        if (c === '"') inDouble = true;
        else if (c === "'") inSingle = true;
        else word += c;
      }
      i++;
    }
    out.push(word);
  }
}
