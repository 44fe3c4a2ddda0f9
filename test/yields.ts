import type { VirtualClock } from '../engine/core/clock.ts';

/** Counts the clock's yields from now on (sliced work must give the page turns); returns the count so far. */
export function countYields(clock: VirtualClock): () => number {
  let yields = 0;
  const original = clock.yield.bind(clock);
  clock.yield = async () => {
    yields++;
    await original();
  };
  return () => yields;
}
