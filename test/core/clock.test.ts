import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, VirtualClock } from '../../engine/core/clock.ts';

describe('VirtualClock', () => {
  it('starts at the fixed epoch and only moves when advanced', () => {
    const clock = new VirtualClock();
    expect(clock.now()).toBe(DEFAULT_EPOCH_MS);
    clock.advance(1500);
    expect(clock.now()).toBe(DEFAULT_EPOCH_MS + 1500);
    expect(clock.nowSeconds()).toBe(Math.floor((DEFAULT_EPOCH_MS + 1500) / 1000));
  });

  it('fires timers in time order, then in the order they were set', () => {
    const clock = new VirtualClock(0);
    const fired: string[] = [];
    clock.after(30, () => fired.push('c'));
    clock.after(10, () => fired.push('a'));
    clock.after(10, () => fired.push('b'));
    clock.advance(20);
    expect(fired).toEqual(['a', 'b']);
    clock.advance(20);
    expect(fired).toEqual(['a', 'b', 'c']);
  });

  it('shows each timer the time it was due, and timers set while firing run in the same advance', () => {
    const clock = new VirtualClock(0);
    const seen: number[] = [];
    clock.after(10, () => {
      seen.push(clock.now());
      clock.after(5, () => seen.push(clock.now()));
    });
    clock.advance(100);
    expect(seen).toEqual([10, 15]);
    expect(clock.now()).toBe(100);
  });

  it('cancels timers', () => {
    const clock = new VirtualClock(0);
    let fired = false;
    const cancel = clock.after(10, () => (fired = true));
    cancel();
    clock.advance(50);
    expect(fired).toBe(false);
    expect(clock.nextTimerAt()).toBeUndefined();
  });

  it('sleep resolves when the clock passes its deadline and rejects when aborted', async () => {
    const clock = new VirtualClock(0);
    let done = false;
    const p = clock.sleep(1000).then(() => (done = true));
    clock.advance(999);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await p;
    expect(done).toBe(true);

    const ac = new AbortController();
    const q = clock.sleep(1000, ac.signal);
    ac.abort('SIGINT');
    await expect(q).rejects.toBe('SIGINT');
    expect(clock.nextTimerAt()).toBeUndefined();
  });
});
