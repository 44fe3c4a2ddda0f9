import type { VirtualClock } from '../../core/clock.ts';
import { FsError } from '../../fs/types.ts';
import { exitStatusForSignal, type Process, type SpawnFailure } from '../process.ts';
import { BrokenPipeError, Collector, EMPTY_READER, Pipe } from '../streams.ts';
import type { AndOr, Case, Command, For, Loop, Pipeline, Redirect, Script, SimpleCommand, Word } from './ast.ts';
import { BUILTINS, SPECIAL_BUILTINS } from './builtins/index.ts';
import type { Builtin, BuiltinContext } from './builtins/types.ts';
import { runConditional } from './cond.ts';
import { BreakSignal, ContinueSignal, ExitSignal, Interrupted, ReturnSignal } from './control.ts';
import { badSubstitutionMessage, errorPrefix, execFormatMessage, isDirectoryMessage, notFoundMessage, redirectErrorMessage, syntaxErrorMessage, unexpectedEofMessage } from './dialect.ts';
import { ExpansionError, Incomplete, ShellSyntaxError } from './errors.ts';
import { expandPattern, expandString, expandWords, type Expander } from './expand.ts';
import { BadSubstitution } from './lexer.ts';
import { parseScript } from './parser.ts';
import { matchPattern } from './pattern.ts';
import { quoteForTrace } from './quote.ts';
import { applyRedirect, BadFdError, FdOverlay, RedirectError, stdio, type Fd, type Fds } from './redirect.ts';
import { ReadonlyError, type ShellState } from './state.ts';

/**
 * Runs a syntax tree. Every pipeline stage runs concurrently with real streams between them, so output appears as
 * it is produced and `yes | head -1` ends. Subshells (`( )`, pipeline stages, `$(...)`, background jobs) are
 * interpreters over a copy of the state.
 */
export class Interpreter {
  /** Depth of contexts where a failure must not trigger `set -e` (conditions, `&&`/`||` left sides, `!`). */
  #noErrexit = 0;
  /** Status of the last command substitution, which is `$?` for a command made only of assignments. */
  #substStatus: number | undefined;
  /** `exit` ended this shell (a terminal closes). */
  exited = false;
  /** Something ended the script early (`exit`, Ctrl-C, a fatal expansion error): a script stops reading commands. */
  stopped = false;
  /** Descriptors changed by `exec >file`; a subshell starts without any, having inherited them in its table. */
  readonly #fdOverlay = new FdOverlay();

  constructor(
    readonly state: ShellState,
    /** The shell's own process: filesystem, clock, and `spawn` for external commands. */
    readonly process: Process,
    /** Interrupts the foreground work of this shell (Ctrl-C). */
    readonly signal: AbortSignal,
  ) {}

  /** The builtin called `name`, if there is one (`command` and `type` ask; keeps builtins free of a cycle). */
  builtin(name: string): Builtin | undefined {
    return Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  }

  get fs() {
    return this.process.fs;
  }

  /** A subshell: same process and signal, a copy of the state. */
  child(signal: AbortSignal = this.signal): Interpreter {
    return new Interpreter(this.state.clone(), this.process, signal);
  }

  /**
   * Runs a script at the top of a shell or subshell: `exit`, interrupts and fatal expansion errors stop here.
   * Returns the final status.
   */
  async runTop(script: Script, fds: Fds): Promise<number> {
    try {
      this.state.status = await this.runList(script, fds);
    } catch (e) {
      this.exited = e instanceof ExitSignal;
      this.stopped = true;
      this.state.status = await this.#topLevelFailure(e, fds);
    }
    return this.state.status;
  }

