import { DockerError, isDockerError } from '../../core/errors.ts';
import type { Command, CommandContext } from '../command.ts';
import { containerService } from './container-service.ts';

/**
 * `docker stop` and `docker restart` (docker/cli container/stop.go, restart.go): each container in turn, echoed
 * as typed once done; errors are gathered and printed together at the end, exit 1. `-t` is the seconds to wait
 * before SIGKILL (the container's own StopTimeout, 10 s by default, when absent); `-s` the signal to send first.
 */
export const stopCommand: Command = {
  paths: ['docker container stop', 'docker stop'],
  args: { kind: 'min', n: 1 },
  run: (ctx) => eachContainer(ctx, (ref, timeout, signal) => containerService(ctx).stop(ref, timeout, signal)),
};

export const restartCommand: Command = {
  paths: ['docker container restart', 'docker restart'],
  args: { kind: 'min', n: 1 },
  run: (ctx) => eachContainer(ctx, (ref, timeout, signal) => containerService(ctx).restart(ref, timeout, signal)),
};

async function eachContainer(ctx: CommandContext, act: (ref: string, timeout: number | undefined, signal: string | undefined) => Promise<void>): Promise<number> {
  const timeout = ctx.flags.changed('timeout') ? ctx.flags.int('timeout') : undefined;
  const signal = ctx.flags.changed('signal') ? ctx.flags.string('signal') : undefined;
  const errors: string[] = [];
  for (const ref of ctx.args) {
    try {
      await act(ref, timeout, signal);
    } catch (e) {
      if (!isDockerError(e)) throw e;
      errors.push(e.message);
      continue;
    }
    await ctx.stdout.write(`${ref}\n`);
  }
  if (errors.length > 0) throw new DockerError(errors.join('\n'), 1);
  return 0;
}
