import { isDockerError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { createWarnings } from '../../runtime/containers/networking.ts';
import { containerService, createOptions, ensureImage, runError } from './container-service.ts';

/**
 * `docker create` / `docker container create` (docker/cli container/create.go): pulls a missing image as `run`
 * does, creates the container and prints its full ID. Errors come back as `run`'s do (withHelp): `docker: ...` with
 * the help hint, exit 125.
 */
export const createCommand: Command = {
  paths: ['docker container create', 'docker create'],
  args: { kind: 'min', n: 1 },
  interspersed: false,
  async run(ctx) {
    const service = containerService(ctx);
    try {
      const options = createOptions(ctx, 'create');
      await ensureImage(ctx, options.image);
      const record = service.create(options);
      for (const w of createWarnings(record)) await ctx.stderr.write(`WARNING: ${w}\n`);
      await ctx.stdout.write(`${record.id}\n`);
      return 0;
    } catch (e) {
      if (!isDockerError(e) || e.code === 'ERUN') throw e;
      throw runError(e.message, 125, 'create');
    }
  },
};
