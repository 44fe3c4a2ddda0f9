import { describe, expect, it } from 'vitest';
import { driveClock, type ClockDriverEnv } from '../../src/clock-driver.ts';

function fakeEnv() {
  let now = 0;
  let visible = true;
  let tick: (() => void) | undefined;
  let onVisibility: (() => void) | undefined;
  const env: ClockDriverEnv = {
    now: () => now,
    setInterval: (fire) => {
      tick = fire;
      return 1;
    },
    clearInterval: () => {
      tick = undefined;
    },
    isVisible: () => visible,
    onVisibilityChange: (l) => {
      onVisibility = l;
      return () => (onVisibility = undefined);
    },
  };
  return {
    env,
    elapse(ms: number) {
      now += ms;
      tick?.();
    },
    setVisible(v: boolean) {
      visible = v;
      onVisibility?.();
    },
    get running() {
      return tick !== undefined;
    },
  };
}

describe('driveClock', () => {
  it('advances the clock by real elapsed time, capped per step', () => {
    const f = fakeEnv();
    const steps: number[] = [];
    const stop = driveClock({ advance: (ms) => steps.push(ms) }, { env: f.env, maxStepMs: 1000 });
    f.elapse(100);
    f.elapse(120);
    f.elapse(5000);
    expect(steps).toEqual([100, 120, 1000]);
    stop();
    expect(f.running).toBe(false);
  });

  it('does not count time while the page is hidden', () => {
    const f = fakeEnv();
    const steps: number[] = [];
    driveClock({ advance: (ms) => steps.push(ms) }, { env: f.env });
    f.setVisible(false);
    f.elapse(100);
    f.elapse(60_000);
    f.setVisible(true);
    f.elapse(100);
    expect(steps).toEqual([100]);
  });

  it('reports errors from timers and keeps going', () => {
    const f = fakeEnv();
    const errors: unknown[] = [];
    let calls = 0;
    driveClock(
      {
        advance: () => {
          if (++calls === 1) throw new Error('boom');
        },
      },
      { env: f.env, onError: (e) => errors.push(e) },
    );
    f.elapse(100);
    f.elapse(100);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
