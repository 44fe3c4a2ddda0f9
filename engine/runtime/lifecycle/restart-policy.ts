import { DockerError } from '../../core/errors.ts';

/**
 * `--restart` as the daemon keeps it (HostConfig.RestartPolicy): a name and, for on-failure, a retry limit
 * where 0 means "no limit".
 */
export type RestartPolicyName = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface RestartPolicy {
  readonly Name: RestartPolicyName;
  readonly MaximumRetryCount: number;
}

export const NO_RESTART: RestartPolicy = { Name: 'no', MaximumRetryCount: 0 };

/**
 * Parses `--restart` as the CLI (`opts.ParseRestartPolicy`, split at the first colon) and then the daemon
 * (`container.ValidateRestartPolicy`) do. The texts are moby's as best known (API 1.44+ validation); the daemon
 * ones reach the user after "Error response from daemon: ".
 */
export function parseRestartPolicy(text: string): RestartPolicy {
  if (text === '') return NO_RESTART;
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  const count = colon < 0 ? '' : text.slice(colon + 1);
  if (name === '') throw new DockerError('invalid restart policy format: no policy provided before colon', 125, 'EPOLICY');
  if (count !== '' && !/^[+-]?\d+$/.test(count)) {
    throw new DockerError('invalid restart policy format: maximum retry count must be an integer', 125, 'EPOLICY');
  }
  const n = count === '' ? 0 : Number(count);
  const daemon = (m: string) => new DockerError(`Error response from daemon: invalid restart policy: ${m}`, 125, 'EPOLICY');
  switch (name) {
    case 'no':
    case 'always':
    case 'unless-stopped':
      if (n !== 0) throw daemon("maximum retry count can only be used with 'on-failure'");
      return { Name: name, MaximumRetryCount: 0 };
    case 'on-failure':
      if (n < 0) throw daemon('maximum retry count cannot be negative');
      return { Name: 'on-failure', MaximumRetryCount: n };
    default:
      throw daemon(`unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
}

/** The restart manager's timing constants (moby `restartmanager/restartmanager.go`). */
export const BACKOFF_FIRST_MS = 100;
export const BACKOFF_MAX_MS = 60_000;
/** A run at least this long resets the back-off to its first step, whatever the policy. */
export const BACKOFF_RESET_AFTER_MS = 10_000;

/** What the restart manager remembers between exits of one container (it is reset by a manual start). */
export interface RestartManagerState {
  /** The last delay used, 0 before the first restart. */
  readonly backoffMs: number;
  /** Set once `docker stop`/`docker kill` told the container to exit: no automatic restart until the next start. */
  readonly canceled: boolean;
}

export const FRESH_RESTART_MANAGER: RestartManagerState = { backoffMs: 0, canceled: false };

export interface ExitFacts {
  readonly exitCode: number;
  readonly hasBeenManuallyStopped: boolean;
  /** How long the process ran, in milliseconds of the virtual clock. */
  readonly executionMs: number;
  readonly restartCount: number;
}

export interface RestartDecision {
  readonly restart: boolean;
  /** The delay before the restart, and the manager's state after this exit. */
  readonly manager: RestartManagerState;
}

/**
 * `ShouldRestart` of moby's restart manager, as a pure function. The delay grows even when the policy then says
 * no (the order of moby's code), but not when the policy is `no` or the manager was canceled: both return first.
 */
export function shouldRestart(policy: RestartPolicy, manager: RestartManagerState, exit: ExitFacts): RestartDecision {
  if (policy.Name === 'no' || manager.canceled) return { restart: false, manager };
  let backoff = exit.executionMs >= BACKOFF_RESET_AFTER_MS ? 0 : manager.backoffMs;
  if (backoff === 0) backoff = BACKOFF_FIRST_MS;
  else if (backoff < BACKOFF_MAX_MS) backoff *= 2;
  backoff = Math.min(backoff, BACKOFF_MAX_MS);
  let restart = false;
  switch (policy.Name) {
    case 'always':
      restart = true;
      break;
    case 'unless-stopped':
      restart = !exit.hasBeenManuallyStopped;
      break;
    case 'on-failure': {
      const max = policy.MaximumRetryCount;
      restart = (max === 0 || exit.restartCount < max) && exit.exitCode !== 0;
      break;
    }
  }
  return { restart, manager: { ...manager, backoffMs: backoff } };
}

/**
 * Whether a starting daemon brings the container back. `always` does even after a manual stop; `unless-stopped`
 * only when it was not stopped by hand; `on-failure` and `no` never do (docs `engine/containers/start-containers-automatically.md`).
 * A container that never started stays created: the daemon only restores containers that ran before (an assumption
 * where moby's `restore` is hard to read; it matches what users see).
 */
export function restartsWithDaemon(policy: RestartPolicy, hasBeenManuallyStopped: boolean, hasBeenStartedBefore: boolean): boolean {
  if (!hasBeenStartedBefore) return false;
  if (policy.Name === 'always') return true;
  return policy.Name === 'unless-stopped' && !hasBeenManuallyStopped;
}
