import { DockerError } from '../../core/errors.ts';
import { exitStatusForSignal } from '../../programs/process.ts';
import type { Command } from '../command.ts';
import { attachOutput, containerService, proxySignals } from './container-service.ts';
import { interrupted } from './interrupt.ts';

/**
 * `docker attach` / `docker container attach` (docker/cli container/attach.go): the container's output from now on,
 * until it exits (the command then ends with its exit code). The client refuses containers that do not run, in its
 * own words (no "Error response from daemon"). Without a tty, `--sig-proxy` (the default) sends Ctrl-C on to the
 * process; with `--sig-proxy=false` Ctrl-C only ends the client, detaching. With a tty, Ctrl-C reaches the process
 * through the terminal either way.
 *
 * Not simulated: the main process's stdin is fixed when it starts, so attaching does not connect the terminal's
 * keyboard to it (`--no-stdin` is accepted), and the Ctrl-P Ctrl-Q detach keys (`--detach-keys`).
 */
export const attachCommand: Command = {
  paths: ['docker container attach', 'docker attach'],
  args: { kind: 'exact', n: 1 },
  async run(ctx) {
    const service = containerService(ctx);
    const { record, state } = service.get(ctx.args[0]!);
    if (!state.Running) throw new DockerError('You cannot attach to a stopped container, start it first', 1, 'ENOTRUNNING');
    if (state.Paused) throw new DockerError('You cannot attach to a paused container, unpause it first', 1, 'EPAUSED');
    if (state.Restarting) throw new DockerError('You cannot attach to a restarting container, wait until it is running', 1, 'ERESTARTING');
    const proxy = record.config.Tty || ctx.flags.bool('sig-proxy');
    const detach = attachOutput(ctx, service, record.id);
    const unproxy = proxy ? proxySignals(ctx, service, record.id) : () => {};
    try {
      const exited = service.waitFor(record.id, (s) => s.FinishedAt !== state.FinishedAt || s.removed);
      if (proxy) return (await exited).ExitCode;
      const end = await Promise.race([exited, interrupted(ctx)]);
      return end === 'interrupted' ? exitStatusForSignal(ctx.signal?.reason) : end.ExitCode;
    } finally {
      unproxy();
      detach();
    }
  },
};
