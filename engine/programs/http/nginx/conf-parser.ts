import type { Fs } from '../../../fs/types.ts';
import { basename, dirname, resolvePath } from '../../../fs/path.ts';

/**
 * nginx's configuration syntax (ngx_conf_file.c): directives are words ended by `;` or followed by a `{ ... }`
 * block, `#` starts a comment, words may be quoted. `include` splices other files in where it stands (with a `*`
 * glob, in name order, as nginx uses glob(3)). Which directives exist is not checked here: the server reads the
 * ones it knows and passes over the rest.
 */

export interface Directive {
  readonly name: string;
  readonly args: readonly string[];
  readonly block?: readonly Directive[];
  readonly file: string;
  readonly line: number;
}

/** A configuration error, worded as nginx's `[emerg]` lines are (without the `nginx: [emerg] ` prefix). */
export class ConfError extends Error {
  override readonly name = 'ConfError';
}

/** nginx's prefix (`--prefix=/etc/nginx` in the nginx.org packages): relative paths resolve against it. */
export const PREFIX = '/etc/nginx';

export function parseConfFile(fs: Fs, path: string, depth = 0): Directive[] {
  let text: string;
  try {
    const content = fs.fileContent(path);
    // The catalog's mime.types is a stand-in of the right size, not text: nginx's built-in table answers instead.
    if (content.kind === 'synthetic') return [];
    text = fs.readText(path);
  } catch {
    throw new ConfError(`open() "${path}" failed (2: No such file or directory)`);
  }
  return parseConf(text, path, (name, line) => {
    if (depth > 10) throw new ConfError(`include depth too large in ${path}:${line}`);
    return expandInclude(fs, resolvePath(PREFIX, name)).flatMap((f) => parseConfFile(fs, f, depth + 1));
  });
}

/** The files an `include` names: a glob matches nothing quietly, a plain path must exist. */
function expandInclude(fs: Fs, pattern: string): string[] {
  if (!/[*?[]/.test(pattern)) return [pattern];
  const dir = dirname(pattern);
  const re = new RegExp('^' + basename(pattern).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch {
    return [];
  }
  return names.filter((n) => re.test(n) && !n.startsWith('.')).sort().map((n) => `${dir}/${n}`);
}

type Include = (name: string, line: number) => Directive[];

export function parseConf(text: string, file: string, include: Include = () => []): Directive[] {
  const tokens = tokenize(text, file);
  let i = 0;
  const where = (line: number) => `${file}:${line}`;

  function block(inBlock: boolean): Directive[] {
    const out: Directive[] = [];
    let words: { text: string; line: number }[] = [];
    for (;;) {
      const t = tokens[i++];
      if (!t) {
        if (words.length > 0 || inBlock) throw new ConfError(`unexpected end of file, expecting ";" or "}" in ${where(lastLine(text))}`);
        return out;
      }
      if (t.kind === 'word') {
        words.push(t);
        continue;
      }
      if (t.kind === ';') {
        if (words.length === 0) throw new ConfError(`unexpected ";" in ${where(t.line)}`);
        const [name, ...args] = words.map((w) => w.text);
        if (name === 'include') {
          if (args.length !== 1) throw new ConfError(`invalid number of arguments in "include" directive in ${where(words[0]!.line)}`);
          out.push(...include(args[0]!, words[0]!.line));
        } else out.push({ name: name!, args, file, line: words[0]!.line });
        words = [];
        continue;
      }
      if (t.kind === '{') {
        if (words.length === 0) throw new ConfError(`unexpected "{" in ${where(t.line)}`);
        const [name, ...args] = words.map((w) => w.text);
        const line = words[0]!.line;
        words = [];
        out.push({ name: name!, args, block: block(true), file, line });
        continue;
      }
      // '}'
      if (words.length > 0) throw new ConfError(`unexpected "}" in ${where(t.line)}`);
      if (!inBlock) throw new ConfError(`unexpected "}" in ${where(t.line)}`);
      return out;
    }
  }
  return block(false);
}

interface Token {
  readonly kind: 'word' | ';' | '{' | '}';
  readonly text: string;
  readonly line: number;
}

function tokenize(text: string, file: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === ';' || c === '{' || c === '}') {
      out.push({ kind: c, text: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let word = '';
      i++;
      while (i < text.length && text[i] !== c) {
        // Inside quotes nginx understands \", \', \\ and the \t, \r, \n escapes.
        const escaped = text[i] === '\\' ? text[i + 1] : undefined;
        if (escaped !== undefined && (escaped === c || escaped === '\\' || 'trn'.includes(escaped))) {
          word += escaped === 't' ? '\t' : escaped === 'r' ? '\r' : escaped === 'n' ? '\n' : escaped;
          i += 2;
          continue;
        }
        if (text[i] === '\n') line++;
        word += text[i++];
      }
      if (i >= text.length) throw new ConfError(`unexpected end of file, expecting ";" or "}" in ${file}:${line}`);
      i++;
      out.push({ kind: 'word', text: word, line: start });
    } else {
      let word = '';
      while (i < text.length && !/[\s;{}]/.test(text[i]!)) {
        // `${var}` keeps its braces inside a word.
        if (text[i] === '$' && text[i + 1] === '{') {
          const close = text.indexOf('}', i);
          word += text.slice(i, close + 1);
          i = close + 1;
          continue;
        }
        word += text[i++];
      }
      out.push({ kind: 'word', text: word, line });
    }
  }
  return out;
}

function lastLine(text: string): number {
  return text.split('\n').length;
}
