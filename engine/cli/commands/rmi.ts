import { DockerError, isDockerError } from '../../core/errors.ts';
import { deleteImage } from '../../image/remove.ts';
import type { Command } from '../command.ts';
import { imageUsers } from '../engine-view.ts';

/**
 * `docker rmi` / `docker image rm|remove` (docker/cli image/remove.go): each image in turn, its `Untagged:` and
 * `Deleted:` lines as it goes; the errors afterwards, together. They fail the command (exit 1) unless `-f` was
 * given and every one of them was "No such image", which is then only reported.
 */
export const rmiCommand: Command = {
  paths: ['docker image rm', 'docker image remove', 'docker rmi'],
  args: { kind: 'min', n: 1 },
  async run(ctx) {
    const force = ctx.flags.bool('force');
    const options = { force, prune: !ctx.flags.bool('no-prune'), ...imageUsers(ctx.engine) };
    const errors: DockerError[] = [];
    for (const text of ctx.args) {
      try {
        const { records } = ctx.engine.images.update((store) => deleteImage(store, text, options));
        let out = '';
        for (const r of records) out += 'deleted' in r ? `Deleted: ${r.deleted}\n` : `Untagged: ${r.untagged}\n`;
        await ctx.stdout.write(out);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        errors.push(e);
      }
    }
    if (errors.length === 0) return 0;
    await ctx.stderr.write(errors.map((e) => e.message).join('\n') + '\n');
    return !force || errors.some((e) => e.code !== 'ENOIMAGE') ? 1 : 0;
  },
};
