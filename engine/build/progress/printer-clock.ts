import type { Now } from './sink.ts';
import type { SolveStatus } from './types.ts';

/**
 * The printer's idea of "now": the clock when one is given, else the latest time an update mentions (BuildKit's
 * client uses the wall clock; the builder here stamps everything with the virtual clock, so the two agree).
 */
export class PrinterClock {
  #latest = -Infinity;

  constructor(private readonly now?: Now) {}

  observe(s: SolveStatus): number {
    for (const v of s.vertexes) this.#see(v.started, v.completed);
    for (const st of s.statuses) this.#see(st.started, st.completed, st.timestamp);
    for (const l of s.logs) this.#see(l.timestamp);
    return this.read();
  }

  /** Moves to `at` (the end of the build) unless the clock already says later. */
  advance(at: number): number {
    this.#see(at);
    return this.read();
  }

  read(): number {
    if (this.now) return this.now();
    return Number.isFinite(this.#latest) ? this.#latest : 0;
  }

  #see(...times: (number | undefined)[]): void {
    for (const t of times) if (t !== undefined && t > this.#latest) this.#latest = t;
  }
}