  async #topLevelFailure(e: unknown, fds: Fds): Promise<number> {
    if (e instanceof ExitSignal) return e.status;
    if (e instanceof Interrupted) return e.status;
    if (e instanceof ReturnSignal) return e.status;
    if (e instanceof BreakSignal || e instanceof ContinueSignal) return 0;
    if (e instanceof BrokenPipeError) return 141;
    if (e instanceof ExpansionError) {
      await this.error(fds, e.message);
      return e.status;
    }
    if (e instanceof BadSubstitution) {
      await this.write(fds, badSubstitutionMessage(this.state.origin, e) + '\n');
      return this.state.origin.dialect === 'bash' ? 1 : 2;
    }
    if (e instanceof ShellSyntaxError || e instanceof Incomplete) {
      await this.#syntaxError(e, fds, '');
      return 2;
    }
    if (e instanceof ReadonlyError) {
      await this.error(fds, e.message);
      return 1;
    }
    throw e;
  }

  async #syntaxError(e: ShellSyntaxError | Incomplete, fds: Fds, source: string): Promise<void> {
    const o = this.state.origin;
    const msg = e instanceof Incomplete ? unexpectedEofMessage(o, e.line, e.expecting) : syntaxErrorMessage(o, e, source);
    await this.write(fds, msg + '\n');
  }

  /** `prefix: message` on stderr, with this shell's prefix (`bash: line 3: `, `sh: 3: `). */
  async error(fds: Fds, message: string): Promise<void> {
    await this.write(fds, `${errorPrefix(this.state.origin, this.state.line)}${message}\n`);
  }

  async write(fds: Fds, text: string): Promise<void> {
    try {
      await stdio(this.#fdOverlay.apply(fds)).stderr.write(text);
    } catch {
      // stderr closed: the message is lost, as in a real shell.
    }
  }

  #checkInterrupt(): void {
    if (this.signal.aborted) throw new Interrupted(exitStatusForSignal(this.signal.reason));
  }

  /** Parses and runs source text in this shell (`eval`, `.`): syntax errors are reported, not thrown. */
  async runSource(source: string, fds: Fds): Promise<number> {
    let script: Script;
    try {
      script = parseScript(source, this.state.line, this.state.origin.dialect === 'bash');
    } catch (e) {
      if (e instanceof ShellSyntaxError || e instanceof Incomplete) {
        await this.#syntaxError(e, fds, source);
        return 2;
      }
      throw e;
    }
    return this.runList(script, fds);
  }

  async runList(script: Script, fds: Fds): Promise<number> {
    let status = 0;
    for (const item of script.items) {
      this.#checkInterrupt();
      if (item.background) {
        this.#background(item.command, this.#fdOverlay.apply(fds));
        status = 0;
      } else status = await this.#andOr(item.command, fds);
      this.state.status = status;
    }
    return status;
  }

  #background(command: AndOr, fds: Fds): void {
    // A background job does not get the terminal's Ctrl-C, and reads nothing from it.
    const sub = this.child(new AbortController().signal);
    const pid = this.state.pids.next();
    const bgFds = new Map(fds);
    bgFds.set(0, { r: EMPTY_READER });
    const done = sub.runTop({ kind: 'script', items: [{ command, background: false }] }, bgFds);
    this.state.jobs.set(pid, done);
    this.state.lastBackground = pid;
    if (this.state.origin.interactive) void this.write(fds, `[${this.state.jobs.size}] ${pid}\n`);
  }

  async #andOr(list: AndOr, fds: Fds): Promise<number> {
    const all = [list.first, ...list.rest.map((r) => r.pipeline)];
    let status = 0;
    for (let i = 0; i < all.length; i++) {
      if (i > 0) {
        const op = list.rest[i - 1]!.op;
        if ((op === '&&') !== (status === 0)) continue;
      }
      const last = i === all.length - 1;
      if (!last) this.#noErrexit++;
      try {
        status = await this.#pipeline(all[i]!, fds);
      } finally {
        if (!last) this.#noErrexit--;
      }
      if (last && status !== 0 && !all[i]!.negate && this.state.options.errexit && this.#noErrexit === 0) throw new ExitSignal(status);
    }
    return status;
  }

  async #pipeline(p: Pipeline, given: Fds): Promise<number> {
    this.state.line = p.line;
    const fds = this.#fdOverlay.apply(given);
    if (p.negate) this.#noErrexit++;
    const started = this.process.clock.now();
    let status: number;
    try {
      if (p.commands.length === 1) {
        status = await this.runCommand(p.commands[0]!, fds);
        this.#pipeStatus([status]);
      } else status = await this.#pipe(p.commands, fds);
    } finally {
      if (p.negate) this.#noErrexit--;
    }
    // The simulated processes spend no CPU of their own: user and sys are zero; real is the virtual clock's.
    if (p.time) await this.write(given, timeReport(p.time, this.process.clock.now() - started));
    this.#checkInterrupt();
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  /** bash's `PIPESTATUS`: every stage's status of the last foreground pipeline. */
  #pipeStatus(statuses: readonly number[]): void {
    if (this.state.origin.dialect === 'bash') this.state.arrays.set('PIPESTATUS', statuses.map(String));
  }

  /** All stages at once; each closes its ends when done so readers see EOF and writers see EPIPE. */
  async #pipe(commands: readonly Command[], fds: Fds): Promise<number> {
    const pipes = commands.slice(1).map(() => new Pipe());
    const stages = commands.map(async (cmd, i) => {
      const stageFds = new Map(fds);
      if (i > 0) stageFds.set(0, { r: pipes[i - 1]! });
      if (i < pipes.length) stageFds.set(1, { w: pipes[i]! });
      const sub = this.child();
      try {
        return await sub.#subshell(() => sub.runCommand(cmd, stageFds), stageFds);
      } finally {
        pipes[i]?.closeWrite();
        pipes[i - 1]?.closeRead();
      }
    });
    const statuses = await Promise.all(stages);
    this.#pipeStatus(statuses);
    if (this.state.options.pipefail) return [...statuses].reverse().find((s) => s !== 0) ?? 0;
    return statuses[statuses.length - 1]!;
  }

  /** Runs `body` as a subshell would end: `exit` ends only it; fatal errors end only it. */
  async #subshell(body: () => Promise<number>, fds: Fds): Promise<number> {
    try {
      return await body();
    } catch (e) {
      return this.#topLevelFailure(e, fds);
    }
  }

  async runCommand(cmd: Command, fds: Fds): Promise<number> {
    switch (cmd.kind) {
      case 'simple':
        return this.#simple(cmd, fds);
      case 'function':
        this.state.functions.set(cmd.name, cmd.body);
        return 0;
      case 'subshell':
        return this.#withRedirects(cmd.redirects, fds, (f) => {
          const sub = this.child();
          return sub.#subshell(() => sub.runList(cmd.body, f), f);
        });
      case 'group':
        return this.#withRedirects(cmd.redirects, fds, (f) => this.runList(cmd.body, f));
      case 'if':
        return this.#withRedirects(cmd.redirects, fds, async (f) => {
          for (const b of cmd.branches) {
            if ((await this.#condition(b.cond, f)) === 0) return this.runList(b.body, f);
          }
          return cmd.otherwise ? this.runList(cmd.otherwise, f) : 0;
        });
      case 'for':
        return this.#withRedirects(cmd.redirects, fds, (f) => this.#for(cmd, f));
      case 'while':
      case 'until':
        return this.#withRedirects(cmd.redirects, fds, (f) => this.#loop(cmd, f));
      case 'case':
        return this.#withRedirects(cmd.redirects, fds, (f) => this.#case(cmd, f));
      case 'cond':
        return this.#withRedirects(cmd.redirects, fds, (f) => runConditional(this, cmd, f));
    }
  }

  async #condition(script: Script, fds: Fds): Promise<number> {
    this.#noErrexit++;
    try {
      return await this.runList(script, fds);
    } finally {
      this.#noErrexit--;
    }
  }

  /** Runs one loop body; returns 'break' or 'continue' when the loop should stop or go on at once. */
  async #loopBody(body: Script, fds: Fds): Promise<{ status: number; stop: boolean }> {
    try {
      return { status: await this.runList(body, fds), stop: false };
    } catch (e) {
      if (e instanceof BreakSignal) {
        if (e.levels > 1) throw new BreakSignal(e.levels - 1);
        return { status: 0, stop: true };
      }
      if (e instanceof ContinueSignal) {
        if (e.levels > 1) throw new ContinueSignal(e.levels - 1);
        return { status: 0, stop: false };
      }
      throw e;
    }
  }

  async #for(cmd: For, fds: Fds): Promise<number> {
    const items = cmd.items ? await expandWords(this.expander(fds), cmd.items) : [...this.state.positional];
    let status = 0;
    for (const item of items) {
      this.#checkInterrupt();
      this.state.set(cmd.name, item);
      const r = await this.#loopBody(cmd.body, fds);
      status = r.status;
      if (r.stop) break;
      await yieldSometimes(this.process.clock);
    }
    return status;
  }

  async #loop(cmd: Loop, fds: Fds): Promise<number> {
    let status = 0;
    for (;;) {
      this.#checkInterrupt();
      const c = await this.#condition(cmd.cond, fds);
      if ((c === 0) !== (cmd.kind === 'while')) break;
      const r = await this.#loopBody(cmd.body, fds);
      status = r.status;
      if (r.stop) break;
      await yieldSometimes(this.process.clock);
    }
    return status;
  }

  async #case(cmd: Case, fds: Fds): Promise<number> {
    const x = this.expander(fds);
    const subject = await expandString(x, cmd.subject);
    for (const arm of cmd.arms) {
      for (const p of arm.patterns) {
        if (matchPattern(await expandPattern(x, p), subject)) return this.runList(arm.body, fds);
      }
    }
    return 0;
  }

  expander(fds: Fds): Expander {
    return {
      state: this.state,
      fs: this.fs,
      substitute: async (script) => {
        const out = new Collector();
        const sub = this.child();
        const subFds = new Map(fds);
        subFds.set(1, { w: out });
        this.#substStatus = await sub.runTop(script, subFds);
        this.#checkInterrupt();
        return out.text();
      },
    };
  }

  async #withRedirects(redirects: readonly Redirect[], fds: Fds, body: (fds: Fds) => Promise<number>): Promise<number> {
    if (redirects.length === 0) return body(fds);
    const opened = await this.#openRedirects(redirects, fds);
    if (!opened) return 1;
    return this.#fdOverlay.shadow(redirects, () => body(opened));
  }

  /** Opens redirections; on failure prints the shell's message and returns undefined (status 1). */
  async #openRedirects(redirects: readonly Redirect[], fds: Fds): Promise<Fds | undefined> {
    const out = new Map<number, Fd>(fds);
    const x = this.expander(fds);
    for (const r of redirects) {
      const target = r.heredoc ? await expandString(x, r.heredoc.body) : await expandString(x, r.target);
      try {
        applyRedirect(this.fs, this.state.cwd, out, r, target);
      } catch (e) {
        if (e instanceof RedirectError) {
          await this.write(fds, redirectErrorMessage(this.state.origin, this.state.line, e.path, e.code, e.output) + '\n');
          return undefined;
        }
        if (e instanceof BadFdError) {
          await this.error(fds, e.message);
          return undefined;
        }
        throw e;
      }
    }
    return out;
  }

  async #simple(cmd: SimpleCommand, fds: Fds): Promise<number> {
    this.state.line = cmd.line;
    const x = this.expander(fds);
    this.#substStatus = undefined;
    const argv = await expandWords(x, this.#aliased(cmd.words));
    const assigns = new Map<string, string>();
    for (const a of cmd.assigns) assigns.set(a.name, await expandString(x, a.value));
    if (this.state.options.xtrace && (argv.length > 0 || assigns.size > 0)) {
      const shown = [...[...assigns].map(([k, v]) => `${k}=${quoteForTrace(v)}`), ...argv.map(quoteForTrace)];
      await this.write(fds, `${this.state.get('PS4') ?? '+ '}${shown.join(' ')}\n`);
    }
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.state.set(k, v);
      const opened = await this.#openRedirects(cmd.redirects, fds);
      if (!opened) return 1;
      return this.#substStatus ?? 0;
    }
    if (argv.length === 1 && argv[0] === 'exec' && !this.state.functions.has('exec')) return this.#execRedirects(cmd, fds);
    const opened = await this.#openRedirects(cmd.redirects, fds);
    if (!opened) return 1;
    const status = await this.#fdOverlay.shadow(cmd.redirects, () => this.#invoke(argv, assigns, opened));
    this.#checkInterrupt();
    return status;
  }

  /** `exec` without a command: its redirections stay for the rest of the shell. */
  async #execRedirects(cmd: SimpleCommand, fds: Fds): Promise<number> {
    const opened = await this.#openRedirects(cmd.redirects, fds);
    if (!opened) {
      // POSIX makes a redirection error of a special builtin fatal; bash only fails the command.
      const o = this.state.origin;
      if (o.dialect !== 'bash' && !o.interactive) throw new ExitSignal(2);
      return 1;
    }
    this.#fdOverlay.keep(cmd.redirects, opened);
    return 0;
  }

  /** Simple alias expansion: an alias for the first word is replaced by the alias's words. */
  #aliased(words: readonly Word[]): readonly Word[] {
    const first = words[0];
    if (!first || this.state.aliases.size === 0 || first.parts.length !== 1) return words;
    const p = first.parts[0]!;
    const value = p.kind === 'lit' && !p.quoted ? this.state.aliases.get(p.text) : undefined;
    if (value === undefined) return words;
    try {
      const c = parseScript(value, 1, this.state.origin.dialect === 'bash').items[0]?.command.first.commands[0];
      if (c?.kind === 'simple' && c.assigns.length === 0 && c.redirects.length === 0) return [...c.words, ...words.slice(1)];
    } catch {
      // An alias that does not parse on its own is left alone.
    }
    return words;
  }

  /** Runs a command by name: function, builtin, or program found through PATH. */
  async #invoke(argv: string[], assigns: ReadonlyMap<string, string>, fds: Fds): Promise<number> {
    const name = argv[0]!;
    const fn = this.state.functions.get(name);
    if (fn) return this.#withTemporary(assigns, () => this.callFunction(fn, argv.slice(1), fds));
    const builtin = this.builtin(name);
    if (builtin) {
      const run = () => builtin(this.#builtinContext(argv, fds));
      try {
        if (SPECIAL_BUILTINS.has(name)) {
          for (const [k, v] of assigns) this.state.set(k, v);
          return await run();
        }
        return await this.#withTemporary(assigns, run);
      } catch (e) {
        if (e instanceof BrokenPipeError) return 141;
        if (e instanceof ReadonlyError) {
          await this.error(fds, e.message);
          return 1;
        }
        throw e;
      }
    }
    return this.runExternal(argv, this.state.environment(assigns), fds);
  }

  async #withTemporary(assigns: ReadonlyMap<string, string>, body: () => Promise<number>): Promise<number> {
    if (assigns.size === 0) return body();
    const saved = new Map([...assigns.keys()].map((k) => [k, this.state.vars.get(k)] as const));
    for (const [k, v] of assigns) {
      const old = this.state.vars.get(k);
      this.state.vars.set(k, { value: v, exported: true, readonly: old?.readonly ?? false });
    }
    try {
      return await body();
    } finally {
      for (const [k, v] of saved) {
        if (v) this.state.vars.set(k, v);
        else this.state.vars.delete(k);
      }
    }
  }

  async callFunction(body: Command, args: string[], fds: Fds): Promise<number> {
    const saved = this.state.positional;
    this.state.positional = args;
    this.state.localFrames.push(new Map());
    try {
      return await this.runCommand(body, fds);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      this.state.positional = saved;
      this.state.popLocals();
    }
  }

  /** Starts a program through the process's spawn, printing this shell's wording when it cannot start. */
  async runExternal(argv: readonly string[], env: Record<string, string>, fds: Fds, exec = false): Promise<number> {
    let failure: SpawnFailure | undefined;
    const { stdin, stdout, stderr } = stdio(fds);
    const status = await this.process.spawn(argv, { env, cwd: this.state.cwd, stdin, stdout, stderr, signal: this.signal, exec, onFailure: (f) => (failure = f) });
    if (failure) await this.#reportFailure(failure, argv[0]!, fds);
    await yieldSometimes(this.process.clock, PROGRAM_WORK);
    return status;
  }

  async #reportFailure(f: SpawnFailure, name: string, fds: Fds): Promise<void> {
    const o = this.state.origin;
    const line = this.state.line;
    switch (f.kind) {
      case 'not-found':
        return this.write(fds, notFoundMessage(o, line, name) + '\n');
      case 'permission-denied':
        return this.error(fds, `${name}: Permission denied`);
      case 'is-directory':
        return this.write(fds, isDirectoryMessage(o, line, name) + '\n');
      case 'exec-format':
        return this.write(fds, execFormatMessage(o, line, name) + '\n');
      case 'bad-interpreter':
        if (o.dialect === 'bash') return this.error(fds, `${name}: ${f.interpreter}: bad interpreter: No such file or directory`);
        return this.write(fds, notFoundMessage(o, line, name) + '\n');
    }
  }

  #builtinContext(argv: string[], fds: Fds): BuiltinContext {
    const io = stdio(fds);
    return {
      sh: this,
      argv,
      fds,
      ...io,
      error: (message: string) => this.error(fds, `${argv[0]}: ${message}`),
    };
  }

  /** Reads a file as the shell does for `.`/`source`; undefined when it cannot. */
  readScript(path: string): string | undefined {
    try {
      return new TextDecoder().decode(this.fs.readFile(path));
    } catch (e) {
      if (e instanceof FsError) return undefined;
      throw e;
    }
  }
}

let work = 0;

/** A program run counts as this many loop turns: `docker create` in a loop is milliseconds a turn, `:` is nothing. */
const PROGRAM_WORK = 16;

/**
 * A loop of builtins (`while :; do :; done`) never waits on anything, and a loop of quick programs (a thousand
 * `docker create`) hardly does, so either would starve Ctrl-C, timers and the page. Every 256 units of work (a turn
 * of a loop is one, a program run sixteen) it yields a whole task, which lets them run. Counted in work, not time:
 * where the yields fall is the same on every machine.
 */
async function yieldSometimes(clock: VirtualClock, units = 1): Promise<void> {
  work += units;
  if (work < 256) return;
  work = 0;
  await clock.yield();
}

/** bash's `time` report: its default TIMEFORMAT (`\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS`), or `-p`'s POSIX one. */
function timeReport(format: 'bash' | 'posix', ms: number): string {
  if (format === 'posix') return `real ${(ms / 1000).toFixed(2)}\nuser 0.00\nsys 0.00\n`;
  const long = (t: number) => `${Math.floor(t / 60_000)}m${((t % 60_000) / 1000).toFixed(3)}s`;
  return `\nreal\t${long(ms)}\nuser\t${long(0)}\nsys\t${long(0)}\n`;
}
