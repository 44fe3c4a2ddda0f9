import type { VirtualClock } from '../../core/clock.ts';

/**
 * XState's timer interface over the engine's virtual clock, so delayed transitions (the stop timeout, the restart
 * back-off) fire when the virtual clock reaches them, in order with every other timer of the machine.
 */
/** XState's `Clock` (not exported by the package). */
export interface XStateClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export function xstateClock(clock: VirtualClock): XStateClock {
  return {
    setTimeout: (fn: () => void, ms: number) => clock.after(ms, fn),
    clearTimeout: (cancel: unknown) => {
      if (typeof cancel === 'function') cancel();
    },
  };
}
