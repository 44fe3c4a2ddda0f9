import { DockerError, isDockerError } from '../../core/errors.ts';
import { WorkSlicer } from '../../core/slicer.ts';
import type { Command } from '../command.ts';
import { containerService } from './container-service.ts';

/**
 * `docker rm [-f]` / `docker container rm|remove` (docker/cli container/rm.go): each container removed is echoed
 * as typed; errors are gathered and printed together at the end, exit 1. `-f` kills a running container first
 * (SIGKILL) and makes a missing one no error (and no echo). `-v` removes the container's anonymous volumes too.
 */
export const rmCommand: Command = {
  paths: ['docker container rm', 'docker container remove', 'docker rm'],
  args: { kind: 'min', n: 1 },
  async run(ctx) {
    const service = containerService(ctx);
    const force = ctx.flags.bool('force');
    const errors: string[] = [];
    // `docker rm -f $(docker ps -aq)` of a thousand containers must not be one task the page waits on.
    const slicer = new WorkSlicer(ctx.engine.images.clock, 25);
    for (const ref of ctx.args) {
      await slicer.spend(1);
      try {
        await service.remove(ref, force, ctx.flags.bool('volumes'));
      } catch (e) {
        if (!isDockerError(e)) throw e;
        if (!(force && e.code === 'ENOCONTAINER')) errors.push(e.message);
        continue;
      }
      await ctx.stdout.write(`${ref}\n`);
    }
    if (errors.length > 0) throw new DockerError(errors.join('\n'), 1);
    return 0;
  },
};
