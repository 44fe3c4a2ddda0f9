/**
 * The containers picture words each status as `docker ps` does ("Up 5 seconds", "Exited (0) 3 minutes ago"), from
 * the engine's virtual clock. Those words go stale as time passes without any engine event, so the picture re-reads
 * once a virtual second while some status shows an age. Virtual, not real, time: the page stops the clock while the
 * tab is hidden, and then nothing is redrawn; with no age on show no timer is set at all.
 */
export const AGE_REFRESH_MS = 1000;

/** A status whose words change as time passes: "Up …", "Exited (0) … ago", "Restarting (1) … ago". */
export function showsAge(status: string): boolean {
  return status.startsWith('Up ') || / ago\b/.test(status);
}

export interface TimerClock {
  after(ms: number, fire: () => void): () => void;
}

/** Calls `refresh` one virtual second from now if some status shows an age; returns the cancel, or undefined. */
export function scheduleAgeRefresh(clock: TimerClock, statuses: readonly string[], refresh: () => void): (() => void) | undefined {
  if (!statuses.some(showsAge)) return undefined;
  return clock.after(AGE_REFRESH_MS, refresh);
}
