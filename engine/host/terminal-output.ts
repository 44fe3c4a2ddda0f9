import type { Tty, Writable } from '../programs/streams.ts';

/**
 * A process's stdout or stderr when it is the terminal: bytes are decoded as UTF-8 (a character split across two
 * writes is held back until complete) and handed to the page or the transcript as text.
 */
export class TerminalWriter implements Writable {
  readonly #decoder = new TextDecoder();
  constructor(
    private readonly sink: (text: string) => void,
    readonly tty: Tty,
  ) {}

  async write(data: string | Uint8Array): Promise<void> {
    const text = typeof data === 'string' ? data : this.#decoder.decode(data, { stream: true });
    if (text) this.sink(text);
  }
}
