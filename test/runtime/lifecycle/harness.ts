import { VirtualClock } from '../../../engine/core/clock.ts';
import {
  createContainerLifecycle,
  restoreContainerLifecycle,
  type ContainerLifecycle,
  type LifecycleEffects,
  type LifecycleInit,
  type PersistedLifecycle,
} from '../../../engine/runtime/lifecycle/index.ts';

export const ID = 'f2a9c1e0b7d64e3a8c5b9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c';
export const NAME = 'web';

/** A lifecycle on its own virtual clock, with every effect it asks of the runtime written down in order. */
export interface Harness {
  readonly clock: VirtualClock;
  readonly lifecycle: ContainerLifecycle;
  /** 'start', 'signal SIGTERM', 'pause', 'unpause', 'remove', in the order the machine asked for them. */
  readonly effects: string[];
  /** State changes seen through onChange, as phases. */
  readonly changes: string[];
}

function effectsInto(clock: VirtualClock, effects: string[], changes: string[]): LifecycleEffects {
  return {
    clock,
    onSignal: (signal) => effects.push(`signal ${signal}`),
    onStartProcess: () => effects.push('start'),
    onPause: () => effects.push('pause'),
    onUnpause: () => effects.push('unpause'),
    onRemove: () => effects.push('remove'),
    onChange: (state) => changes.push(state.phase),
  };
}

export function harness(init: Partial<LifecycleInit> = {}, clock = new VirtualClock(0)): Harness {
  const effects: string[] = [];
  const changes: string[] = [];
  const lifecycle = createContainerLifecycle({ id: ID, name: NAME, ...init }, effectsInto(clock, effects, changes));
  return { clock, lifecycle, effects, changes };
}

export function restored(saved: PersistedLifecycle, clock: VirtualClock): Harness {
  const effects: string[] = [];
  const changes: string[] = [];
  const lifecycle = restoreContainerLifecycle(saved, effectsInto(clock, effects, changes));
  return { clock, lifecycle, effects, changes };
}

/** Sends and insists Docker accepted it. */
export function ok(h: Harness, event: Parameters<ContainerLifecycle['send']>[0]): void {
  const result = h.lifecycle.send(event);
  if (!result.ok) throw new Error(`${event.type} refused: ${result.error.message}`);
}

export function phase(h: Harness): string {
  return h.lifecycle.state().phase;
}
