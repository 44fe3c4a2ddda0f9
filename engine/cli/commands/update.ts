import { DockerError, isDockerError } from '../../core/errors.ts';
import { parseRestartPolicy } from '../../runtime/lifecycle/restart-policy.ts';
import type { Command } from '../command.ts';
import { containerService } from './container-service.ts';

/**
 * Resource limits are not simulated (no cgroups): accepting them would claim a limit that nothing enforces, so
 * they are refused by name instead of silently ignored.
 */
const UNSIMULATED = [
  'blkio-weight', 'cpu-period', 'cpu-quota', 'cpu-rt-period', 'cpu-rt-runtime', 'cpu-shares', 'cpus', 'cpuset-cpus',
  'cpuset-mems', 'memory', 'memory-reservation', 'memory-swap', 'pids-limit',
];

/**
 * `docker update` / `docker container update [OPTIONS] CONTAINER...` (docker/cli container/update.go): at least one
 * flag; `--restart` is parsed by the client, then each container is updated in turn and echoed as typed, errors
 * gathered and printed at the end (exit 1).
 */
export const updateCommand: Command = {
  paths: ['docker container update', 'docker update'],
  args: { kind: 'min', n: 1 },
  async run(ctx) {
    const given = ['restart', ...UNSIMULATED].filter((f) => ctx.flags.changed(f));
    if (given.length === 0) throw new DockerError('you must provide one or more flags when using this command', 1);
    const unsimulated = given.filter((f) => f !== 'restart');
    if (unsimulated.length > 0) {
      throw new DockerError(`docker update: ${unsimulated.map((f) => `--${f}`).join(', ')} not simulated: Dockyard has no resource limits (only --restart can be updated)`, 1, 'EUNSIMULATED');
    }
    const text = ctx.flags.string('restart');
    // An empty --restart leaves the policy as it is (the client sends an empty name).
    const policy = text === '' ? undefined : clientPolicy(text);
    const service = containerService(ctx);
    const errors: string[] = [];
    for (const ref of ctx.args) {
      try {
        if (policy) service.updateRestartPolicy(ref, policy);
        else service.get(ref);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        errors.push(e.message);
        continue;
      }
      await ctx.stdout.write(`${ref}\n`);
    }
    if (errors.length > 0) throw new DockerError(errors.join('\n'), 1);
    return 0;
  },
};

/** opts.ParseRestartPolicy then the daemon's validation; for `update` every refusal exits 1. */
function clientPolicy(text: string) {
  try {
    return parseRestartPolicy(text);
  } catch (e) {
    if (!isDockerError(e)) throw e;
    throw new DockerError(e.message, 1, e.code);
  }
}
