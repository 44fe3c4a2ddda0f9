import type { DockerError } from '../../core/errors.ts';
import type { LifecycleContext } from './context.ts';
import * as errors from './errors.ts';
import type { LifecycleCommand } from './events.ts';

/**
 * Which commands Docker refuses in which state, and with what words. Checked before an event reaches the
 * statechart: a command that passes but has no transition there is one Docker accepts and ignores (start of a
 * running container, stop of a stopped one).
 */
export function refusal(phase: string, context: LifecycleContext, command: LifecycleCommand): DockerError | undefined {
  const ref = command.ref ?? context.name;
  const top = phase.split('.')[0]!;
  if (top === 'removed') return errors.noSuchContainer(ref);
  // moby's "is the process there" (`IsRunning`): true while paused or restarting, and while `rm -f` kills it.
  const live = top === 'running' || top === 'paused' || top === 'restarting' || phase === 'removing.killing';
  const goingAway = top === 'dead' || top === 'removing';
  switch (command.type) {
    case 'START':
      if (top === 'paused') return errors.startPaused();
      if (goingAway) return errors.startMarkedForRemoval();
      return undefined;
    case 'STOP':
      return undefined;
    case 'KILL':
      return live ? undefined : errors.killNotRunning(ref, context.id);
    case 'PAUSE':
      if (top === 'paused') return errors.pauseAlreadyPaused(context.id);
      if (top === 'restarting') return errors.pauseRestarting(context.id);
      if (phase !== 'running.up') {
        // Docker would freeze a container that is being stopped, too; the simulation keeps a pending stop simple
        // and refuses it (see `pauseStopping`).
        return live ? errors.pauseStopping(context.id) : errors.pauseNotRunning(context.id);
      }
      return undefined;
    case 'UNPAUSE':
      return top === 'paused' ? undefined : errors.unpauseNotPaused(context.id);
    case 'RESTART':
      return goingAway ? errors.restartFailed(ref, errors.startMarkedForRemoval()) : undefined;
    case 'REMOVE':
      if (top === 'removing') return errors.removalInProgress(ref);
      if (live && !command.force) return errors.removeLive(ref, top === 'paused' ? 'paused' : top === 'restarting' ? 'restarting' : 'running');
      return undefined;
  }
}
