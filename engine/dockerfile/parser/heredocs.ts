import type { Heredoc } from './node.ts';
import { isSpace } from './split-command.ts';

/** Instructions whose shell-form text may open heredocs, and those (ONBUILD) that may wrap such an instruction. */
export const HEREDOC_INSTRUCTIONS: ReadonlySet<string> = new Set(['run', 'copy', 'add']);
export const HEREDOC_COMPOUND_INSTRUCTIONS: ReadonlySet<string> = new Set(['onbuild']);

const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

/**
 * Shell-like word splitting that keeps quotes and escapes as written: it only decides where words end, which is all
 * heredoc detection needs (BuildKit runs its lexer in raw mode here). Heredoc markers use `\` whatever the escape
 * directive says, as BuildKit does.
 */
function rawWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote === '' && isSpace(ch)) {
      if (started) words.push(word);
      word = '';
      started = false;
      continue;
    }
    started = true;
    if (ch === '\\' && quote !== "'" && i + 1 < line.length) {
      word += ch + (line[++i] as string);
      continue;
    }
    if (quote === '' && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = '';
    word += ch;
  }
  if (started) words.push(word);
  return words;
}

/** The delimiter with quoting removed: `"EOF"`, `'EOF'`, `E"O"F` and `\EOF` all name EOF. Undefined when it is not one word. */
function unquoteWord(word: string): string | undefined {
  let out = '';
  let quote = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    if (quote === '') {
      if (isSpace(ch)) return undefined;
      if (ch === '"' || ch === "'") {
        quote = ch;
        continue;
      }
      if (ch === '\\' && i + 1 < word.length) {
        out += word[++i] as string;
        continue;
      }
      out += ch;
      continue;
    }
    if (ch === quote) {
      quote = '';
      continue;
    }
    if (quote === '"' && ch === '\\' && i + 1 < word.length && '"$\\`'.includes(word[i + 1] as string)) {
      out += word[++i] as string;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Parses one word such as `<<EOF`, `<<-"EOF"` or `3<<EOF`; undefined when the word is not a heredoc marker. */
export function parseHeredocMarker(word: string): Omit<Heredoc, 'content'> | undefined {
  const m = HEREDOC_WORD.exec(word);
  if (m === null) return undefined;
  const rest = m[3] as string;
  if (rest === '') return undefined;
  const name = unquoteWord(rest);
  if (name === undefined || name === '') return undefined;
  const quotes = (s: string): number => (s.match(/["']/g) ?? []).length;
  return {
    name,
    fileDescriptor: m[1] === '' ? 0 : Number(m[1]),
    // Quoting any part of the delimiter (which removes quote characters) turns expansion off, as in the shell.
    expand: quotes(name) === quotes(rest),
    chomp: m[2] === '-',
  };
}

/** The heredoc markers an instruction's text opens, in order. */
export function heredocMarkers(line: string): Omit<Heredoc, 'content'>[] {
  const out: Omit<Heredoc, 'content'>[] = [];
  for (const word of rawWords(line)) {
    const h = parseHeredocMarker(word);
    if (h !== undefined) out.push(h);
  }
  return out;
}

/** `<<-` bodies lose their leading tabs when used (BuildKit keeps the raw body in the tree). */
export function chompHeredocContent(content: string): string {
  return content.replace(/^\t+/gm, '');
}
