import { DockerError, isDockerError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { volumeService } from './volume-service.ts';

/**
 * `docker volume rm [-f] VOLUME...` / `remove` (docker/cli volume/remove.go): each name removed is echoed as typed;
 * failures are gathered and printed together at the end, one per line, exit 1. `-f` only makes a missing volume
 * no error (it is echoed all the same); a volume in use is refused either way.
 */
export const volumeRmCommand: Command = {
  paths: ['docker volume rm', 'docker volume remove'],
  args: { kind: 'min', n: 1 },
  async run(ctx) {
    const service = volumeService(ctx);
    const force = ctx.flags.bool('force');
    const errors: string[] = [];
    for (const name of ctx.args) {
      try {
        service.remove(name, force);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        errors.push(e.message);
        continue;
      }
      await ctx.stdout.write(`${name}\n`);
    }
    if (errors.length > 0) throw new DockerError(errors.join('\n'), 1);
    return 0;
  },
};
