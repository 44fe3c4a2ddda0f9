import { isDockerError } from '../../core/errors.ts';
import type { ContainerService } from '../../runtime/containers/service.ts';
import type { ContainerRecord } from '../../runtime/containers/types.ts';
import { createWarnings } from '../../runtime/containers/networking.ts';
import type { Command, CommandContext } from '../command.ts';
import { attachOutput, containerService, createOptions, ensureImage, proxySignals, runError } from './container-service.ts';

/**
 * `docker run` / `docker container run` (docker/cli container/run.go): create (pulling the image first if it is
 * missing), then start. `-d` prints the full ID and returns; otherwise the container's output streams to the
 * terminal and the command ends with the container's exit code. Daemon errors print as `docker: <error>` with the
 * help hint, exit 125, or 126/127 when the process could not be exec'd (the CLI reads that from the message).
 */
export const runCommand: Command = {
  paths: ['docker container run', 'docker run'],
  args: { kind: 'min', n: 1 },
  interspersed: false,
  async run(ctx) {
    const service = containerService(ctx);
    const record = await createForRun(ctx, service);
    if (ctx.flags.bool('detach')) {
      await ctx.stdout.write(`${record.id}\n`);
      startOrFail(ctx, service, record);
      return 0;
    }
    const finishedBefore = service.get(record.id).state.FinishedAt;
    const detach = attachOutput(ctx, service, record.id);
    const unproxy = proxySignals(ctx, service, record.id);
    try {
      startOrFail(ctx, service, record);
      const state = await service.waitFor(record.id, (s) => s.FinishedAt !== finishedBefore);
      // `--rm`: the daemon removes it on exit; the client waits for that before returning.
      if (record.autoRemove) await service.waitFor(record.id, (s) => s.removed);
      return state.ExitCode;
    } finally {
      detach();
      unproxy();
    }
  },
};

async function createForRun(ctx: CommandContext, service: ContainerService): Promise<ContainerRecord> {
  try {
    const options = createOptions(ctx);
    if (options.autoRemove && options.restart !== undefined && options.restart !== 'no') {
      throw runError('conflicting options: cannot specify both --restart and --rm');
    }
    await ensureImage(ctx, options.image);
    const record = service.create(options);
    for (const w of createWarnings(record)) await ctx.stderr.write(`WARNING: ${w}\n`);
    return record;
  } catch (e) {
    if (!isDockerError(e) || e.code === 'ERUN') throw e;
    throw runError(e.message);
  }
}

/** Starts the new container; a start runc refuses ends `run` with 126/127 as the CLI decides from the text. */
function startOrFail(ctx: CommandContext, service: ContainerService, record: ContainerRecord): void {
  try {
    service.start(record.id, ctx.flags.bool('interactive') ? ctx.host?.stdin : undefined);
  } catch (e) {
    if (!isDockerError(e)) throw e;
    if (record.autoRemove) void service.remove(record.id, true).catch(() => {});
    throw runError(e.message, runExitCode(e.message));
  }
}

/** docker/cli run.go runStartContainerErr: the exit status a start failure means. */
function runExitCode(message: string): number {
  if (message.includes('executable file not found') || message.includes('no such file or directory')) return 127;
  if (message.includes('permission denied') || message.includes('is a directory')) return 126;
  return 125;
}
