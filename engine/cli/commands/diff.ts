import { changes } from '../../fs/diff.ts';
import { union } from '../../fs/union.ts';
import type { Command } from '../command.ts';
import { containerService } from './container-service.ts';

/**
 * `docker diff` / `docker container diff` (docker/cli container/diff.go; moby archive/changes.go): the writable
 * layer's changes against the image, `A`, `C` or `D` and the path, sorted by path. Mounts are not part of the
 * root filesystem, so what a process wrote into a volume never shows.
 */
export const diffCommand: Command = {
  paths: ['docker container diff', 'docker diff'],
  args: { kind: 'exact', n: 1 },
  async run(ctx) {
    const service = containerService(ctx);
    const { record } = service.get(ctx.args[0]!);
    const { imageRoot, layer } = service.rootfs(record.id);
    const lines = changes(imageRoot, union([imageRoot, layer])).map((c) => `${c.kind} ${c.path}\n`);
    await ctx.stdout.write(lines.join(''));
    return 0;
  },
};
