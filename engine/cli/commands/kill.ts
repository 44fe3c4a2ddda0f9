import { DockerError, isDockerError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { containerService } from './container-service.ts';

/**
 * `docker kill [-s SIGNAL]` (docker/cli container/kill.go): the signal (SIGKILL by default) is delivered and the
 * command returns without waiting. Each container is echoed as typed; errors are gathered, exit 1. The daemon's
 * kill route wraps every error as `cannot kill container: <ref>: …`.
 */
export const killCommand: Command = {
  paths: ['docker container kill', 'docker kill'],
  args: { kind: 'min', n: 1 },
  async run(ctx) {
    const service = containerService(ctx);
    const signal = ctx.flags.changed('signal') ? ctx.flags.string('signal') : undefined;
    const errors: string[] = [];
    for (const ref of ctx.args) {
      try {
        service.kill(ref, signal);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        errors.push(e.code === 'ENOCONTAINER' ? e.message.replace('Error response from daemon: ', `Error response from daemon: cannot kill container: ${ref}: `) : e.message);
        continue;
      }
      await ctx.stdout.write(`${ref}\n`);
    }
    if (errors.length > 0) throw new DockerError(errors.join('\n'), 1);
    return 0;
  },
};
