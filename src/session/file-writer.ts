/**
 * Writes session files in a worker (file-worker.ts), so saving never holds the page up; where no worker can run (it
 * failed to load, or the browser has none) the same function runs here instead, and the save still happens.
 */
import type { FileRequest, FileResponse } from './file-worker.ts';

type Wrap = (payload: readonly Uint8Array[]) => Uint8Array;

/** Bytes posted to the worker in one message: a few milliseconds of copying. */
const PART_BYTES = 4 * 1024 * 1024;

interface Waiting {
  readonly payload: readonly Uint8Array[];
  readonly wrap: Wrap;
  resolve(file: Uint8Array): void;
  reject(error: Error): void;
}

export class SessionFileWriter {
  #worker: Worker | undefined;
  #failed = false;
  #next = 1;
  readonly #waiting = new Map<number, Waiting>();
  readonly #start: (() => Worker) | undefined;

  readonly #pause: () => Promise<void>;

  /** `start` stands in for the real worker in tests; `pause` gives the page a turn between two parts. */
  constructor(start?: () => Worker, pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))) {
    this.#start = start;
    this.#pause = pause;
  }

  /** The session file for `payload`; `wrap` is the same step, for when it has to run on this thread. */
  write(payload: readonly Uint8Array[], wrap: Wrap): Promise<Uint8Array> {
    const worker = this.#worker ?? this.#open();
    if (!worker) return Promise.resolve().then(() => wrap(payload));
    const id = this.#next++;
    const done = new Promise<Uint8Array>((resolve, reject) => this.#waiting.set(id, { payload, wrap, resolve, reject }));
    void this.#send(worker, id, payload);
    return done;
  }

  /**
   * Posts the payload a few megabytes at a time with a turn for the page between: each message is copied on this
   * thread, and a session of 100 MB in one message held the page for a third of a second. Copied, not transferred:
   * if the worker dies, the payload is still here to wrap on this thread.
   */
  async #send(worker: Worker, id: number, payload: readonly Uint8Array[]): Promise<void> {
    let part: Uint8Array[] = [];
    let bytes = 0;
    for (let i = 0; i < payload.length; i++) {
      part.push(payload[i]!);
      bytes += payload[i]!.length;
      const last = i === payload.length - 1;
      if (bytes < PART_BYTES && !last) continue;
      if (this.#worker !== worker) return; // it failed meanwhile: the payload was wrapped here
      worker.postMessage({ id, part, last } satisfies FileRequest);
      if (last) return;
      part = [];
      bytes = 0;
      await this.#pause();
    }
    if (payload.length === 0 && this.#worker === worker) worker.postMessage({ id, part: [], last: true } satisfies FileRequest);
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#failed = true;
    for (const w of this.#waiting.values()) w.reject(new Error('the page closed the session'));
    this.#waiting.clear();
  }

  #open(): Worker | undefined {
    if (this.#failed || (!this.#start && typeof Worker === 'undefined')) return undefined;
    try {
      // Vite bundles the worker from this very expression (a module worker, allowed by the page's worker-src 'self').
      const worker = this.#start ? this.#start() : new Worker(new URL('./file-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<FileResponse>) => this.#answer(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        this.#fallBack();
      };
      this.#worker = worker;
      return worker;
    } catch {
      this.#failed = true;
      return undefined;
    }
  }

  #answer(response: FileResponse): void {
    const waiting = this.#waiting.get(response.id);
    if (!waiting) return;
    this.#waiting.delete(response.id);
    if ('file' in response) waiting.resolve(response.file);
    else waiting.reject(new Error(response.error));
  }

  /** The worker could not load or crashed: what it was given is wrapped here, and so is everything after. */
  #fallBack(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#failed = true;
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const w of waiting) {
      try {
        w.resolve(w.wrap(w.payload));
      } catch (e) {
        w.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }
}
