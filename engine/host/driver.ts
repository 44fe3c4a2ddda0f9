import type { VirtualClock } from '../core/clock.ts';
import { macrotask } from '../core/tick.ts';

/** How long a headless foreground command may wait on nothing before it is interrupted as if by Ctrl-C. */
export const HEADLESS_PATIENCE_MS = 10_000;
const MAX_STALLS = 3;

/**
 * Runs `work` to completion on virtual time: whenever it is only waiting on timers, the clock jumps to the next
 * one. When it waits with no timer pending (it would wait forever), the clock moves on by the patience period and
 * `interrupt` is called, exactly what a user pressing Ctrl-C after ten seconds would do. Until a command is
 * interrupted once, it is given the chance to finish; a second stall interrupts again.
 */
export async function driveHeadless<T>(clock: VirtualClock, work: Promise<T>, interrupt: () => void): Promise<T> {
  let settled = false;
  const watched = work.finally(() => {
    settled = true;
  });
  // Keep an unhandled rejection from surfacing here; the caller gets it from `watched`.
  watched.catch(() => {});
  let stalls = 0;
  while (!settled) {
    await macrotask();
    if (settled) break;
    const next = clock.nextTimerAt();
    if (next !== undefined) {
      clock.advanceTo(next);
    } else if (++stalls > MAX_STALLS) {
      // A program that ignores Ctrl-C would hang the run; headless runs must always end.
      throw new Error('the command did not stop after being interrupted');
    } else {
      clock.advance(HEADLESS_PATIENCE_MS);
      interrupt();
    }
  }
  return watched;
}
