import { DockerError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { networkService } from './network-service.ts';
import { keyValueMap } from './volume-service.ts';

/**
 * `docker network create [OPTIONS] NETWORK` (docker/cli network/create.go): prints the new network's 64-hex ID.
 * The client pairs `--gateway` and `--ip-range` with a `--subnet` first (consolidateIpam); only the first IPv4
 * subnet is used, as this daemon's networks have one.
 */
export const networkCreateCommand: Command = {
  paths: ['docker network create'],
  args: { kind: 'exact', n: 1 },
  async run(ctx) {
    const f = ctx.flags;
    const subnets = f.list('subnet');
    const gateways = f.list('gateway');
    const ranges = f.list('ip-range');
    if (subnets.length === 0 && (gateways.length > 0 || ranges.length > 0)) {
      throw new DockerError('every ip-range or gateway must have a corresponding subnet', 1, 'EIPAM');
    }
    if (gateways.length > subnets.length) throw new DockerError(`cannot configure multiple gateways for the same subnet`, 1, 'EIPAM');
    const network = networkService(ctx).createNetwork({
      name: ctx.args[0]!,
      driver: f.string('driver'),
      ...(subnets[0] !== undefined ? { subnet: subnets[0] } : {}),
      ...(gateways[0] !== undefined ? { gateway: gateways[0] } : {}),
      ...(ranges[0] !== undefined ? { ipRange: ranges[0] } : {}),
      internal: f.bool('internal'),
      attachable: f.bool('attachable'),
      labels: keyValueMap(f.list('label')),
      options: keyValueMap(f.list('opt')),
    });
    await ctx.stdout.write(`${network.id}\n`);
    return 0;
  },
};
