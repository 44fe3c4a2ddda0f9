import type { VirtualClock } from './clock.ts';

/**
 * Long synchronous work (hashing a layer's tar, walking a large tree) split into slices, with a `clock.yield()`
 * between them so the page keeps painting and taking keys. Slices are measured in units of work (bytes hashed),
 * never in real time: where the yields fall is then the same on every machine, and a headless run, which does not
 * move the clock while something yields, prints the same bytes.
 */
export class WorkSlicer {
  #spent = 0;

  constructor(
    private readonly clock: VirtualClock,
    /** Units of work between two yields, sized to a few milliseconds on a slow laptop. */
    private readonly budget: number,
  ) {}

  /** Counts `units` of work done; yields when a slice is used up. */
  async spend(units: number): Promise<void> {
    this.#spent += units;
    if (this.#spent < this.budget) return;
    this.#spent = 0;
    await this.clock.yield();
  }
}

/**
 * Long synchronous work written as a generator that yields once per unit (an instruction, a file): run straight
 * through where nothing waits (the editor, tests), or sliced, with a pause every `every` units.
 */
export type Steps<T = void> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runStepsSliced<T>(steps: Steps<T>, pause: () => Promise<void>, every: number): Promise<T> {
  for (let n = 1; ; n++) {
    const step = steps.next();
    if (step.done) return step.value;
    if (n % every === 0) await pause();
  }
}
