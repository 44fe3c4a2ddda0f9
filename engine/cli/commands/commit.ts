import { commitContainer } from '../../runtime/containers/commit.ts';
import type { Command } from '../command.ts';
import { containerService } from './container-service.ts';

/**
 * `docker commit` / `docker container commit` (docker/cli container/commit.go): a new image from the container's
 * writable layer and config, printed as `sha256:<id>`. `-p` (pause during the commit, the default) changes nothing
 * observable here: the commit happens between two steps of the container's processes.
 */
export const commitCommand: Command = {
  paths: ['docker container commit', 'docker commit'],
  args: { kind: 'range', min: 1, max: 2 },
  async run(ctx) {
    const service = containerService(ctx);
    const { record } = service.get(ctx.args[0]!);
    const { layer } = service.rootfs(record.id);
    const f = ctx.flags;
    const id = commitContainer(record, layer, ctx.engine.images, service.clock.now(), {
      ...(ctx.args[1] ? { reference: ctx.args[1] } : {}),
      ...(f.string('author') ? { author: f.string('author') } : {}),
      ...(f.string('message') ? { comment: f.string('message') } : {}),
      changes: f.list('change'),
    });
    await ctx.stdout.write(`${id}\n`);
    return 0;
  },
};
