import type { Command } from '../command.ts';
import { containerService, createOptions, ensureImage } from './container-service.ts';

/**
 * `docker create` / `docker container create` (docker/cli container/create.go): pulls a missing image as `run`
 * does, creates the container and prints its full ID. Errors are printed as they come, exit 1.
 */
export const createCommand: Command = {
  paths: ['docker container create', 'docker create'],
  args: { kind: 'min', n: 1 },
  interspersed: false,
  async run(ctx) {
    const service = containerService(ctx);
    const options = createOptions(ctx, 'create');
    await ensureImage(ctx, options.image);
    const record = service.create(options);
    await ctx.stdout.write(`${record.id}\n`);
    return 0;
  },
};
