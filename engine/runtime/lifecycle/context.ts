import { SIGNAL_NUMBERS } from '../../programs/process.ts';
import type { LifecycleInit } from './events.ts';
import { FRESH_RESTART_MANAGER, NO_RESTART, type RestartManagerState, type RestartPolicy } from './restart-policy.ts';

/** Docker's default for `docker stop` without `-t` and without `--stop-timeout`. */
export const DEFAULT_STOP_TIMEOUT_S = 10;

/**
 * The machine's extended state: plain JSON, so a persisted XState snapshot is an engine snapshot as it is. Times are
 * virtual-clock milliseconds; null stands for Go's zero time ("0001-01-01T00:00:00Z" in inspect).
 */
export interface LifecycleContext {
  readonly id: string;
  readonly name: string;
  readonly restartPolicy: RestartPolicy;
  readonly stopSignal: string;
  /** Whether Config.StopSignal was set: it decides which `docker kill -s` signals cancel restarts. */
  readonly stopSignalConfigured: boolean;
  readonly stopTimeout: number;
  readonly exitCode: number;
  readonly error: string;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly restartCount: number;
  readonly restartManager: RestartManagerState;
  readonly hasBeenManuallyStopped: boolean;
  readonly hasBeenStartedBefore: boolean;
  /** `docker restart` is waiting for the process to exit before starting it again. */
  readonly restartRequested: boolean;
  /** The daemon is restarting: the exit is the daemon's shutdown, and its start decides what comes next. */
  readonly daemonRestarting: boolean;
  /** When a pending `docker stop` escalates to SIGKILL. */
  readonly stopDeadline: number | null;
  /** When a policy restart starts the process again. */
  readonly restartAt: number | null;
  /** What the last exit leads to; read by the transient `exiting` state. */
  readonly afterExit: 'start' | 'restart' | 'exit';
}

export function initialContext(init: LifecycleInit): LifecycleContext {
  return {
    id: init.id,
    name: init.name,
    restartPolicy: init.restartPolicy ?? NO_RESTART,
    stopSignal: normalizeSignal(init.stopSignal ?? 'SIGTERM'),
    stopSignalConfigured: init.stopSignal !== undefined,
    stopTimeout: init.stopTimeout ?? DEFAULT_STOP_TIMEOUT_S,
    exitCode: 0,
    error: '',
    startedAt: null,
    finishedAt: null,
    restartCount: 0,
    restartManager: FRESH_RESTART_MANAGER,
    hasBeenManuallyStopped: false,
    hasBeenStartedBefore: false,
    restartRequested: false,
    daemonRestarting: false,
    stopDeadline: null,
    restartAt: null,
    afterExit: 'exit',
  };
}

/** `TERM`, `sigterm`, `15` and `SIGTERM` name the same signal (moby `signal.ParseSignal`). */
export function normalizeSignal(signal: string): string {
  const text = signal.trim().toUpperCase();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    const name = Object.keys(SIGNAL_NUMBERS).find((k) => SIGNAL_NUMBERS[k] === n);
    return name ?? text;
  }
  return text.startsWith('SIG') ? text : `SIG${text}`;
}

/** A process killed by a signal it did not handle ends with 128 + the signal's number (137 for SIGKILL). */
export function exitCodeOf(code: number | undefined, signal: string | undefined): number {
  if (code !== undefined) return code;
  const n = signal === undefined ? undefined : SIGNAL_NUMBERS[normalizeSignal(signal)];
  return 128 + (n ?? SIGNAL_NUMBERS.SIGKILL!);
}

/**
 * Whether a signal sent by `docker kill`/`docker stop` makes the container exit for good (moby `ExitOnNext`):
 * SIGKILL always, and the stop signal — any signal when the container has no StopSignal configured.
 */
export function signalEndsRestarts(context: LifecycleContext, signal: string): boolean {
  return signal === 'SIGKILL' || !context.stopSignalConfigured || signal === context.stopSignal;
}
