import fc from 'fast-check';
import { expect, test } from 'vitest';
import { VirtualClock } from '../../../engine/core/clock.ts';
import {
  createContainerLifecycle,
  type ContainerLifecycle,
  type ContainerState,
  type LifecycleEvent,
  type RestartPolicy,
} from '../../../engine/runtime/lifecycle/index.ts';
import { ID, NAME } from './harness.ts';

/**
 * Model-based test: random sequences of docker commands, program exits, clock steps and daemon restarts against
 * the statechart, with a stand-in runtime that keeps the process honest (SIGKILL kills at once, a frozen process
 * cannot exit). After every step, Docker's rules must hold.
 */

interface Model {
  /** Once removed, a container is gone for good. */
  removed: boolean;
}

class Runtime {
  readonly clock = new VirtualClock(0);
  alive = false;
  frozen = false;
  /** Violations the runtime itself sees (a start of a live process, a signal to a dead one). */
  readonly faults: string[] = [];
  readonly lifecycle: ContainerLifecycle;
  private sigkilled = false;

  constructor(policy: RestartPolicy) {
    this.lifecycle = createContainerLifecycle(
      { id: ID, name: NAME, restartPolicy: policy, stopTimeout: 2 },
      {
        clock: this.clock,
        onStartProcess: () => {
          if (this.alive) this.faults.push('started a process that is still running');
          this.alive = true;
          this.frozen = false;
        },
        onSignal: (signal) => {
          if (!this.alive) this.faults.push(`${signal} sent to no process`);
          if (signal === 'SIGKILL') this.sigkilled = true;
        },
        onPause: () => {
          if (!this.alive || this.frozen) this.faults.push('froze a process that is not running');
          this.frozen = true;
        },
        onUnpause: () => {
          if (!this.frozen) this.faults.push('thawed a process that is not frozen');
          this.frozen = false;
        },
      },
    );
  }

  state(): ContainerState {
    return this.lifecycle.state();
  }

  /** The program's death after SIGKILL, which no program can delay (unless frozen, until thawed). */
  settle(): void {
    while (this.sigkilled && this.alive && !this.frozen) {
      this.sigkilled = false;
      this.exit({ type: 'PROCESS_EXITED', signal: 'SIGKILL' });
    }
  }

  exit(event: Extract<LifecycleEvent, { type: 'PROCESS_EXITED' }>): void {
    this.alive = false;
    this.frozen = false;
    this.sigkilled = false;
    expect(this.lifecycle.send(event).ok).toBe(true);
  }
}

const LIVE = new Set(['running', 'paused', 'restarting']);
const TIMED = new Set(['running.stopping', 'restarting']);

/** What must hold whatever happened. */
function invariants(real: Runtime, model: Model): void {
  const state = real.state();
  expect(real.faults).toEqual([]);
  expect(state.removed).toBe(model.removed);
  expect(state.OOMKilled).toBe(false);
  expect(state.Running).toBe(LIVE.has(state.Status) || state.phase === 'removing.killing');
  expect(state.Paused).toBe(state.Status === 'paused');
  expect(state.Restarting).toBe(state.Status === 'restarting');
  expect(state.Dead).toBe(state.Status === 'dead');
  // The process runs exactly when Docker says the container is running (a restarting one has none yet).
  expect(real.alive).toBe(state.Running && !state.Restarting);
  expect(real.frozen).toBe(state.Paused);
  // The lifecycle keeps a timer only while it waits for one.
  expect(real.clock.nextTimerAt() !== undefined).toBe(TIMED.has(state.phase));
}

abstract class Step implements fc.Command<Model, Runtime> {
  check(): boolean {
    return true;
  }
  abstract run(model: Model, real: Runtime): void;
  abstract toString(): string;
}

class Command extends Step {
  constructor(readonly event: LifecycleEvent) {
    super();
  }
  run(model: Model, real: Runtime): void {
    const before = real.state();
    const result = real.lifecycle.send(this.event);
    real.settle();
    const after = real.state();
    if (!result.ok) {
      expect(result.error.message).toMatch(/^Error response from daemon: /);
      expect(after).toEqual(before);
    }
    if (model.removed) expect(result.ok ? '' : result.error.message).toBe(`Error response from daemon: No such container: ${NAME}`);
    const type = this.event.type;
    if (before.Status === 'paused' && (type === 'START' || (type === 'REMOVE' && !this.event.force))) expect(result.ok).toBe(false);
    if (result.ok) {
      if (type === 'PAUSE') expect(after.Status).toBe('paused');
      if (type === 'UNPAUSE') expect(after.phase).toBe('running.up');
      if (type === 'STOP') expect(after.phase).not.toMatch(/^(running\.up|paused|restarting)$/);
      // SIGKILL ends a container for good, unless a restart (another terminal's) was already waiting for that exit.
      const killed = type === 'KILL' && (this.event.signal ?? 'SIGKILL') === 'SIGKILL';
      if (killed && ['running.up', 'paused'].includes(before.phase)) expect(after.Running).toBe(false);
      if (type === 'START' && before.Status !== 'restarting') expect(after.Running).toBe(true);
    }
    // RestartCount only grows through a policy restart after an exit, and only a manual start (or the daemon
    // starting it again, which goes through the same code in moby) resets it.
    if (after.RestartCount < before.RestartCount) {
      expect(after.RestartCount).toBe(0);
      expect(['START', 'RESTART', 'DAEMON_RESTART']).toContain(type);
    }
    if (after.RestartCount > before.RestartCount) expect(this.event.type).toBe('PROCESS_EXITED');
    invariants(real, model);
  }
  toString(): string {
    return JSON.stringify(this.event);
  }
}

