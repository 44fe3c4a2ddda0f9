import { DockerError, isDockerError } from '../../core/errors.ts';
import type { ContainerService } from '../../runtime/containers/service.ts';
import type { Command } from '../command.ts';
import { containerService } from './container-service.ts';

/**
 * `docker pause` / `docker unpause` (docker/cli container/pause.go, unpause.go): every container is frozen (thawed)
 * and echoed as typed; the daemon's refusals are gathered and printed at the end, exit 1.
 */
function freezerCommand(verb: 'pause' | 'unpause', act: (s: ContainerService, ref: string) => unknown): Command {
  return {
    paths: [`docker container ${verb}`, `docker ${verb}`],
    args: { kind: 'min', n: 1 },
    async run(ctx) {
      const service = containerService(ctx);
      const errors: string[] = [];
      for (const ref of ctx.args) {
        try {
          act(service, ref);
        } catch (e) {
          if (!isDockerError(e)) throw e;
          errors.push(e.message);
          continue;
        }
        await ctx.stdout.write(`${ref}\n`);
      }
      if (errors.length > 0) throw new DockerError(errors.join('\n'), 1);
      return 0;
    },
  };
}

export const pauseCommand = freezerCommand('pause', (s, ref) => s.pause(ref));
export const unpauseCommand = freezerCommand('unpause', (s, ref) => s.unpause(ref));
