/**
 * Go's json.Indent over compact JSON: one element per line, `": "` after keys, and empty arrays and objects kept as
 * `[]` and `{}`. Strings pass through untouched, escapes included.
 */
export function indentJson(compact: string, indent: string, prefix = ''): string {
  let out = '';
  let depth = 0;
  // Go writes the newline before the first element lazily, so an empty container stays on one line.
  let pendingOpen = false;
  const newline = () => '\n' + prefix + indent.repeat(depth);
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i]!;
    if (pendingOpen && c !== ']' && c !== '}') {
      pendingOpen = false;
      depth++;
      out += newline();
    }
    if (c === '"') {
      let j = i + 1;
      while (j < compact.length && compact[j] !== '"') j += compact[j] === '\\' ? 2 : 1;
      out += compact.slice(i, j + 1);
      i = j;
    } else if (c === '[' || c === '{') {
      out += c;
      pendingOpen = true;
    } else if (c === ']' || c === '}') {
      if (pendingOpen) pendingOpen = false;
      else {
        depth--;
        out += newline();
      }
      out += c;
    } else if (c === ',') {
      out += c + newline();
    } else if (c === ':') {
      out += ': ';
    } else if (c !== ' ' && c !== '\n' && c !== '\t' && c !== '\r') {
      out += c;
    }
  }
  return out;
}
