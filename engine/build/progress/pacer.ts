/**
 * When progressui redraws, on the virtual clock. Display.UpdateFrom redraws on an update only if a rate limiter
 * allows it (one redraw per 100 ms, burst 1), and otherwise from a 150 ms ticker that every update resets. There are
 * no real timers here: the ticks that would have fired between two updates are worked out when the next update (or
 * the end) arrives, which prints the same text in the same order.
 */
export const DISPLAY_INTERVAL_MS = 100;
export const TICKER_INTERVAL_MS = 150;

export class Pacer {
  #tokens = 1;
  #lastAllow: number | undefined;
  #tickFrom: number | undefined;

  /** rate.Limiter.Allow: a token refills every 100 ms, at most one is held. */
  allow(now: number): boolean {
    if (this.#lastAllow !== undefined) this.#tokens = Math.min(1, this.#tokens + Math.max(0, now - this.#lastAllow) / DISPLAY_INTERVAL_MS);
    this.#lastAllow = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return true;
    }
    return false;
  }

  /** The first `n` ticks that fired before `now` since the ticker was last reset, oldest first. */
  ticksBefore(now: number, n: number): number[] {
    const ticks: number[] = [];
    if (this.#tickFrom === undefined) return ticks;
    for (let t = this.#tickFrom + TICKER_INTERVAL_MS; t < now && ticks.length < n; t += TICKER_INTERVAL_MS) ticks.push(t);
    return ticks;
  }

  /** The last tick that fired before `now` since the ticker was last reset. */
  lastTickBefore(now: number): number | undefined {
    if (this.#tickFrom === undefined || this.#tickFrom + TICKER_INTERVAL_MS >= now) return undefined;
    const k = Math.ceil((now - this.#tickFrom) / TICKER_INTERVAL_MS) - 1;
    return this.#tickFrom + k * TICKER_INTERVAL_MS;
  }

  /** ticker.Reset after an update. */
  reset(now: number): void {
    this.#tickFrom = now;
  }
}
