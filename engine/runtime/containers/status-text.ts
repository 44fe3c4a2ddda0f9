import { humanDuration } from '../../core/units.ts';
import type { ContainerState } from '../lifecycle/index.ts';

/**
 * The daemon's one-line status (moby `container/state.go` State.String), what `docker ps` shows under STATUS:
 * `Up 3 seconds`, `Up 5 minutes (Paused)`, `Restarting (1) 4 seconds ago`, `Exited (143) 2 seconds ago`, `Created`
 * for a container never started (a failed start included), `Removal In Progress`, `Dead`.
 */
export function statusText(state: ContainerState, now: number): string {
  if (state.Running) {
    if (state.Paused) return `Up ${humanDuration(now - (state.StartedAt ?? now))} (Paused)`;
    if (state.Restarting) return `Restarting (${state.ExitCode}) ${humanDuration(now - (state.FinishedAt ?? now))} ago`;
    return `Up ${humanDuration(now - (state.StartedAt ?? now))}`;
  }
  if (state.phase.startsWith('removing')) return 'Removal In Progress';
  if (state.Dead) return 'Dead';
  if (state.StartedAt === null) return 'Created';
  if (state.FinishedAt === null) return '';
  return `Exited (${state.ExitCode}) ${humanDuration(now - state.FinishedAt)} ago`;
}
