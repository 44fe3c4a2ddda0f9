import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/core/clock.ts';
import { WorkSlicer } from '../../engine/core/slicer.ts';
import { countYields } from '../yields.ts';

describe('WorkSlicer', () => {
  it('yields on the clock once per budget of work, without moving it', async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const yields = countYields(clock);
    const slicer = new WorkSlicer(clock, 100);
    for (let i = 0; i < 10; i++) await slicer.spend(30);
    // 300 units: a yield after 120 (then the count starts again), after 240; 60 are left over.
    expect(yields()).toBe(2);
    expect(clock.now()).toBe(start);
  });
});
