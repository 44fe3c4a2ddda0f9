import { describe, expect, test } from 'vitest';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { harness, ok, phase, restored } from './harness.ts';

/** Saves through JSON, as an engine snapshot would, and brings it back on a clock at the same time. */
function roundTrip(h: ReturnType<typeof harness>) {
  const saved = JSON.parse(JSON.stringify(h.lifecycle.snapshot()));
  h.lifecycle.dispose();
  const clock = new VirtualClock(h.clock.now());
  return restored(saved, clock);
}

describe('snapshot and restore', () => {
  test('the state and its fields survive JSON', () => {
    const h = harness({ restartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 } });
    ok(h, { type: 'START' });
    h.clock.advance(1_000);
    ok(h, { type: 'PROCESS_EXITED', code: 2 });
    h.clock.advance(100);
    ok(h, { type: 'PAUSE' });
    const before = h.lifecycle.state();
    const back = roundTrip(h);
    expect(back.lifecycle.state()).toEqual(before);
    expect(back.effects).toEqual([]);
    ok(back, { type: 'UNPAUSE' });
    expect(back.effects).toEqual(['unpause']);
  });

  test('a pending stop timeout resumes with the time that was left', () => {
    const h = harness({ stopTimeout: 10 });
    ok(h, { type: 'START' });
    ok(h, { type: 'STOP' });
    h.clock.advance(4_000);
    const back = roundTrip(h);
    expect(phase(back)).toBe('running.stopping');
    back.clock.advance(5_999);
    expect(back.effects).toEqual([]);
    back.clock.advance(1);
    expect(back.effects).toEqual(['signal SIGKILL']);
    expect(phase(back)).toBe('running.killing');
  });

  test('a pending restart back-off resumes, and the count and delay carry on', () => {
    const h = harness({ restartPolicy: { Name: 'always', MaximumRetryCount: 0 } });
    ok(h, { type: 'START' });
    ok(h, { type: 'PROCESS_EXITED', code: 1 });
    h.clock.advance(100);
    ok(h, { type: 'PROCESS_EXITED', code: 1 });
    h.clock.advance(50);
    const back = roundTrip(h);
    expect(back.lifecycle.state()).toMatchObject({ Status: 'restarting', RestartCount: 2 });
    back.clock.advance(150);
    expect(back.effects).toEqual(['start']);
    ok(back, { type: 'PROCESS_EXITED', code: 1 });
    expect(back.clock.nextTimerAt()! - back.clock.now()).toBe(400);
  });

  test('the original actor’s timers die with it', () => {
    const h = harness();
    ok(h, { type: 'START' });
    ok(h, { type: 'STOP' });
    h.lifecycle.dispose();
    h.clock.advance(60_000);
    expect(h.effects).toEqual(['start', 'signal SIGTERM']);
  });

  test('the same events give the same snapshot', () => {
    const run = () => {
      const h = harness({ restartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 } });
      ok(h, { type: 'START' });
      h.clock.advance(700);
      ok(h, { type: 'PROCESS_EXITED', code: 9 });
      h.clock.advance(100);
      ok(h, { type: 'RESTART', timeout: 1 });
      h.clock.advance(1_000);
      return JSON.stringify(h.lifecycle.snapshot());
    };
    expect(run()).toBe(run());
  });
});
