import type { SnapshotFrom } from 'xstate';
import type { LifecycleContext } from './context.ts';
import type { ContainerLifecycleMachine } from './machine.ts';

/** Docker's State.Status values (`docker ps --filter status=…`, `docker inspect`). */
export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/**
 * The container's state as `docker inspect` shows it (the `State` object, plus the top-level RestartCount), with
 * the statechart's own position for pictures and tests. Times are virtual milliseconds, null for Go's zero time.
 */
export interface ContainerState {
  readonly Status: ContainerStatus;
  readonly Running: boolean;
  readonly Paused: boolean;
  readonly Restarting: boolean;
  /** Memory is not simulated, so the OOM killer never strikes. */
  readonly OOMKilled: false;
  readonly Dead: boolean;
  readonly ExitCode: number;
  readonly Error: string;
  readonly StartedAt: number | null;
  readonly FinishedAt: number | null;
  readonly RestartCount: number;
  /** The daemon no longer knows the container (`removed` is not a Docker status: the container is gone). */
  readonly removed: boolean;
  /** Where in the statechart: 'running.stopping', 'removing.deleting', … */
  readonly phase: string;
}

export function phaseOf(value: SnapshotFrom<ContainerLifecycleMachine>['value']): string {
  if (typeof value === 'string') return value;
  const [top, sub] = Object.entries(value)[0]!;
  return `${top}.${String(sub)}`;
}

/**
 * Maps the statechart onto Docker's flags the way moby's `State.StateString` reads them: a container being
 * force-removed still shows `running` until its process has gone, a restarting one counts as Running.
 */
export function containerState(phase: string, context: LifecycleContext): ContainerState {
  const top = phase.split('.')[0]!;
  const live = top === 'running' || top === 'paused' || top === 'restarting' || phase === 'removing.killing';
  const status: ContainerStatus =
    phase === 'removing.killing' ? 'running' : top === 'removed' || top === 'exiting' ? 'exited' : (top as ContainerStatus);
  return {
    Status: status,
    Running: live,
    Paused: top === 'paused',
    Restarting: top === 'restarting',
    OOMKilled: false,
    Dead: top === 'dead',
    ExitCode: context.exitCode,
    Error: context.error,
    StartedAt: context.startedAt,
    FinishedAt: context.finishedAt,
    RestartCount: context.restartCount,
    removed: top === 'removed',
    phase,
  };
}
