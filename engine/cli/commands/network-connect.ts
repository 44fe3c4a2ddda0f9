import type { Command } from '../command.ts';
import { containerService } from './container-service.ts';

/**
 * `docker network connect [--alias A] [--ip IP] NETWORK CONTAINER` (docker/cli network/connect.go): prints nothing.
 * A running container joins at once; a stopped one at its next start.
 */
export const networkConnectCommand: Command = {
  paths: ['docker network connect'],
  args: { kind: 'exact', n: 2 },
  async run(ctx) {
    const aliases = ctx.flags.list('alias');
    const ip = ctx.flags.string('ip');
    containerService(ctx).connectNetwork(ctx.args[1]!, {
      target: ctx.args[0]!,
      ...(aliases.length > 0 ? { aliases: [...aliases] } : {}),
      ...(ip !== '' ? { ipv4Address: ip } : {}),
    });
    return 0;
  },
};

/** `docker network disconnect [-f] NETWORK CONTAINER` (docker/cli network/disconnect.go): prints nothing. */
export const networkDisconnectCommand: Command = {
  paths: ['docker network disconnect'],
  args: { kind: 'exact', n: 2 },
  async run(ctx) {
    containerService(ctx).disconnectNetwork(ctx.args[1]!, ctx.args[0]!, ctx.flags.bool('force'));
    return 0;
  },
};
