/**
 * Byte streams between processes. A pipe buffers a bounded amount, so a writer that outruns its reader waits
 * (`yes | head -1` ends), and writing to a pipe whose reader has gone fails with EPIPE (the writer then dies with
 * SIGPIPE, 141, as on Linux).
 */
const encoder = new TextEncoder();

export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

export interface Writable {
  write(data: string | Uint8Array): Promise<void>;
  /** The reader end has closed (writes would fail with EPIPE). */
  readonly broken?: boolean;
  /** Set when this stream is a terminal (`isatty`): programs format for people (ls in columns, colours). */
  readonly tty?: Tty;
}

export interface Tty {
  readonly columns: number;
  readonly rows: number;
  /**
   * False when earlier output cannot be redrawn (a headless transcript): programs that animate in place (pull
   * progress bars, BuildKit's TTY view) print their plain line-by-line form instead, as they do when not on a TTY.
   */
  readonly redraws?: boolean;
}

export interface Readable {
  /** The next chunk, or null at end of file. */
  read(): Promise<Uint8Array | null>;
  /**
   * Set when this stream is a terminal (`isatty(0)`): what is read is typed by a person, so a program that wants
   * data (`docker load` without `-i`) refuses rather than wait for it.
   */
  readonly tty?: Tty;
}

export class BrokenPipeError extends Error {
  override readonly name = 'BrokenPipeError';
  constructor() {
    super('EPIPE: broken pipe');
  }
}

const PIPE_CAPACITY = 64 * 1024;

export class Pipe implements Writable, Readable {
  #chunks: Uint8Array[] = [];
  #buffered = 0;
  #writerClosed = false;
  #readerClosed = false;
  #wakeReader: (() => void) | undefined;
  #wakeWriters: (() => void)[] = [];

  get broken(): boolean {
    return this.#readerClosed;
  }

  async write(data: string | Uint8Array): Promise<void> {
    const bytes = toBytes(data);
    while (!this.#readerClosed && this.#buffered >= PIPE_CAPACITY) {
      await new Promise<void>((resolve) => this.#wakeWriters.push(resolve));
    }
    if (this.#readerClosed) throw new BrokenPipeError();
    if (bytes.length === 0) return;
    this.#chunks.push(bytes);
    this.#buffered += bytes.length;
    this.#wake();
  }

  async read(): Promise<Uint8Array | null> {
    while (this.#chunks.length === 0) {
      if (this.#writerClosed || this.#readerClosed) return null;
      await new Promise<void>((resolve) => (this.#wakeReader = resolve));
    }
    const chunk = this.#chunks.shift()!;
    this.#buffered -= chunk.length;
    for (const w of this.#wakeWriters.splice(0)) w();
    return chunk;
  }

  /** The writer is done: the reader gets end of file once the buffer is drained. */
  closeWrite(): void {
    this.#writerClosed = true;
    this.#wake();
  }

  /** The reader is gone: pending and later writes fail with EPIPE. */
  closeRead(): void {
    this.#readerClosed = true;
    this.#chunks = [];
    this.#buffered = 0;
    for (const w of this.#wakeWriters.splice(0)) w();
    this.#wake();
  }

  #wake(): void {
    const wake = this.#wakeReader;
    this.#wakeReader = undefined;
    wake?.();
  }
}

/** A reader over fixed bytes (a here-document, a file redirected with `<`, a script's stdin). */
export class BytesReader implements Readable {
  #data: Uint8Array | null;
  constructor(data: string | Uint8Array) {
    this.#data = toBytes(data);
  }
  async read(): Promise<Uint8Array | null> {
    const d = this.#data;
    this.#data = null;
    return d && d.length > 0 ? d : null;
  }
}

export const EMPTY_READER: Readable = { read: async () => null };

/** The terminal's keyboard side: reads what `input` gives, and says it is a terminal. */
export function terminalReader(input: Readable, tty: Tty): Readable {
  return { read: () => input.read(), tty };
}

/** Collects everything written to it (command substitution, tests). */
export class Collector implements Writable {
  #chunks: Uint8Array[] = [];
  async write(data: string | Uint8Array): Promise<void> {
    this.#chunks.push(toBytes(data));
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.#chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.#chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
  text(): string {
    return new TextDecoder().decode(this.bytes());
  }
}

/** Discards everything (`> /dev/null`). */
export const NULL_WRITER: Writable = { write: async () => {} };

/** Reads a whole stream. */
export async function readAll(input: Readable): Promise<Uint8Array> {
  const c = new Collector();
  for (let chunk = await input.read(); chunk; chunk = await input.read()) await c.write(chunk);
  return c.bytes();
}

/** Reads a stream line by line (each line without its newline); the last line may lack one. */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = '';
  for (let chunk = await input.read(); chunk; chunk = await input.read()) {
    pending += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      yield pending.slice(0, nl);
      pending = pending.slice(nl + 1);
    }
  }
  pending += decoder.decode();
  if (pending.length > 0) yield pending;
}
