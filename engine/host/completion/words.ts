/**
 * The simple command the cursor is in, as bash's completion sees it: the words typed before the current one (quotes
 * and backslashes removed, nothing expanded) and the current word up to the cursor. A control operator (`|`, `&&`,
 * `;`, `(`, `$(`, a backquote, a newline) starts a new command; a redirection's target is no argument.
 */
export interface WordAt {
  /** Words of the current simple command before the current word, unquoted. */
  readonly words: readonly string[];
  /** Where the current word starts in the line; it ends at the cursor. */
  readonly from: number;
  /** The current word as typed. */
  readonly typed: string;
  /** The current word with its quotes and backslashes removed. */
  readonly value: string;
  /** The current word follows a redirection operator (`> out.txt`, `< in`). */
  readonly redirectTarget: boolean;
}

const BLANK = new Set([' ', '\t']);
const CONTROL = new Set(['\n', ';', '|', '&', '(', ')', '`']);

export function wordAt(line: string, cursor: number): WordAt {
  const end = Math.max(0, Math.min(cursor, line.length));
  let words: string[] = [];
  let start = -1;
  let value = '';
  let quote: '"' | "'" | undefined;
  let redirectNext = false;
  let redirectCurrent = false;

  const endWord = () => {
    if (start < 0) return;
    if (redirectCurrent) redirectCurrent = false;
    else words.push(value);
    start = -1;
    value = '';
  };
  const begin = (i: number) => {
    if (start >= 0) return;
    start = i;
    redirectCurrent = redirectNext;
    redirectNext = false;
  };

  for (let i = 0; i < end; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else value += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < end && '$`"\\\n'.includes(line[i + 1]!)) value += line[++i]!;
      else value += ch;
      continue;
    }
    if (ch === '\\') {
      begin(i);
      if (i + 1 < end) value += line[++i]!;
      continue;
    }
    if (ch === '"' || ch === "'") {
      begin(i);
      quote = ch;
      continue;
    }
    if (BLANK.has(ch)) {
      endWord();
      continue;
    }
    if (CONTROL.has(ch)) {
      // `>&2` and `2>&1` are redirections, not a background `&`.
      if (ch === '&' && (line[i - 1] === '>' || line[i - 1] === '<')) continue;
      if (ch === '&' && line[i + 1] === '>') continue;
      endWord();
      words = [];
      redirectNext = false;
      continue;
    }
    if (ch === '<' || ch === '>') {
      // A file descriptor number glued to the operator (`2>`) belongs to the redirection, not the arguments.
      if (start >= 0 && /^\d+$/.test(line.slice(start, i))) {
        start = -1;
        value = '';
      } else endWord();
      redirectNext = true;
      continue;
    }
    begin(i);
    value += ch;
  }
  if (start < 0) {
    start = end;
    redirectCurrent = redirectNext;
  }
  return { words: commandWords(words), from: start, typed: line.slice(start, end), value, redirectTarget: redirectCurrent };
}

/** Commands that run the command named after them: completion goes on as if they were not there. */
const PREFIXES = new Set(['sudo', 'time', 'nohup', 'exec', 'command', 'builtin', 'env', 'xargs', 'nice']);

/** The command's own words: leading assignments (`FOO=1 cmd`) and prefix commands (`sudo cmd`) dropped. */
function commandWords(words: readonly string[]): string[] {
  let i = 0;
  for (;;) {
    if (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) i++;
    else if (i < words.length && PREFIXES.has(words[i]!)) {
      i++;
      // Their own options (`sudo -E`, `env -i`) come before the command.
      while (i < words.length && words[i]!.startsWith('-')) i++;
    } else break;
  }
  return words.slice(i);
}
