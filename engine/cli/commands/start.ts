import { DockerError, isDockerError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { attachOutput, containerService, proxySignals } from './container-service.ts';

/**
 * `docker start` / `docker container start` (docker/cli container/start.go). Without `-a` each container is
 * started and echoed as typed; a failure prints the daemon's error at once and the command ends with
 * `Error: failed to start containers: …` (docker 28's wording; 29 drops the `Error: `). With `-a` (one container
 * only) the output streams to the terminal and the command ends with the container's exit code.
 */
export const startCommand: Command = {
  paths: ['docker container start', 'docker start'],
  args: { kind: 'min', n: 1 },
  async run(ctx) {
    const service = containerService(ctx);
    if (ctx.flags.bool('attach') || ctx.flags.bool('interactive')) {
      if (ctx.args.length > 1) throw new DockerError('you cannot start and attach multiple containers at once', 1, 'EUSAGE');
      const { record, state } = service.get(ctx.args[0]!);
      const finishedBefore = state.FinishedAt;
      const detach = attachOutput(ctx, service, record.id);
      const unproxy = proxySignals(ctx, service, record.id);
      try {
        service.start(record.id, ctx.flags.bool('interactive') ? ctx.host?.stdin : undefined);
        const end = await service.waitFor(record.id, (s) => s.FinishedAt !== finishedBefore);
        return end.ExitCode;
      } finally {
        unproxy();
        detach();
      }
    }
    const failed: string[] = [];
    for (const ref of ctx.args) {
      try {
        service.start(ref);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        await ctx.stderr.write(`${e.message}\n`);
        failed.push(ref);
        continue;
      }
      await ctx.stdout.write(`${ref}\n`);
    }
    if (failed.length > 0) throw new DockerError(`Error: failed to start containers: ${failed.join(', ')}`, 1);
    return 0;
  },
};
