import { BUILDX } from '../usage/index.ts';
import type { Command } from '../command.ts';

/** `docker buildx version` (buildx commands/version.go): the plugin's package, version and revision. */
export const buildxVersionCommand: Command = {
  paths: ['docker buildx version'],
  args: { kind: 'none' },
  async run(ctx) {
    await ctx.stdout.write(`${BUILDX.package} ${BUILDX.version} ${BUILDX.revision}\n`);
    return 0;
  },
};
