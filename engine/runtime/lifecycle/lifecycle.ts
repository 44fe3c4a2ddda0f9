import { createActor, type Snapshot } from 'xstate';
import type { VirtualClock } from '../../core/clock.ts';
import type { DockerError } from '../../core/errors.ts';
import type { LifecycleEvent, LifecycleInit } from './events.ts';
import { containerLifecycleMachine, signalFor } from './machine.ts';
import { noSuchContainer } from './errors.ts';
import { refusal } from './refusals.ts';
import { containerState, phaseOf, type ContainerState } from './status.ts';
import { xstateClock } from './xstate-clock.ts';

/**
 * The container lifecycle as the runtime uses it: a running XState actor on the virtual clock, commands answered
 * with Docker's refusals, effects handed to the runtime through callbacks.
 *
 * Why an actor and not `transition(machine, snapshot, event)` over a plain value: the stop timeout and the restart
 * back-off are delayed transitions, and only an actor runs them (on the clock we give it). A pure transition function
 * would hand back "raise this event in N ms" actions for us to schedule and cancel by hand, which is the actor's job.
 * The state stays a value all the same: `snapshot()` is XState's persisted snapshot (plain JSON, context included),
 * and a restored actor re-arms its pending timer from the deadline kept in the context (see RESUME in machine.ts).
 * XState stamps its own timer bookkeeping with Date.now(); that never reaches the state or any output.
 */

export interface LifecycleEffects {
  readonly clock: VirtualClock;
  /** Deliver a signal to the main process. The program decides what it does with it. */
  readonly onSignal?: (signal: string) => void;
  /** Start the main process (first start, `docker start`/`restart`, a policy restart after its back-off). */
  readonly onStartProcess?: () => void;
  /** Freeze / thaw the container's processes (`docker pause` / `unpause`, and a stop of a paused container). */
  readonly onPause?: () => void;
  readonly onUnpause?: () => void;
  /** Delete the writable layer and metadata; answer with REMOVED or REMOVAL_FAILED. */
  readonly onRemove?: () => void;
  /** Every change of state, including those the clock makes (SIGKILL after the timeout, a restart after back-off). */
  readonly onChange?: (state: ContainerState) => void;
}

export type LifecycleResult = { readonly ok: true; readonly state: ContainerState } | { readonly ok: false; readonly error: DockerError };

/** A lifecycle as saved in an engine snapshot: XState's persisted snapshot (JSON). */
export type PersistedLifecycle = Snapshot<unknown>;

export interface ContainerLifecycle {
  state(): ContainerState;
  /** A command (checked against Docker's rules first) or a runtime event (never refused). */
  send(event: LifecycleEvent): LifecycleResult;
  snapshot(): PersistedLifecycle;
  /** Stops the actor and cancels its timers (the container's machine is being discarded or replaced). */
  dispose(): void;
}

const COMMANDS = new Set(['START', 'STOP', 'KILL', 'PAUSE', 'UNPAUSE', 'RESTART', 'REMOVE']);

export function createContainerLifecycle(init: LifecycleInit, effects: LifecycleEffects): ContainerLifecycle {
  return open(effects, { input: init });
}

/** Brings back a lifecycle saved with `snapshot()`; a pending stop timeout or back-off resumes with what was left. */
export function restoreContainerLifecycle(saved: PersistedLifecycle, effects: LifecycleEffects): ContainerLifecycle {
  return open(effects, { snapshot: saved });
}

/** Each actor's effects, found from the `self` every action is given. */
const effectsOf = new WeakMap<object, LifecycleEffects>();

/**
 * One machine for every container: `provide` builds a new machine (its states and transitions, about 25 KiB) each
 * time, which made an idle container cost that much more. Its actions look their container's effects up instead.
 */
const lifecycleMachine = containerLifecycleMachine.provide({
  actions: {
    signalStop: ({ self, context, event }) => effectsOf.get(self)?.onSignal?.(signalFor('signalStop', context, event)),
    signalKill: ({ self, context, event }) => effectsOf.get(self)?.onSignal?.(signalFor('signalKill', context, event)),
    signalSigkill: ({ self, context, event }) => effectsOf.get(self)?.onSignal?.(signalFor('signalSigkill', context, event)),
    startProcess: ({ self }) => effectsOf.get(self)?.onStartProcess?.(),
    freeze: ({ self }) => effectsOf.get(self)?.onPause?.(),
    thaw: ({ self }) => effectsOf.get(self)?.onUnpause?.(),
    removeContainer: ({ self }) => effectsOf.get(self)?.onRemove?.(),
  },
});

function open(effects: LifecycleEffects, from: { input: LifecycleInit } | { snapshot: PersistedLifecycle }): ContainerLifecycle {
  const { clock } = effects;
  const options = { clock: xstateClock(clock) };
  const actor =
    'input' in from
      ? createActor(lifecycleMachine, { ...options, input: from.input })
      : // The context comes from the snapshot; input only seeds a new machine.
        createActor(lifecycleMachine, { ...options, snapshot: from.snapshot, input: undefined as unknown as LifecycleInit });
  const state = (): ContainerState => {
    const snap = actor.getSnapshot();
    return containerState(phaseOf(snap.value), snap.context);
  };
  effectsOf.set(actor, effects);
  actor.subscribe(() => effects.onChange?.(state()));
  actor.start();
  if ('snapshot' in from) actor.send({ type: 'RESUME', now: clock.now() });

  return {
    state,
    send(event) {
      const snap = actor.getSnapshot();
      // A removed container accepts nothing, not even the runtime's events (they would be stale).
      if (snap.status === 'done' && !COMMANDS.has(event.type)) return { ok: false, error: noSuchContainer(snap.context.name) };
      if (COMMANDS.has(event.type)) {
        const error = refusal(phaseOf(snap.value), snap.context, event as Parameters<typeof refusal>[2]);
        if (error) return { ok: false, error };
      }
      actor.send({ ...event, now: clock.now() });
      return { ok: true, state: state() };
    },
    snapshot: () => actor.getPersistedSnapshot(),
    dispose: () => actor.stop(),
  };
}
