import type { Process } from '../process.ts';
import { createProcess, type Machine } from '../spawn.ts';
import type { Readable, Writable } from '../streams.ts';
import { EMPTY_READER } from '../streams.ts';
import { badSubstitutionMessage, syntaxErrorMessage, unexpectedEofMessage, type DialectName, type Origin } from './dialect.ts';
import { Interpreter } from './interpreter.ts';
import { parse } from './parser.ts';
import { makeFds } from './redirect.ts';
import { ShellState, type PidSource } from './state.ts';

/**
 * An interactive shell for a terminal: state (cwd, variables, functions, aliases, `$?`, jobs) lives across lines.
 * Each line gets the terminal's streams and its own Ctrl-C signal.
 */

export interface SessionOptions {
  readonly machine: Machine;
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly uid?: number;
  readonly gid?: number;
  readonly dialect?: DialectName;
  /** `$0` and the message prefix; `bash` by default. */
  readonly name?: string;
  readonly pids?: PidSource;
}

export interface LineIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin?: Readable;
  readonly signal?: AbortSignal;
}

export class ShellSession {
  readonly state: ShellState;
  #exited = false;

  constructor(private readonly options: SessionOptions) {
    const dialect = options.dialect ?? 'bash';
    const origin: Origin = { dialect, name: options.name ?? (dialect === 'bash' ? 'bash' : 'sh'), interactive: true, commandString: false };
    let n = 1000;
    this.state = ShellState.fromEnv(origin, options.env, options.cwd, options.pids ?? { next: () => ++n });
  }

  get cwd(): string {
    return this.state.cwd;
  }

  /** `$?` after the last line. */
  get status(): number {
    return this.state.status;
  }

  /** The shell ran `exit`: the terminal should close (or start a new session). */
  get exited(): boolean {
    return this.#exited;
  }

  /** True when `text` is an unfinished command (open quote, `if` without `fi`, pending here-doc): show `> `. */
  needsMore(text: string): boolean {
    return parse(text, this.state.origin.dialect).kind === 'incomplete';
  }

  /** Runs one command line (possibly several lines joined) and resolves to its status. */
  async run(text: string, io: LineIo): Promise<number> {
    const signal = io.signal ?? new AbortController().signal;
    const parsed = parse(text, this.state.origin.dialect);
    const o = this.state.origin;
    if (parsed.kind !== 'ok') {
      const msg =
        parsed.kind === 'incomplete'
          ? unexpectedEofMessage(o, parsed.line, parsed.expecting)
          : 'token' in parsed.error
            ? syntaxErrorMessage(o, parsed.error, text)
            : badSubstitutionMessage(o, parsed.error);
      await io.stderr.write(msg + '\n');
      this.state.status = 2;
      return 2;
    }
    const stdin = io.stdin ?? EMPTY_READER;
    const process: Process = createProcess(this.options.machine, {
      argv: [o.name],
      env: this.state.environment(),
      cwd: this.state.cwd,
      stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      signal,
      uid: this.options.uid ?? 0,
      gid: this.options.gid ?? 0,
    });
    const sh = new Interpreter(this.state, process, signal);
    const status = await sh.runTop(parsed.script, makeFds(stdin, io.stdout, io.stderr));
    if (sh.exited) this.#exited = true;
    return status;
  }
}
