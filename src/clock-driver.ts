/**
 * Moves the engine's virtual clock from real time while the page is visible: background processes, `sleep` and
 * restart back-offs then run at the speed a student expects. Time spent in a hidden tab is not replayed (the
 * machine "pauses"), and one step never exceeds `maxStepMs`, so a throttled timer cannot make the clock jump.
 */
export interface ClockLike {
  advance(ms: number): void;
}

export interface ClockDriverEnv {
  now(): number;
  setInterval(fire: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  isVisible(): boolean;
  onVisibilityChange(listener: () => void): () => void;
}

export interface ClockDriverOptions {
  intervalMs?: number;
  maxStepMs?: number;
  env?: ClockDriverEnv;
  onError?(error: unknown): void;
}

export function browserClockEnv(): ClockDriverEnv {
  return {
    now: () => performance.now(),
    setInterval: (fire, ms) => setInterval(fire, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    isVisible: () => document.visibilityState === 'visible',
    onVisibilityChange: (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}

/** Starts driving `clock`; returns a function that stops. */
export function driveClock(clock: ClockLike, options: ClockDriverOptions = {}): () => void {
  const env = options.env ?? browserClockEnv();
  const maxStep = options.maxStepMs ?? 1000;
  let last = env.now();
  const tick = () => {
    const now = env.now();
    const elapsed = now - last;
    last = now;
    if (!env.isVisible() || elapsed <= 0) return;
    try {
      clock.advance(Math.min(elapsed, maxStep));
    } catch (e) {
      options.onError?.(e);
    }
  };
  const handle = env.setInterval(tick, options.intervalMs ?? 100);
  const stopWatching = env.onVisibilityChange(() => {
    // Coming back: start counting from now, not from when the page was hidden.
    last = env.now();
  });
  return () => {
    env.clearInterval(handle);
    stopWatching();
  };
}
