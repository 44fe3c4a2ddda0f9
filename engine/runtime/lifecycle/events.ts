import type { RestartPolicy } from './restart-policy.ts';

/**
 * The events a container's lifecycle answers. Commands come from the docker CLI (through the runtime), process
 * events from the runtime that runs the container's main program. `ref` is how the user named the container,
 * used only in error texts (Docker echoes what was typed); it defaults to the container's name.
 */
export type LifecycleCommand =
  | { readonly type: 'START'; readonly ref?: string }
  /** `timeout` in seconds; undefined uses the container's StopTimeout, -1 waits for ever. */
  | { readonly type: 'STOP'; readonly timeout?: number; readonly signal?: string; readonly ref?: string }
  | { readonly type: 'KILL'; readonly signal?: string; readonly ref?: string }
  | { readonly type: 'PAUSE'; readonly ref?: string }
  | { readonly type: 'UNPAUSE'; readonly ref?: string }
  | { readonly type: 'RESTART'; readonly timeout?: number; readonly signal?: string; readonly ref?: string }
  | { readonly type: 'REMOVE'; readonly force?: boolean; readonly ref?: string };

export type RuntimeEvent =
  /** The main process ended: with an exit status, or killed by a signal it did not handle (status 128+n). */
  | { readonly type: 'PROCESS_EXITED'; readonly code?: number; readonly signal?: string }
  /** The runtime finished deleting the container's layer and metadata after `removing` asked it to. */
  | { readonly type: 'REMOVED' }
  /** Deleting failed: Docker leaves the container `dead`, with the error in State.Error. */
  | { readonly type: 'REMOVAL_FAILED'; readonly message: string }
  /** dockerd stops (stopping live containers) and starts again (restoring them by restart policy). */
  | { readonly type: 'DAEMON_RESTART' }
  /** `docker rename` / `docker update --restart`: the container keeps its state, its name or policy changes. */
  | { readonly type: 'CONFIGURE'; readonly name?: string; readonly restartPolicy?: RestartPolicy };

export type LifecycleEvent = LifecycleCommand | RuntimeEvent;

/**
 * Every event reaches the machine stamped with the virtual time it happened at, so the machine itself never reads a
 * clock (its timers are XState delayed transitions, run on the virtual clock by the actor).
 */
export type StampedEvent = LifecycleEvent & { readonly now: number };

/** Internal: re-arms the timer of a timed state after a restore (a restored actor does not re-run entries). */
export interface ResumeEvent {
  readonly type: 'RESUME';
  readonly now: number;
}

/** What a container is created with (the parts of its config the lifecycle needs). */
export interface LifecycleInit {
  /** Full 64-hex ID. */
  readonly id: string;
  /** Name without the leading slash. */
  readonly name: string;
  readonly restartPolicy?: RestartPolicy;
  /** Config.StopSignal; undefined when the image and `--stop-signal` set none (SIGTERM is used then). */
  readonly stopSignal?: string;
  /** Config.StopTimeout in seconds (`--stop-timeout`); Docker's default is 10. */
  readonly stopTimeout?: number;
}
