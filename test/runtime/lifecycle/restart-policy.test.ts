import { describe, expect, test } from 'vitest';
import { DockerError } from '../../../engine/core/errors.ts';
import type { LifecycleInit, RestartPolicy } from '../../../engine/runtime/lifecycle/index.ts';
import { parseRestartPolicy } from '../../../engine/runtime/lifecycle/index.ts';
import { harness, ok, phase, type Harness } from './harness.ts';

const policy = (text: string): Partial<LifecycleInit> => ({ restartPolicy: parseRestartPolicy(text) });

/** Runs the program and lets it exit with `code` after `ranMs`, then reports when it was started again. */
function crash(h: Harness, code: number, ranMs = 0): void {
  h.clock.advance(ranMs);
  ok(h, { type: 'PROCESS_EXITED', code });
}

describe('--restart values', () => {
  test.each<[string, RestartPolicy]>([
    ['no', { Name: 'no', MaximumRetryCount: 0 }],
    ['always', { Name: 'always', MaximumRetryCount: 0 }],
    ['unless-stopped', { Name: 'unless-stopped', MaximumRetryCount: 0 }],
    ['on-failure', { Name: 'on-failure', MaximumRetryCount: 0 }],
    ['on-failure:3', { Name: 'on-failure', MaximumRetryCount: 3 }],
  ])('%s', (text, expected) => expect(parseRestartPolicy(text)).toEqual(expected));

  test.each([
    ['on-failure:x', 'invalid restart policy format: maximum retry count must be an integer'],
    [':3', 'invalid restart policy format: no policy provided before colon'],
    ['always:3', "Error response from daemon: invalid restart policy: maximum retry count can only be used with 'on-failure'"],
    ['on-failure:-1', 'Error response from daemon: invalid restart policy: maximum retry count cannot be negative'],
    [
      'sometimes',
      "Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
    ],
  ])('%s is refused', (text, message) => {
    const error = (() => {
      try {
        parseRestartPolicy(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DockerError);
    expect((error as DockerError).message).toBe(message);
    expect((error as DockerError).exitCode).toBe(125);
  });
});

describe('restart policies', () => {
  test('no: an exit is final', () => {
    const h = harness();
    ok(h, { type: 'START' });
    crash(h, 1);
    h.clock.advance(120_000);
    expect(h.lifecycle.state()).toMatchObject({ Status: 'exited', ExitCode: 1, RestartCount: 0 });
  });

  test('always restarts on success too, and shows Restarting with the last exit code meanwhile', () => {
    const h = harness(policy('always'));
    ok(h, { type: 'START' });
    crash(h, 0);
    expect(h.lifecycle.state()).toMatchObject({ Status: 'restarting', ExitCode: 0, RestartCount: 1, Running: true });
    h.clock.advance(100);
    expect(h.lifecycle.state()).toMatchObject({ Status: 'running', RestartCount: 1 });
    expect(h.effects).toEqual(['start', 'start']);
  });

  test('on-failure ignores a clean exit and gives up after its maximum', () => {
    const clean = harness(policy('on-failure'));
    ok(clean, { type: 'START' });
    crash(clean, 0);
    expect(phase(clean)).toBe('exited');

    const h = harness(policy('on-failure:2'));
    ok(h, { type: 'START' });
    crash(h, 3);
    h.clock.advance(100);
    crash(h, 3);
    h.clock.advance(200);
    crash(h, 3);
    expect(h.lifecycle.state()).toMatchObject({ Status: 'exited', ExitCode: 3, RestartCount: 2 });
    h.clock.advance(120_000);
    expect(h.effects.filter((e) => e === 'start')).toHaveLength(3);
  });

  test('docker stop ends automatic restarts until the next start, even for always', () => {
    const h = harness(policy('always'));
    ok(h, { type: 'START' });
    ok(h, { type: 'STOP' });
    crash(h, 143);
    h.clock.advance(120_000);
    expect(phase(h)).toBe('exited');
    ok(h, { type: 'START' });
    crash(h, 1);
    expect(phase(h)).toBe('restarting');
  });

  test('docker kill with a signal that is not the stop signal leaves restarts on', () => {
    const h = harness({ ...policy('always'), stopSignal: 'SIGQUIT' });
    ok(h, { type: 'START' });
    ok(h, { type: 'KILL', signal: 'SIGHUP' });
    crash(h, 129);
    expect(phase(h)).toBe('restarting');
  });

  test('unless-stopped: a signal that does not end restarts still counts as a manual stop', () => {
    const h = harness({ ...policy('unless-stopped'), stopSignal: 'SIGQUIT' });
    ok(h, { type: 'START' });
    ok(h, { type: 'KILL', signal: 'SIGHUP' });
    crash(h, 129);
    expect(phase(h)).toBe('exited');
  });

  test('docker stop of a restarting container cancels the pending start and keeps the exit code', () => {
    const h = harness(policy('always'));
    ok(h, { type: 'START' });
    crash(h, 4);
    ok(h, { type: 'STOP' });
    h.clock.advance(120_000);
    expect(h.lifecycle.state()).toMatchObject({ Status: 'exited', ExitCode: 4, RestartCount: 1 });
    expect(h.clock.nextTimerAt()).toBeUndefined();
  });
});

describe('restart back-off on the virtual clock', () => {
  /** When each start happened, for a program that dies after `ranMs` every time. */
  function startTimes(count: number, ranMs: (i: number) => number): number[] {
    const h = harness(policy('always'));
    const starts: number[] = [];
    const lifecycle = h.lifecycle;
    ok(h, { type: 'START' });
    starts.push(h.clock.now());
    for (let i = 0; i < count; i++) {
      crash(h, 1, ranMs(i));
      const next = h.clock.nextTimerAt();
      expect(next).toBeDefined();
      h.clock.advanceTo(next!);
      expect(lifecycle.state().Status).toBe('running');
      starts.push(h.clock.now());
    }
    return starts;
  }

  test('100 ms, doubling', () => {
    const starts = startTimes(5, () => 0);
    expect(starts).toEqual([0, 100, 300, 700, 1_500, 3_100]);
  });

  test('the delay is capped at one minute', () => {
    const starts = startTimes(12, () => 0);
    const delays = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(delays).toEqual([100, 200, 400, 800, 1_600, 3_200, 6_400, 12_800, 25_600, 51_200, 60_000, 60_000]);
  });

  test('a run of 10 s resets it to 100 ms; a run of 9.999 s does not', () => {
    const ran = [0, 0, 0, 10_000, 0, 9_999];
    const starts = startTimes(ran.length, (i) => ran[i]!);
    const delays = starts.slice(1).map((t, i) => t - starts[i]! - ran[i]!);
    expect(delays).toEqual([100, 200, 400, 100, 200, 400]);
  });

  test('a manual start resets RestartCount and the back-off', () => {
    const h = harness(policy('always'));
    ok(h, { type: 'START' });
    crash(h, 1);
    h.clock.advance(100);
    crash(h, 1);
    expect(h.lifecycle.state().RestartCount).toBe(2);
    ok(h, { type: 'STOP' });
    ok(h, { type: 'START' });
    expect(h.lifecycle.state().RestartCount).toBe(0);
    crash(h, 1);
    expect(h.clock.nextTimerAt()! - h.clock.now()).toBe(100);
  });
});

describe('daemon restart', () => {
  /** A container stopped by hand (or not), then the daemon restarts. */
  function afterDaemonRestart(text: string, stoppedByHand: boolean): string {
    const h = harness(policy(text));
    ok(h, { type: 'START' });
    if (stoppedByHand) {
      ok(h, { type: 'STOP' });
      crash(h, 143);
    }
    ok(h, { type: 'DAEMON_RESTART' });
    if (!stoppedByHand) {
      expect(h.effects.at(-1)).toBe('signal SIGTERM');
      crash(h, 143);
    }
    return h.lifecycle.state().Status;
  }

  test.each([
    ['no', false, 'exited'],
    ['no', true, 'exited'],
    ['always', false, 'running'],
    ['always', true, 'running'],
    ['unless-stopped', false, 'running'],
    ['unless-stopped', true, 'exited'],
    ['on-failure', false, 'exited'],
    ['on-failure', true, 'exited'],
  ])('--restart %s, stopped by hand: %s → %s', (text, byHand, status) => {
    expect(afterDaemonRestart(text, byHand)).toBe(status);
  });

  test('a container that never ran stays created', () => {
    const h = harness(policy('always'));
    ok(h, { type: 'DAEMON_RESTART' });
    expect(phase(h)).toBe('created');
  });

  test('the daemon stopping a container is not a manual stop', () => {
    const h = harness(policy('unless-stopped'));
    ok(h, { type: 'START' });
    ok(h, { type: 'DAEMON_RESTART' });
    crash(h, 143);
    expect(phase(h)).toBe('running.up');
    crash(h, 1);
    expect(phase(h)).toBe('restarting');
  });
});
