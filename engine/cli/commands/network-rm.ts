import { DockerError, isDockerError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { networkService } from './network-service.ts';

/**
 * `docker network rm [-f] NETWORK...` / `remove` (docker/cli network/remove.go): each network removed is echoed as
 * typed; failures are printed together at the end, exit 1. `-f` makes a missing network no error.
 */
export const networkRmCommand: Command = {
  paths: ['docker network rm', 'docker network remove'],
  args: { kind: 'min', n: 1 },
  async run(ctx) {
    const service = networkService(ctx);
    const force = ctx.flags.bool('force');
    const errors: string[] = [];
    for (const ref of ctx.args) {
      try {
        service.removeNetwork(ref);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        if (force && e.code === 'ENOTFOUND') continue;
        errors.push(e.message);
        continue;
      }
      await ctx.stdout.write(`${ref}\n`);
    }
    if (errors.length > 0) throw new DockerError(errors.join('\n'), 1);
    return 0;
  },
};
