/** The shell: parser, interpreter, the interactive session and the shell programs. */
export { parse, type ParseResult } from './parser.ts';
export type * from './ast.ts';
export { ShellSession, type LineIo, type SessionOptions } from './session.ts';
export { SHELL_PROGRAMS, shellProgram } from './program.ts';
export type { DialectName, Origin } from './dialect.ts';
