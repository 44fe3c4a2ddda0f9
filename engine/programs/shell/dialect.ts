import { PARAMETER_CLOSE, type ShellSyntaxError } from './errors.ts';
import type { BadSubstitution } from './lexer.ts';

/**
 * One interpreter, three voices. Students see bash on the host, dash as Debian/Ubuntu's /bin/sh and busybox ash
 * on Alpine; the messages are what those shells print, since learners paste them into search engines.
 */
export type DialectName = 'bash' | 'dash' | 'ash';

/** Where a message comes from: `$0`, whether the shell reads a terminal, how it got its script, the line. */
export interface Origin {
  readonly dialect: DialectName;
  /** `$0`: `bash`, `sh`, `/bin/sh`, a script path. */
  readonly name: string;
  readonly interactive: boolean;
  /** The script came from `-c`; bash names that `-c` in syntax errors. */
  readonly commandString: boolean;
}

/** The prefix of a run-time error: `bash: line 3: `, `sh: 3: `, `/bin/sh: `. */
export function errorPrefix(o: Origin, line: number): string {
  switch (o.dialect) {
    case 'bash':
      return o.interactive ? `${o.name}: ` : `${o.name}: line ${line}: `;
    case 'dash':
      return `${o.name}: ${line}: `;
    case 'ash':
      return `${o.name}: `;
  }
}

export function notFoundMessage(o: Origin, line: number, command: string): string {
  const prefix = errorPrefix(o, line);
  if (o.dialect === 'bash') return command.includes('/') ? `${prefix}${command}: No such file or directory` : `${prefix}${command}: command not found`;
  return `${prefix}${command}: not found`;
}

export function isDirectoryMessage(o: Origin, line: number, command: string): string {
  return `${errorPrefix(o, line)}${command}: ${o.dialect === 'bash' ? 'Is a directory' : 'Permission denied'}`;
}

export function execFormatMessage(o: Origin, line: number, command: string): string {
  return `${errorPrefix(o, line)}${command}: ${o.dialect === 'bash' ? 'cannot execute binary file: ' : ''}Exec format error`;
}

const QUOTES = new Set(['"', "'", '`', ')', '))', '\\']);

/**
 * bash reports an unfinished construct (`if` without `fi`, a trailing `|`, an open `{`) as a syntax error at end of
 * file, counting that end as one more line when the text has no final newline; open quotes are reported at their
 * own line.
 */
export function isEndOfFileError(dialect: DialectName, expecting: string): boolean {
  return dialect === 'bash' && expecting !== PARAMETER_CLOSE && (expecting === '\\' || !QUOTES.has(expecting));
}

/** Input ended inside a construct; only a script or `-c` string reports this (a terminal asks for more). */
export function unexpectedEofMessage(o: Origin, line: number, expecting: string): string {
  const where = bashWhere(o, line);
  switch (o.dialect) {
    case 'bash':
      if (expecting === PARAMETER_CLOSE) return `${where}unexpected EOF while looking for matching \`}'`;
      if (expecting !== '\\' && QUOTES.has(expecting)) return `${where}unexpected EOF while looking for matching \`${expecting}'`;
      return `${where}syntax error: unexpected end of file`;
    case 'dash':
      if (expecting === PARAMETER_CLOSE) return `${o.name}: ${line}: Syntax error: Missing '}'`;
      if (expecting === '"' || expecting === "'" || expecting === '`') return `${o.name}: ${line}: Syntax error: Unterminated quoted string`;
      if (expecting === ')' || expecting === '|' || expecting === '&&' || expecting === '||' || expecting === 'end of file')
        return `${o.name}: ${line}: Syntax error: end of file unexpected`;
      return `${o.name}: ${line}: Syntax error: end of file unexpected (expecting "${expecting}")`;
    case 'ash':
      if (expecting === PARAMETER_CLOSE) return `${o.name}: syntax error: missing '}'`;
      if (expecting === '"' || expecting === "'" || expecting === '`') return `${o.name}: syntax error: unterminated quoted string`;
      if (QUOTES.has(expecting) || expecting === '|' || expecting === '&&' || expecting === '||') return `${o.name}: syntax error: unexpected end of file`;
      return `${o.name}: syntax error: unexpected end of file (expecting "${expecting}")`;
  }
}

/** dash and ash name a misplaced redirection operator by its kind: bash's `cat <<< x` reads as `<<` then `<`. */
const REDIRECTIONS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-']);

/** A misplaced token. bash adds a second line quoting the offending source line (not when interactive). */
export function syntaxErrorMessage(o: Origin, e: ShellSyntaxError, source: string): string {
  const token = e.token;
  switch (o.dialect) {
    case 'bash': {
      const where = bashWhere(o, e.line);
      const first = `${where}syntax error near unexpected token \`${token}'`;
      if (o.interactive) return first;
      const text = source.split('\n')[e.line - 1] ?? '';
      return `${first}\n${where}\`${text}'`;
    }
    case 'dash':
      if (REDIRECTIONS.has(token)) return `${o.name}: ${e.line}: Syntax error: redirection unexpected`;
      return `${o.name}: ${e.line}: Syntax error: ${token === 'newline' ? 'newline' : `"${token}"`} unexpected`;
    case 'ash':
      if (REDIRECTIONS.has(token)) return `${o.name}: syntax error: unexpected redirection`;
      return `${o.name}: syntax error: unexpected ${token === 'newline' ? 'newline' : `"${token}"`}`;
  }
}

export function badSubstitutionMessage(o: Origin, e: BadSubstitution): string {
  switch (o.dialect) {
    case 'bash':
      return `${errorPrefix(o, e.line)}${e.text}: bad substitution`;
    case 'dash':
      return `${o.name}: ${e.line}: Bad substitution`;
    case 'ash':
      return `${o.name}: syntax error: bad substitution`;
  }
}

function bashWhere(o: Origin, line: number): string {
  if (o.interactive) return `${o.name}: `;
  return o.commandString ? `${o.name}: -c: line ${line}: ` : `${o.name}: line ${line}: `;
}

/** A redirection that could not be opened, in each shell's words. */
export function redirectErrorMessage(o: Origin, line: number, path: string, code: string, output: boolean): string {
  const strerror: Record<string, string> = { ENOENT: 'No such file or directory', EISDIR: 'Is a directory', EACCES: 'Permission denied', ENOTDIR: 'Not a directory', EROFS: 'Read-only file system' };
  const text = strerror[code] ?? code;
  switch (o.dialect) {
    case 'bash':
      return `${errorPrefix(o, line)}${path}: ${text}`;
    case 'dash':
      if (!output) return `${errorPrefix(o, line)}cannot open ${path}: ${code === 'ENOENT' ? 'No such file' : text}`;
      return `${errorPrefix(o, line)}cannot create ${path}: ${code === 'ENOENT' ? 'Directory nonexistent' : text}`;
    case 'ash':
      if (!output) return `${o.name}: can't open '${path}': ${text}`;
      return `${o.name}: can't create ${path}: ${code === 'ENOENT' ? 'nonexistent directory' : text}`;
  }
}
