import type { Readable, Writable } from '../../streams.ts';
import type { Interpreter } from '../interpreter.ts';
import type { Fds } from '../redirect.ts';

/** What a builtin gets: the shell it runs in (builtins change its state), its arguments and its streams. */
export interface BuiltinContext {
  readonly sh: Interpreter;
  /** argv[0] is the builtin's name. */
  readonly argv: readonly string[];
  readonly fds: Fds;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** `bash: line 1: cd: message` in the shell's voice. */
  error(message: string): Promise<void>;
}

export type Builtin = (ctx: BuiltinContext) => Promise<number>;
