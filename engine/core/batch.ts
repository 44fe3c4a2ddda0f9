import { macrotask } from './tick.ts';

/**
 * `fire` at most once per macrotask however often the result is called: a command writing a thousand files in one
 * step announces one change, and a long one that yields between steps announces one per step, as it goes.
 */
export function oncePerMacrotask(fire: () => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    void macrotask().then(() => {
      scheduled = false;
      fire();
    });
  };
}
