/**
 * The terminal's input side while a command runs, as a Linux tty in canonical mode gives it: keys are echoed as they
 * are typed, Backspace and Ctrl-U edit the line, Enter hands the line (with its newline) to the program reading
 * stdin, Ctrl-D ends input (end of file on an empty line). What no program read before the command ended goes back
 * to the shell, as typeahead does. No DOM: the session passes keys in and echo out.
 */
import type { Readable, Tty } from '../../engine/programs/streams.ts';
import type { InputToken } from './input.ts';

const encoder = new TextEncoder();

export class TtyInput implements Readable {
  readonly tty: Tty;
  /** Lines entered and not read yet (each ends with '\n', except one cut short by Ctrl-D). */
  #lines: string[] = [];
  #partial = '';
  #eof = false;
  #wake: (() => void) | undefined;
  readonly #echo: (text: string) => void;

  constructor(tty: Tty, echo: (text: string) => void) {
    this.tty = tty;
    this.#echo = echo;
  }

  async read(): Promise<Uint8Array | null> {
    while (this.#lines.length === 0 && !this.#eof) await new Promise<void>((resolve) => (this.#wake = resolve));
    if (this.#lines.length > 0) return encoder.encode(this.#lines.shift()!);
    // One end of file per Ctrl-D: a shell that reads again waits for more, as on a real terminal.
    this.#eof = false;
    return null;
  }

  /** A key or a paste typed while the command runs. */
  input(token: InputToken): void {
    if (token.type === 'paste') {
      for (const ch of token.text.replace(/\r\n?/g, '\n')) this.#key(ch === '\n' ? '\r' : ch);
      return;
    }
    this.#key(token.key);
  }

  /** What was typed and never read, to give back to the shell when the command ends. */
  unread(): string {
    const text = this.#lines.join('') + this.#partial;
    this.#lines = [];
    this.#partial = '';
    return text;
  }

  #key(key: string): void {
    if (key === '\r' || key === '\n') {
      this.#echo('\r\n');
      this.#lines.push(`${this.#partial}\n`);
      this.#partial = '';
      this.#notify();
    } else if (key === '\x04') {
      if (this.#partial === '') this.#eof = true;
      else this.#lines.push(this.#partial);
      this.#partial = '';
      this.#notify();
    } else if (key === '\x7f' || key === '\b') {
      if (this.#partial === '') return;
      const chars = [...this.#partial];
      chars.pop();
      this.#partial = chars.join('');
      this.#echo('\b \b');
    } else if (key === '\x15') {
      this.#echo('\b \b'.repeat([...this.#partial].length));
      this.#partial = '';
    } else if (key.length === 1 && key < ' ') {
      // Other control keys: shown as ^X, as the tty's echoctl does, and kept.
      this.#echo(`^${String.fromCharCode(key.charCodeAt(0) + 64)}`);
      this.#partial += key;
    } else if (!key.startsWith('\x1b')) {
      this.#partial += key;
      this.#echo(key);
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