class StopCompletes extends Step {
  constructor(readonly timeout: number) {
    super();
  }
  /** `docker stop` then waiting as the CLI does: the container ends up stopped, whatever the program does. */
  run(model: Model, real: Runtime): void {
    // A stop or restart already under way (another terminal's) keeps its own plan: a restart starts it again.
    const fresh = ['running.up', 'paused', 'restarting'].includes(real.state().phase);
    const result = real.lifecycle.send({ type: 'STOP', timeout: this.timeout });
    if (!result.ok) return;
    real.clock.advance(this.timeout * 1000);
    real.settle();
    if (fresh) expect(real.state().Running).toBe(false);
    invariants(real, model);
  }
  toString(): string {
    return `stop -t ${this.timeout} and wait`;
  }
}

class ProgramExits extends Step {
  constructor(readonly code: number) {
    super();
  }
  run(model: Model, real: Runtime): void {
    if (!real.alive || real.frozen) return;
    const before = real.state();
    real.exit({ type: 'PROCESS_EXITED', code: this.code });
    const after = real.state();
    expect(after.Running && !after.Restarting).toBe(after.phase === 'running.up' && before.phase !== 'running.up');
    if (after.Status === 'restarting') expect(after.RestartCount).toBe(before.RestartCount + 1);
    else expect(after.RestartCount).toBeLessThanOrEqual(before.RestartCount);
    invariants(real, model);
  }
  toString(): string {
    return `program exits ${this.code}`;
  }
}

class Removal extends Step {
  constructor(readonly fails: boolean) {
    super();
  }
  run(model: Model, real: Runtime): void {
    if (real.state().phase !== 'removing.deleting') return;
    real.lifecycle.send(this.fails ? { type: 'REMOVAL_FAILED', message: 'device or resource busy' } : { type: 'REMOVED' });
    if (!this.fails) model.removed = true;
    invariants(real, model);
  }
  toString(): string {
    return this.fails ? 'removal fails' : 'removal completes';
  }
}

class ClockAdvances extends Step {
  constructor(readonly ms: number) {
    super();
  }
  run(model: Model, real: Runtime): void {
    real.clock.advance(this.ms);
    real.settle();
    invariants(real, model);
  }
  toString(): string {
    return `+${this.ms}ms`;
  }
}

const signal = fc.constantFrom(undefined, 'SIGKILL', 'SIGTERM', 'SIGHUP', 'INT');
const ref = fc.constant(undefined);
const steps = [
  fc.constant(new Command({ type: 'START' })),
  fc.record({ timeout: fc.constantFrom(undefined, 0, 1, -1), ref }).map((e) => new Command({ type: 'STOP', ...e })),
  signal.map((s) => new Command({ type: 'KILL', signal: s })),
  fc.constant(new Command({ type: 'PAUSE' })),
  fc.constant(new Command({ type: 'UNPAUSE' })),
  fc.constantFrom(undefined, 0, 1).map((timeout) => new Command({ type: 'RESTART', timeout })),
  fc.boolean().map((force) => new Command({ type: 'REMOVE', force })),
  fc.constant(new Command({ type: 'DAEMON_RESTART' })),
  fc.constantFrom(0, 1, 2, 137).map((code) => new ProgramExits(code)),
  fc.integer({ min: 0, max: 3 }).map((t) => new StopCompletes(t)),
  fc.boolean().map((fails) => new Removal(fails)),
  fc.constantFrom(50, 100, 1_000, 2_000, 12_000, 61_000).map((ms) => new ClockAdvances(ms)),
];

const policies = fc.constantFrom<RestartPolicy>(
  { Name: 'no', MaximumRetryCount: 0 },
  { Name: 'always', MaximumRetryCount: 0 },
  { Name: 'unless-stopped', MaximumRetryCount: 0 },
  { Name: 'on-failure', MaximumRetryCount: 0 },
  { Name: 'on-failure', MaximumRetryCount: 2 },
);

test('random lifecycles keep Docker’s rules', () => {
  fc.assert(
    fc.property(policies, fc.commands(steps, { maxCommands: 60 }), (policy, commands) => {
      const real = new Runtime(policy);
      fc.modelRun(() => ({ model: { removed: false }, real }), commands);
    }),
    { numRuns: 300, seed: 7 },
  );
});
