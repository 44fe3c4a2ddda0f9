import type { VirtualClock } from '../core/clock.ts';
import { settleBackground } from '../host/driver.ts';

/**
 * Moves the clock to `target` one timer at a time, letting background work (servers, restart back-off) react to
 * each before the next fires, as it would while a person waits.
 */
export async function advanceSettled(clock: VirtualClock, target: number): Promise<void> {
  await settleBackground(clock);
  for (let next = clock.nextTimerAt(); next !== undefined && next <= target; next = clock.nextTimerAt()) {
    clock.advanceTo(next);
    await settleBackground(clock);
  }
  clock.advanceTo(target);
  await settleBackground(clock);
}
