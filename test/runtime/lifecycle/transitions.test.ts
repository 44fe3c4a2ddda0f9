import { describe, expect, test } from 'vitest';
import type { LifecycleEvent } from '../../../engine/runtime/lifecycle/index.ts';
import { harness, ok, phase } from './harness.ts';
import { REACH } from './states.ts';

/** [state, event, phase after, effects asked of the runtime, Docker status after]. */
const ACCEPTED: [string, LifecycleEvent, string, string[], string][] = [
  // start
  ['created', { type: 'START' }, 'running.up', ['start'], 'running'],
  ['exited', { type: 'START' }, 'running.up', ['start'], 'running'],
  ['running', { type: 'START' }, 'running.up', [], 'running'],
  ['restarting', { type: 'START' }, 'restarting', [], 'restarting'],
  // stop
  ['running', { type: 'STOP' }, 'running.stopping', ['signal SIGTERM'], 'running'],
  ['running', { type: 'STOP', timeout: -1 }, 'running.waiting', ['signal SIGTERM'], 'running'],
  ['running', { type: 'STOP', signal: 'INT' }, 'running.stopping', ['signal SIGINT'], 'running'],
  ['paused', { type: 'STOP' }, 'running.stopping', ['signal SIGTERM', 'unpause'], 'running'],
  ['restarting', { type: 'STOP' }, 'exited', [], 'exited'],
  ['created', { type: 'STOP' }, 'created', [], 'created'],
  ['exited', { type: 'STOP' }, 'exited', [], 'exited'],
  ['dead', { type: 'STOP' }, 'dead', [], 'dead'],
  // kill
  ['running', { type: 'KILL' }, 'running.killing', ['signal SIGKILL'], 'running'],
  ['running', { type: 'KILL', signal: 'HUP' }, 'running.up', ['signal SIGHUP'], 'running'],
  ['running', { type: 'KILL', signal: '15' }, 'running.up', ['signal SIGTERM'], 'running'],
  ['stopping', { type: 'KILL' }, 'running.killing', ['signal SIGKILL'], 'running'],
  ['paused', { type: 'KILL' }, 'running.killing', ['signal SIGKILL', 'unpause'], 'running'],
  ['restarting', { type: 'KILL' }, 'exited', [], 'exited'],
  // pause
  ['running', { type: 'PAUSE' }, 'paused', ['pause'], 'paused'],
  ['paused', { type: 'UNPAUSE' }, 'running.up', ['unpause'], 'running'],
  // restart
  ['created', { type: 'RESTART' }, 'running.up', ['start'], 'running'],
  ['exited', { type: 'RESTART' }, 'running.up', ['start'], 'running'],
  ['running', { type: 'RESTART' }, 'running.stopping', ['signal SIGTERM'], 'running'],
  ['running', { type: 'RESTART', timeout: 0 }, 'running.stopping', ['signal SIGTERM'], 'running'],
  ['paused', { type: 'RESTART' }, 'running.stopping', ['signal SIGTERM', 'unpause'], 'running'],
  ['restarting', { type: 'RESTART' }, 'running.up', ['start'], 'running'],
  // remove
  ['created', { type: 'REMOVE' }, 'removing.deleting', ['remove'], 'removing'],
  ['exited', { type: 'REMOVE' }, 'removing.deleting', ['remove'], 'removing'],
  ['dead', { type: 'REMOVE' }, 'removing.deleting', ['remove'], 'removing'],
  ['running', { type: 'REMOVE', force: true }, 'removing.killing', ['signal SIGKILL'], 'running'],
  ['paused', { type: 'REMOVE', force: true }, 'removing.killing', ['signal SIGKILL', 'unpause'], 'running'],
  ['restarting', { type: 'REMOVE', force: true }, 'removing.deleting', ['remove'], 'removing'],
  ['removing (rm -f)', { type: 'PROCESS_EXITED', signal: 'SIGKILL' }, 'removing.deleting', ['remove'], 'removing'],
  ['removing', { type: 'REMOVED' }, 'removed', [], 'exited'],
  ['removing', { type: 'REMOVAL_FAILED', message: 'busy' }, 'dead', [], 'dead'],
  // the process ends on its own
  ['running', { type: 'PROCESS_EXITED', code: 0 }, 'exited', [], 'exited'],
  ['stopping', { type: 'PROCESS_EXITED', signal: 'SIGTERM' }, 'exited', [], 'exited'],
];

