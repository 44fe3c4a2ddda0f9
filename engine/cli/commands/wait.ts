import { DockerError, isDockerError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { containerService } from './container-service.ts';

/**
 * `docker wait` (docker/cli container/wait.go): blocks until each container is not running (at once for one that
 * is not), then prints its exit code, one line per container; errors are gathered and printed at the end, exit 1.
 */
export const waitCommand: Command = {
  paths: ['docker container wait', 'docker wait'],
  args: { kind: 'min', n: 1 },
  async run(ctx) {
    const service = containerService(ctx);
    const errors: string[] = [];
    for (const ref of ctx.args) {
      try {
        const { record } = service.get(ref);
        const state = await service.waitFor(record.id, (s) => !s.Running);
        await ctx.stdout.write(`${state.ExitCode}\n`);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        errors.push(e.message);
      }
    }
    if (errors.length > 0) throw new DockerError(errors.join('\n'), 1);
    return 0;
  },
};
