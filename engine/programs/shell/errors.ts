/**
 * Parse failures. `Incomplete` is not an error for a terminal (it shows a `> ` prompt and reads more); a script or
 * `-c` string that ends there reports it as an unexpected end of file.
 */

/** What `Incomplete.expecting` says for an unclosed `${...}`: the shells word it unlike an unclosed `{ ...` group. */
export const PARAMETER_CLOSE = '${}';

export class Incomplete extends Error {
  override readonly name = 'Incomplete';
  constructor(
    /** What is still open: a quote character, a keyword the parser expects (`fi`, `done`...), `here-document`. */
    readonly expecting: string,
    readonly line: number,
  ) {
    super(`incomplete input: expecting ${expecting}`);
  }
}

export class ShellSyntaxError extends Error {
  override readonly name = 'ShellSyntaxError';
  constructor(
    /** The offending token as written (`fi`, `;;`, `)`), or `newline`. */
    readonly token: string,
    readonly line: number,
  ) {
    super(`syntax error near unexpected token \`${token}'`);
  }
}

/**
 * A failed expansion (`${x:?msg}`, `set -u`, bad arithmetic). The message lacks the shell's prefix; a
 * non-interactive shell exits on it, an interactive one abandons the line.
 */
export class ExpansionError extends Error {
  override readonly name = 'ExpansionError';
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}
