/**
 * Writes session files in a worker (file-worker.ts), so saving never holds the page up; where no worker can run (it
 * failed to load, or the browser has none) the same function runs here instead, and the save still happens.
 */
import type { FileRequest, FileResponse } from './file-worker.ts';

type Wrap = (payload: readonly Uint8Array[]) => Uint8Array;

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

  /** `start` stands in for the real worker in tests. */
  constructor(start?: () => Worker) {
    this.#start = start;
  }

  /** The session file for `payload`; `wrap` is the same step, for when it has to run on this thread. */
  write(payload: readonly Uint8Array[], wrap: Wrap): Promise<Uint8Array> {
    const worker = this.#worker ?? this.#open();
    if (!worker) return Promise.resolve().then(() => wrap(payload));
    return new Promise((resolve, reject) => {
      const id = this.#next++;
      this.#waiting.set(id, { payload, wrap, resolve, reject });
      // Copied, not transferred: if the worker dies, the payload is still here to wrap on this thread.
      worker.postMessage({ id, payload } satisfies FileRequest);
    });
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
