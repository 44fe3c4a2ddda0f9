import { macrotask } from './tick.ts';

/**
 * The virtual clock. Nothing in the engine reads the real time: headless runs move this clock by fixed steps and
 * by `sleep`, the page moves it from real time. Timers fire in time order (then in the order they were set) as the
 * clock is advanced, which is what makes background processes deterministic.
 */

/**
 * Monday 2025-07-14T09:00:00Z: a fixed start for every new machine, a few weeks after Docker 28.2.2 and the
 * catalog's images were released, so an image pulled now was created "N weeks ago" as on a real machine then.
 */
export const DEFAULT_EPOCH_MS = Date.UTC(2025, 6, 14, 9, 0, 0);

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
}

export class VirtualClock {
  #now: number;
  #timers: Timer[] = [];
  #seq = 0;
  #yielding = 0;

  constructor(startMs: number = DEFAULT_EPOCH_MS) {
    this.#now = startMs;
  }

  /** Milliseconds since the Unix epoch, virtual. */
  now(): number {
    return this.#now;
  }

  /** Whole seconds since the Unix epoch (file mtimes, `date +%s`). */
  nowSeconds(): number {
    return Math.floor(this.#now / 1000);
  }

  /** Runs `fire` when the clock reaches `at`. Returns a function that cancels the timer. */
  at(at: number, fire: () => void): () => void {
    const timer: Timer = { at: Math.max(at, this.#now), seq: this.#seq++, fire };
    // Sorted insert: timer counts stay small (a few per running process).
    let i = this.#timers.length;
    while (i > 0 && compare(this.#timers[i - 1]!, timer) > 0) i--;
    this.#timers.splice(i, 0, timer);
    return () => {
      const k = this.#timers.indexOf(timer);
      if (k >= 0) this.#timers.splice(k, 1);
    };
  }

  after(ms: number, fire: () => void): () => void {
    return this.at(this.#now + Math.max(0, ms), fire);
  }

  /** Resolves after `ms` virtual milliseconds; rejects with the signal's reason if it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const cancel = this.after(ms, () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      const onAbort = () => {
        cancel();
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Lets the page (or other processes) run before continuing: what a busy loop does every so often. Unlike waiting
   * on a timer this is work in progress, so a headless driver must not mistake it for waiting (see `yielding`).
   */
  async yield(): Promise<void> {
    this.#yielding++;
    try {
      await macrotask();
    } finally {
      this.#yielding--;
    }
  }

  /** How many processes are in the middle of a `yield()`. */
  get yielding(): number {
    return this.#yielding;
  }

  /** When the earliest pending timer is due, or undefined when none is pending. */
  nextTimerAt(): number | undefined {
    return this.#timers[0]?.at;
  }

  /** Moves the clock forward to `target`, firing every timer due on the way, in order. */
  advanceTo(target: number): void {
    while (this.#timers.length > 0 && this.#timers[0]!.at <= target) {
      const timer = this.#timers.shift()!;
      this.#now = Math.max(this.#now, timer.at);
      timer.fire();
    }
    this.#now = Math.max(this.#now, target);
  }

  advance(ms: number): void {
    this.advanceTo(this.#now + ms);
  }

  /** Resets the time (snapshot restore). Pending timers belong to live processes and are kept. */
  set(ms: number): void {
    this.#now = ms;
  }
}

function compare(a: Timer, b: Timer): number {
  return a.at - b.at || a.seq - b.seq;
}
