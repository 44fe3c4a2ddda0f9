import type { Readable } from '../../programs/streams.ts';

/**
 * Reads a byte stream in the pieces a protocol needs (a line, n bytes, the rest) however the peer's writes were
 * cut: a request line may arrive in two chunks, or a head and its body in one.
 */
export class BufferedReader {
  #buffer: Uint8Array = new Uint8Array(0);
  #eof = false;

  constructor(private readonly input: Readable) {}

  /** Bytes already received and not yet consumed. */
  get buffered(): number {
    return this.#buffer.length;
  }

  /** True once the peer has closed and everything it sent has been consumed. */
  async atEnd(): Promise<boolean> {
    if (this.#buffer.length > 0) return false;
    await this.#fill();
    return this.#buffer.length === 0;
  }

  /**
   * The next line without its CRLF (or bare LF, which HTTP parsers tolerate), as latin1 so that any byte survives;
   * null at end of stream. A line longer than `max` bytes throws LineTooLong.
   */
  async readLine(max = 16 * 1024): Promise<string | null> {
    for (let scanned = 0; ; ) {
      const nl = this.#buffer.indexOf(10, scanned);
      if (nl >= 0) {
        const end = nl > 0 && this.#buffer[nl - 1] === 13 ? nl - 1 : nl;
        const line = latin1(this.#buffer.subarray(0, end));
        this.#buffer = this.#buffer.subarray(nl + 1);
        return line;
      }
      if (this.#buffer.length > max) throw new LineTooLong();
      scanned = this.#buffer.length;
      if (!(await this.#fill())) {
        if (this.#buffer.length === 0) return null;
        const line = latin1(this.#buffer);
        this.#buffer = new Uint8Array(0);
        return line;
      }
    }
  }

  /** Exactly `n` bytes, or fewer if the stream ends first (the caller decides whether that is an error). */
  async readBytes(n: number): Promise<Uint8Array> {
    while (this.#buffer.length < n && (await this.#fill()));
    const out = this.#buffer.slice(0, n);
    this.#buffer = this.#buffer.subarray(out.length);
    return out;
  }

  /** Whatever arrives next (what is buffered, else one read), or null at end of stream. */
  async readSome(): Promise<Uint8Array | null> {
    if (this.#buffer.length === 0 && !(await this.#fill())) return null;
    const out = this.#buffer;
    this.#buffer = new Uint8Array(0);
    return out;
  }

  /** Everything until the peer closes. */
  async readToEnd(): Promise<Uint8Array> {
    while (await this.#fill());
    const out = this.#buffer;
    this.#buffer = new Uint8Array(0);
    return out;
  }

  async #fill(): Promise<boolean> {
    if (this.#eof) return false;
    const chunk = await this.input.read();
    if (chunk === null) {
      this.#eof = true;
      return false;
    }
    const joined = new Uint8Array(this.#buffer.length + chunk.length);
    joined.set(this.#buffer);
    joined.set(chunk, this.#buffer.length);
    this.#buffer = joined;
    return true;
  }
}

export class LineTooLong extends Error {
  override readonly name = 'LineTooLong';
}

export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
