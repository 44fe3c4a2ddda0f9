import type { VirtualClock } from './clock.ts';

/**
 * Awaits `work` that takes real time (fetching a code chunk) by yielding on the clock meanwhile: a headless driver
 * then sees work in progress rather than a process waiting on a timer, so it neither moves the clock nor interrupts,
 * and the same script prints the same bytes however fast the machine loads code.
 */
export async function whileLoading<T>(clock: VirtualClock, work: Promise<T>): Promise<T> {
  let done = false;
  work.then(
    () => (done = true),
    () => (done = true),
  );
  // Work already done (a chunk loaded earlier) settles within a microtask: no need to give up a macrotask turn.
  await undefined;
  while (!done) await clock.yield();
  return work;
}

/** A loader that runs once: later calls share its promise, unless it failed (a fetch while offline), then it retries. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
}
