import type { Command } from '../command.ts';
import { keyValueMap, volumeService } from './volume-service.ts';

/**
 * `docker volume create [OPTIONS] [VOLUME]` (docker/cli volume/create.go): prints the volume's name, the generated
 * 64-hex one when none was given. Creating a name that exists is no error; the daemon returns it unchanged.
 */
export const volumeCreateCommand: Command = {
  paths: ['docker volume create'],
  args: { kind: 'max', n: 1 },
  async run(ctx) {
    const { volume } = volumeService(ctx).create({
      name: ctx.args[0] ?? '',
      driver: ctx.flags.string('driver'),
      labels: keyValueMap(ctx.flags.list('label')),
      options: keyValueMap(ctx.flags.list('opt')),
    });
    await ctx.stdout.write(`${volume.name}\n`);
    return 0;
  },
};
