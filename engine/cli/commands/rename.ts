import { DockerError, isDockerError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { containerService } from './container-service.ts';

/**
 * `docker rename` / `docker container rename CONTAINER NEW_NAME` (docker/cli 28 container/rename.go): both names are
 * trimmed and must not be empty; a daemon error is printed, then `Error: failed to rename container named OLD`,
 * exit 1. Success prints nothing.
 */
export const renameCommand: Command = {
  paths: ['docker container rename', 'docker rename'],
  args: { kind: 'exact', n: 2 },
  async run(ctx) {
    const oldName = ctx.args[0]!.trim();
    const newName = ctx.args[1]!.trim();
    if (oldName === '' || newName === '') throw new DockerError('Error: Neither old nor new names may be empty', 1);
    try {
      containerService(ctx).rename(oldName, newName);
    } catch (e) {
      if (!isDockerError(e)) throw e;
      await ctx.stderr.write(`${e.message}\n`);
      throw new DockerError(`Error: failed to rename container named ${oldName}`, 1, e.code);
    }
    return 0;
  },
};
