/**
 * Joins the line editor to one engine `Terminal`: submitted lines run in the engine, their output comes back to the
 * screen, Ctrl-C aborts the running command with reason 'SIGINT'. No DOM, no Docker: the engine decides what a
 * command does; this only moves text.
 */
import type { Terminal, TerminalIO } from '../../engine/api.ts';
import { LineEditor, type Completer } from './line-editor.ts';
import { TtyInput } from './tty-input.ts';

export interface SessionOptions {
  terminal: Terminal;
  /** Terminal output (escape sequences included). */
  write(data: string): void;
  columns?: number;
  rows?: number;
  complete?: Completer;
  /** Presentation of the prompt (colours); must not change its visible text. */
  decoratePrompt?(prompt: string): string;
  /** Called when a submitted command line starts running (a tab's title shows it). */
  onCommandStart?(command: string): void;
  /** Called after each command with its exit status. */
  onCommandDone?(command: string, exitCode: number): void;
}

export class ShellSession {
  readonly editor: LineEditor;
  readonly #o: SessionOptions;
  #abort: AbortController | undefined;
  /** The running command's terminal input (what `docker run -it`, `exec -it`, `cat` read). */
  #stdin: TtyInput | undefined;
  #running: Promise<void> = Promise.resolve();
  #columns: number;
  #rows: number;

  constructor(options: SessionOptions) {
    this.#o = options;
    this.#columns = options.columns ?? 80;
    this.#rows = options.rows ?? 24;
    const { terminal } = options;
    this.editor = new LineEditor({
      write: options.write,
      columns: options.columns,
      complete: options.complete,
      prompt: () => {
        const p = terminal.prompt();
        return options.decoratePrompt ? options.decoratePrompt(p) : p;
      },
      needsMore: (text) => endsWithContinuation(text) || safeNeedsMore(terminal, text),
      onSubmit: (command) => {
        this.#running = this.#run(command);
      },
      onInterrupt: () => {
        // The tty flushes its input on an interrupt: what was typed for the command is dropped.
        this.#stdin?.unread();
        this.#abort?.abort('SIGINT');
      },
      onRunningInput: (token) => {
        this.#stdin?.input(token);
        return this.#stdin !== undefined;
      },
    });
  }

  start(): void {
    this.editor.start();
  }

  /** Keyboard input from the terminal emulator. */
  input(data: string): void {
    this.editor.feed(data);
  }

  /** The terminal's new size: the editor re-wraps, and commands started from now on format for it. */
  resize(columns: number, rows?: number): void {
    this.#columns = columns;
    if (rows !== undefined) this.#rows = rows;
    this.editor.resize(columns);
  }

  /** Interrupts the running command, if any, as Ctrl-C would (its terminal is going away). */
  interrupt(): void {
    this.#abort?.abort('SIGINT');
  }

  /** Resolves when the command currently running (if any) has finished. */
  get idle(): Promise<void> {
    return this.#running;
  }

  async #run(command: string): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    const out = (chunk: string) => this.editor.output(chunk);
    const stdin = new TtyInput({ columns: this.#columns, rows: this.#rows, redraws: true }, out);
    this.#stdin = stdin;
    this.#o.onCommandStart?.(command);
    let exitCode: number;
    try {
      const io: TerminalIO & { columns?: number; rows?: number } = {
        stdout: out,
        stderr: out,
        stdin,
        signal: abort.signal,
        columns: this.#columns,
        rows: this.#rows,
      };
      exitCode = await this.#o.terminal.run(command, io);
    } catch (e) {
      // The engine promises never to throw; if it does, the page must survive and say so.
      exitCode = 1;
      out(`dockyard: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    } finally {
      this.#abort = undefined;
      this.#stdin = undefined;
    }
    try {
      this.#o.onCommandDone?.(command, exitCode);
    } finally {
      this.editor.done(stdin.unread());
    }
  }
}

/** An odd number of trailing backslashes escapes the newline: the command goes on on the next line. */
export function endsWithContinuation(text: string): boolean {
  const m = /\\+$/.exec(text);
  return m !== null && m[0].length % 2 === 1;
}

function safeNeedsMore(terminal: Terminal, text: string): boolean {
  try {
    return typeof terminal.needsMore === 'function' && terminal.needsMore(text);
  } catch {
    return false;
  }
}
