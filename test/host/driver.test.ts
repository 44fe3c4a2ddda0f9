import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/core/clock.ts';
import { driveHeadless, IgnoredInterrupt, HEADLESS_MAX_RUN_MS, HEADLESS_PATIENCE_MS, settleBackground } from '../../engine/host/driver.ts';

describe('driveHeadless', () => {
  it('jumps the clock over sleeps instead of waiting', async () => {
    const clock = new VirtualClock(0);
    const work = (async () => {
      await clock.sleep(30_000);
      await clock.sleep(5_000);
      return 'done';
    })();
    expect(await driveHeadless(clock, work, () => {})).toBe('done');
    expect(clock.now()).toBe(35_000);
  });

  it('interrupts, after the patience period, a command waiting on nothing', async () => {
    const clock = new VirtualClock(0);
    const ac = new AbortController();
    const work = new Promise<number>((resolve) => ac.signal.addEventListener('abort', () => resolve(130)));
    expect(await driveHeadless(clock, work, () => ac.abort('SIGINT'))).toBe(130);
    expect(clock.now()).toBe(HEADLESS_PATIENCE_MS);
  });

  it('interrupts a polling loop that never ends', async () => {
    const clock = new VirtualClock(0);
    const ac = new AbortController();
    const work = (async () => {
      for (;;) {
        try {
          await clock.sleep(1_000, ac.signal);
        } catch {
          return 130;
        }
      }
    })();
    expect(await driveHeadless(clock, work, () => ac.abort('SIGINT'))).toBe(130);
    expect(clock.now()).toBe(HEADLESS_MAX_RUN_MS);
  });

  it('gives up on a command that ignores the interrupt instead of hanging', async () => {
    const clock = new VirtualClock(0);
    await expect(driveHeadless(clock, new Promise(() => {}), () => {})).rejects.toThrow(IgnoredInterrupt);
  });
});

describe('settleBackground', () => {
  it('waits for background work that takes real time (yielding while it loads)', async () => {
    const clock = new VirtualClock(0);
    let loaded = false;
    // A runtime loading in the background: real time, reported by yielding until it is there.
    const load = new Promise<void>((resolve) => setTimeout(resolve, 30));
    void load.then(() => (loaded = true));
    void (async () => {
      while (!loaded) await clock.yield();
    })();
    await settleBackground(clock);
    expect(loaded).toBe(true);
  });
});