describe('Docker accepts', () => {
  test.each(ACCEPTED)('%s: %o → %s', (state, event, after, effects, status) => {
    const h = REACH[state]!();
    ok(h, event);
    expect(phase(h)).toBe(after);
    expect(h.effects).toEqual(effects);
    expect(h.lifecycle.state().Status).toBe(status);
  });
});

describe('state fields', () => {
  test('Running, Paused, Restarting and Dead follow moby’s State flags', () => {
    const flags = (state: string) => {
      const { Running, Paused, Restarting, Dead, OOMKilled } = REACH[state]!().lifecycle.state();
      return { Running, Paused, Restarting, Dead, OOMKilled };
    };
    expect(flags('created')).toEqual({ Running: false, Paused: false, Restarting: false, Dead: false, OOMKilled: false });
    expect(flags('running')).toEqual({ Running: true, Paused: false, Restarting: false, Dead: false, OOMKilled: false });
    expect(flags('paused')).toEqual({ Running: true, Paused: true, Restarting: false, Dead: false, OOMKilled: false });
    expect(flags('restarting')).toEqual({ Running: true, Paused: false, Restarting: true, Dead: false, OOMKilled: false });
    expect(flags('dead')).toEqual({ Running: false, Paused: false, Restarting: false, Dead: true, OOMKilled: false });
  });

  test('a removal that fails leaves the container dead with the error', () => {
    expect(REACH.dead!().lifecycle.state()).toMatchObject({ Status: 'dead', Error: 'device or resource busy' });
  });

  test('exit codes: the program’s own, or 128 + the signal that killed it', () => {
    const codes = ([['code', 3], ['signal', 'SIGKILL'], ['signal', 'SIGTERM'], ['signal', 'SIGINT']] as const).map(([k, v]) => {
      const h = REACH.running!();
      ok(h, { type: 'PROCESS_EXITED', [k]: v });
      return h.lifecycle.state().ExitCode;
    });
    expect(codes).toEqual([3, 137, 143, 130]);
  });

  test('StartedAt and FinishedAt are virtual times; a new start clears the exit code', () => {
    const h = harness();
    expect(h.lifecycle.state()).toMatchObject({ StartedAt: null, FinishedAt: null });
    h.clock.advance(5_000);
    ok(h, { type: 'START' });
    h.clock.advance(2_000);
    ok(h, { type: 'PROCESS_EXITED', code: 2 });
    expect(h.lifecycle.state()).toMatchObject({ StartedAt: 5_000, FinishedAt: 7_000, ExitCode: 2 });
    ok(h, { type: 'START' });
    expect(h.lifecycle.state()).toMatchObject({ StartedAt: 7_000, FinishedAt: 7_000, ExitCode: 0 });
  });
});

