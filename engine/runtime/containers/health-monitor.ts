import type { VirtualClock } from '../../core/clock.ts';
import { formatGoDuration } from '../../core/go-duration.ts';
import { rfc3339Nano } from '../../image/inspect.ts';
import type { HealthConfig } from './types.ts';

/** One probe's result as inspect's State.Health.Log keeps it. */
export interface HealthProbe {
  readonly Start: string;
  readonly End: string;
  readonly ExitCode: number;
  readonly Output: string;
}

/** State.Health while the container runs. */
export interface HealthState {
  readonly Status: 'starting' | 'healthy' | 'unhealthy';
  readonly FailingStreak: number;
  readonly Log: readonly HealthProbe[];
}

/** What a probe runs through: the container's exec, returning the exit status and what it printed. */
export type HealthExec = (cmd: readonly string[], signal: AbortSignal) => Promise<{ exitCode: number; output: string }>;

/** moby's defaults (daemon/health.go), in nanoseconds as the config holds them. */
const NS_PER_MS = 1_000_000;
const DEFAULT_INTERVAL = 30_000 * NS_PER_MS;
const DEFAULT_TIMEOUT = 30_000 * NS_PER_MS;
const DEFAULT_START_INTERVAL = 5_000 * NS_PER_MS;
const DEFAULT_RETRIES = 3;
/** The log keeps the last five probes, each output cut to 4 KiB. */
const MAX_LOG = 5;
const MAX_OUTPUT = 4096;


/**
 * The daemon's health monitor (daemon/health.go) for one running container: after each interval (the start interval
 * during the start period) it runs the check through exec; exit 0 is healthy, anything else a failure, a probe
 * still running at the timeout is killed and fails with Docker's message. Failures during the start period do not
 * count until the first success; `retries` consecutive failures make the container unhealthy. Times come from the
 * container's clock, so a paused container's checks wait too.
 */
export function startHealthMonitor(o: {
  readonly clock: VirtualClock;
  readonly config: HealthConfig;
  readonly test: readonly string[];
  readonly exec: HealthExec;
  readonly onChange: (state: HealthState) => void;
}): { readonly state: () => HealthState; stop(): void } {
  const interval = (o.config.Interval || DEFAULT_INTERVAL) / NS_PER_MS;
  const timeout = (o.config.Timeout || DEFAULT_TIMEOUT) / NS_PER_MS;
  const startInterval = (o.config.StartInterval || DEFAULT_START_INTERVAL) / NS_PER_MS;
  const startPeriodEnd = o.clock.now() + (o.config.StartPeriod ?? 0) / NS_PER_MS;
  const retries = o.config.Retries || DEFAULT_RETRIES;
  const cmd = o.test[0] === 'CMD-SHELL' ? ['/bin/sh', '-c', o.test.slice(1).join(' ')] : o.test.slice(1);
  const stop = new AbortController();
  let state: HealthState = { Status: 'starting', FailingStreak: 0, Log: [] };

  const probe = async (): Promise<void> => {
    const started = o.clock.now();
    const killer = new AbortController();
    const onStop = () => killer.abort('SIGKILL');
    stop.signal.addEventListener('abort', onStop, { once: true });
    const timer = o.clock.after(timeout, () => killer.abort('timeout'));
    let exitCode: number;
    let output: string;
    try {
      const r = await o.exec(cmd, killer.signal);
      [exitCode, output] = killer.signal.reason === 'timeout' ? [-1, `Health check exceeded timeout (${formatGoDuration(timeout * NS_PER_MS)})`] : [r.exitCode, r.output];
    } catch (e) {
      [exitCode, output] = [-1, e instanceof Error ? e.message : String(e)];
    } finally {
      timer();
      stop.signal.removeEventListener('abort', onStop);
    }
    if (stop.signal.aborted) return;
    const entry: HealthProbe = { Start: time(started), End: time(o.clock.now()), ExitCode: exitCode, Output: output.slice(0, MAX_OUTPUT) };
    const log = [...state.Log, entry].slice(-MAX_LOG);
    if (exitCode === 0) state = { Status: 'healthy', FailingStreak: 0, Log: log };
    else if (state.Status === 'starting' && o.clock.now() < startPeriodEnd) state = { ...state, Log: log };
    else {
      const streak = state.FailingStreak + 1;
      state = { Status: streak >= retries ? 'unhealthy' : state.Status, FailingStreak: streak, Log: log };
    }
    o.onChange(state);
  };

  void (async () => {
    try {
      for (;;) {
        const inStartPeriod = state.Status === 'starting' && o.clock.now() < startPeriodEnd;
        await o.clock.sleep(inStartPeriod ? startInterval : interval, stop.signal);
        await probe();
      }
    } catch {
      // Stopped: the container's process has gone.
    }
  })();
  return { state: () => state, stop: () => stop.abort('stopped') };
}

function time(ms: number): string {
  return rfc3339Nano(new Date(ms).toISOString());
}
