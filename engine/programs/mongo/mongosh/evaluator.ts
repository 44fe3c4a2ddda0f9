/**
 * Where mongosh's JavaScript runs. mongosh evaluates what is typed (and `--eval`) as JavaScript with `db`,
 * `ObjectId`, `ISODate`, `print` and `printjson` bound to the shell; Dockyard runs it in its JavaScript sandbox
 * (QuickJS compiled to WebAssembly, engine/programs/js/), which plugs in here. Promises the globals return are
 * awaited, as mongosh's async rewriter does.
 */
export interface ShellEvaluator {
  /** Evaluates one complete input; resolves to its completion value. Throws IncompleteInput when more lines are needed. */
  evaluate(source: string, globals: Readonly<Record<string, unknown>>): Promise<unknown>;
  /** The session is over: free what the evaluator holds (the sandbox). */
  close?(): void;
}

/** The input so far is not a whole statement (an open brace or string): the REPL reads another line (`... `). */
export class IncompleteInput extends Error {
  override readonly name = 'IncompleteInput';
}

/** A syntax error as mongosh shows it: Babel's message with its position, then a code frame of the input. */
export class ShellSyntaxError extends Error {
  override readonly name = 'SyntaxError';
}

/** For a shell built without an evaluator (tests of the shell commands alone): says plainly that JavaScript cannot run. */
export const NO_JAVASCRIPT: ShellEvaluator = {
  async evaluate(): Promise<unknown> {
    throw new Error("Dockyard's JavaScript sandbox is not available yet: mongosh can only run its shell commands (show dbs, show collections, use, exit)");
  },
};
