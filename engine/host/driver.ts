import type { VirtualClock } from '../core/clock.ts';
import { macrotask } from '../core/tick.ts';

/** How long a headless foreground command may wait on nothing before it is interrupted as if by Ctrl-C. */
export const HEADLESS_PATIENCE_MS = 10_000;
/**
 * The longest a headless foreground command may run on virtual time. A polling loop (`until curl ...; do sleep 1;
 * done`) whose condition never comes true would otherwise keep a grading run going for ever.
 */
export const HEADLESS_MAX_RUN_MS = 10 * 60_000;
const MAX_STALLS = 3;

/**
 * Runs `work` to completion on virtual time: whenever it is only waiting on timers, the clock jumps to the next
 * one. When it waits with no timer pending (it would wait forever), the clock moves on by the patience period and
 * `interrupt` is called, exactly what a user pressing Ctrl-C after ten seconds would do; the same happens when the
 * command has run for HEADLESS_MAX_RUN_MS.
 */
export async function driveHeadless<T>(clock: VirtualClock, work: Promise<T>, interrupt: () => void): Promise<T> {
  let settled = false;
  const watched = work.finally(() => {
    settled = true;
  });
  // Keep an unhandled rejection from surfacing here; the caller gets it from `watched`.
  watched.catch(() => {});
  const deadline = clock.now() + HEADLESS_MAX_RUN_MS;
  let stalls = 0;
  while (!settled) {
    await macrotask();
    if (settled) break;
    if (clock.yielding > 0) continue;
    const next = clock.nextTimerAt();
    if (next !== undefined && next <= deadline) {
      clock.advanceTo(next);
      continue;
    }
    if (++stalls > MAX_STALLS) {
      // A program that ignores Ctrl-C (a container whose PID 1 has no SIGINT handler) would hang the run; headless
      // runs must always end, so the transcript moves on and leaves the command running, as a user would by opening
      // another terminal.
      throw new IgnoredInterrupt();
    }
    // `sleep infinity` waits forever as surely as a read from a silent terminal does.
    const forever = next === undefined || next === Infinity;
    clock.advanceTo(forever ? clock.now() + HEADLESS_PATIENCE_MS : deadline);
    interrupt();
  }
  return watched;
}

/** Macrotask turns with nothing yielding that count as "the background has settled". */
const QUIET_TURNS = 5;
/** A bound on the wait, so a background program that keeps yielding (a busy loop) cannot hold a run for ever. */
const MAX_SETTLE_TURNS = 200_000;

/**
 * Lets background work that takes real time finish before a headless run types its next command: a container's
 * node loading its runtime, mongosh's sandbox. Without this, what `docker logs` shows right after `docker run -d`
 * would depend on how fast the machine running the transcript is, and the same script would not print the same bytes.
 */
export async function settleBackground(clock: VirtualClock): Promise<void> {
  for (let turns = 0, quiet = 0; quiet < QUIET_TURNS && turns < MAX_SETTLE_TURNS; turns++) {
    await macrotask();
    quiet = clock.yielding > 0 ? 0 : quiet + 1;
  }
}

/** The foreground command kept running through every Ctrl-C: the headless run stops waiting for it. */
export class IgnoredInterrupt extends Error {
  override readonly name = 'IgnoredInterrupt';
  constructor() {
    super('the command kept running after Ctrl-C; this transcript stops waiting for it and goes on');
  }
}