describe('docker stop', () => {
  test('SIGKILL follows the stop signal after the timeout, and only then', () => {
    const h = REACH.running!({ stopTimeout: 3 });
    ok(h, { type: 'STOP' });
    h.clock.advance(2_999);
    expect(h.effects).toEqual(['signal SIGTERM']);
    h.clock.advance(1);
    expect(h.effects).toEqual(['signal SIGTERM', 'signal SIGKILL']);
    ok(h, { type: 'PROCESS_EXITED', signal: 'SIGKILL' });
    expect(h.lifecycle.state()).toMatchObject({ Status: 'exited', ExitCode: 137 });
  });

  test('-t overrides the container’s StopTimeout; the image’s StopSignal is used', () => {
    const h = REACH.running!({ stopTimeout: 30, stopSignal: 'SIGQUIT' });
    ok(h, { type: 'STOP', timeout: 1 });
    h.clock.advance(1_000);
    expect(h.effects).toEqual(['signal SIGQUIT', 'signal SIGKILL']);
  });

  test('a program that exits on the stop signal is never killed', () => {
    const h = REACH.running!();
    ok(h, { type: 'STOP' });
    ok(h, { type: 'PROCESS_EXITED', signal: 'SIGTERM' });
    h.clock.advance(60_000);
    expect(h.effects).toEqual(['signal SIGTERM']);
    expect(h.lifecycle.state()).toMatchObject({ Status: 'exited', ExitCode: 143 });
  });

  test('a second stop signals again and the earlier deadline wins', () => {
    const h = REACH.running!({ stopTimeout: 10 });
    ok(h, { type: 'STOP' });
    h.clock.advance(1_000);
    ok(h, { type: 'STOP', timeout: 2 });
    h.clock.advance(1_999);
    expect(h.effects).toEqual(['signal SIGTERM', 'signal SIGTERM']);
    h.clock.advance(1);
    expect(h.effects).toEqual(['signal SIGTERM', 'signal SIGTERM', 'signal SIGKILL']);
    ok(h, { type: 'PROCESS_EXITED', signal: 'SIGKILL' });
    expect(h.clock.nextTimerAt()).toBeUndefined();
  });

  test('a stop while docker restart waits does not cancel the restart (Docker runs both)', () => {
    const h = REACH.running!();
    ok(h, { type: 'RESTART' });
    ok(h, { type: 'STOP', timeout: 0 });
    h.clock.advance(0);
    ok(h, { type: 'PROCESS_EXITED', signal: 'SIGKILL' });
    expect(phase(h)).toBe('running.up');
  });

  test('-t -1 waits for ever', () => {
    const h = REACH.running!();
    ok(h, { type: 'STOP', timeout: -1 });
    h.clock.advance(3_600_000);
    expect(h.effects).toEqual(['signal SIGTERM']);
    expect(h.clock.nextTimerAt()).toBeUndefined();
  });

  test('onChange reports what the clock does, too', () => {
    const h = REACH.running!();
    ok(h, { type: 'STOP', timeout: 0 });
    h.clock.advance(0);
    expect(h.changes).toEqual(['running.stopping', 'running.killing']);
  });
});

describe('docker restart', () => {
  test('stops, then starts the same container again, resetting RestartCount', () => {
    const h = REACH.restarting!();
    h.clock.advance(100);
    expect(h.lifecycle.state().RestartCount).toBe(1);
    h.effects.length = 0;
    ok(h, { type: 'RESTART', timeout: 2 });
    h.clock.advance(2_000);
    ok(h, { type: 'PROCESS_EXITED', signal: 'SIGKILL' });
    expect(h.effects).toEqual(['signal SIGTERM', 'signal SIGKILL', 'start']);
    expect(h.lifecycle.state()).toMatchObject({ Status: 'running', RestartCount: 0, ExitCode: 0, StartedAt: 2_100 });
  });

  test('a policy restart starts the process when the back-off ends', () => {
    const h = REACH.restarting!();
    h.clock.advance(100);
    expect(h.lifecycle.state()).toMatchObject({ Status: 'running', StartedAt: 100, FinishedAt: 0, ExitCode: 0 });
  });
});

describe('several containers', () => {
  test('share one machine, and each one’s effects reach that container only', () => {
    const a = harness();
    const b = harness({}, a.clock);
    ok(a, { type: 'START' });
    ok(b, { type: 'START' });
    ok(a, { type: 'STOP' });
    ok(b, { type: 'PAUSE' });
    expect(a.effects).toEqual(['start', 'signal SIGTERM']);
    expect(b.effects).toEqual(['start', 'pause']);
  });
});
