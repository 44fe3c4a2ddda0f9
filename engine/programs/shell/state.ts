import type { Command } from './ast.ts';
import type { Origin } from './dialect.ts';

/**
 * Everything a shell remembers between commands: variables, functions, aliases, options, positional parameters,
 * `$?`, the working directory and background jobs. A subshell (`( )`, a pipeline stage, `$(...)`) works on a copy,
 * which is why `cd` inside `( )` does not move the parent.
 */

export interface Var {
  value: string;
  exported: boolean;
  readonly: boolean;
}

export interface Options {
  errexit: boolean;
  xtrace: boolean;
  nounset: boolean;
  noglob: boolean;
  pipefail: boolean;
  verbose: boolean;
  /** bash's `-E` and `-T`: ERR and DEBUG/RETURN traps inherited by functions; there are no such traps to inherit. */
  errtrace: boolean;
  functrace: boolean;
}

export class ReadonlyError extends Error {
  override readonly name = 'ReadonlyError';
  constructor(readonly variable: string) {
    super(`${variable}: readonly variable`);
  }
}

/** Process ids for `$$` and `$!`: one counter per machine-visible shell tree, shared by its subshells. */
export interface PidSource {
  next(): number;
}

export class ShellState {
  vars = new Map<string, Var>();
  /** bash's read-only arrays the shell fills itself: `PIPESTATUS`, `BASH_REMATCH`. */
  arrays = new Map<string, readonly string[]>();
  functions = new Map<string, Command>();
  aliases = new Map<string, string>();
  positional: string[] = [];
  options: Options = { errexit: false, xtrace: false, nounset: false, noglob: false, pipefail: false, verbose: false, errtrace: false, functrace: false };
  status = 0;
  /** `$!`: the last background job, if any. */
  lastBackground: number | undefined;
  jobs = new Map<number, Promise<number>>();
  /** One saved-variables frame per running function, for `local`. */
  localFrames: Map<string, Var | undefined>[] = [];
  /** Current line, for error messages. */
  line = 1;
  /** Nesting of `.`/`source`, where `return` is allowed outside a function. */
  sourceDepth = 0;
  umask = 0o022;

  constructor(
    public origin: Origin,
    public cwd: string,
    /** `$$`: a subshell keeps its parent's, as in every shell. */
    readonly pid: number,
    readonly pids: PidSource,
  ) {}

  static fromEnv(origin: Origin, env: Readonly<Record<string, string>>, cwd: string, pids: PidSource): ShellState {
    const s = new ShellState(origin, cwd, pids.next(), pids);
    for (const [k, v] of Object.entries(env)) s.vars.set(k, { value: v, exported: true, readonly: false });
    s.vars.set('PWD', { value: cwd, exported: true, readonly: false });
    if (!s.vars.has('IFS')) s.vars.set('IFS', { value: ' \t\n', exported: false, readonly: false });
    if (!s.vars.has('PS4')) s.vars.set('PS4', { value: '+ ', exported: false, readonly: false });
    return s;
  }

  clone(): ShellState {
    const s = new ShellState(this.origin, this.cwd, this.pid, this.pids);
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.arrays = new Map(this.arrays);
    s.functions = new Map(this.functions);
    s.aliases = new Map(this.aliases);
    s.positional = [...this.positional];
    s.options = { ...this.options };
    s.status = this.status;
    s.lastBackground = this.lastBackground;
    s.line = this.line;
    s.umask = this.umask;
    return s;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  set(name: string, value: string, exported?: boolean): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ReadonlyError(name);
    if (v) {
      v.value = value;
      if (exported) v.exported = true;
    } else this.vars.set(name, { value, exported: exported ?? false, readonly: false });
  }

  unset(name: string): void {
    if (this.vars.get(name)?.readonly) throw new ReadonlyError(name);
    this.vars.delete(name);
  }

  /** `local x`: remembers the caller's value, restored when the function returns. */
  makeLocal(name: string): void {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (!frame || frame.has(name)) return;
    const v = this.vars.get(name);
    frame.set(name, v ? { ...v } : undefined);
  }

  popLocals(): void {
    const frame = this.localFrames.pop();
    if (!frame) return;
    for (const [k, v] of frame) {
      if (v) this.vars.set(k, v);
      else this.vars.delete(k);
    }
  }

  /** The environment a child process gets. */
  environment(extra: ReadonlyMap<string, string> = new Map()): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    for (const [k, v] of extra) env[k] = v;
    return env;
  }

  get home(): string | undefined {
    return this.get('HOME');
  }

  /** `$-`: the option letters in effect. */
  flags(): string {
    const o = this.options;
    return (o.errexit ? 'e' : '') + (o.noglob ? 'f' : '') + (this.origin.interactive ? 'i' : '') + (o.nounset ? 'u' : '') + (o.verbose ? 'v' : '') + (o.xtrace ? 'x' : '');
  }
}
