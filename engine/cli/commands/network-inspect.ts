import type { NetworkService } from '../../network/service.ts';
import type { Network } from '../../network/types.ts';
import { attachedTo } from '../../network/user-networks.ts';
import { timeText } from '../../runtime/containers/inspect.ts';
import type { Command } from '../command.ts';
import { goStruct, NIL_MAP, NIL_SLICE } from '../template/index.ts';
import { writeInspect } from './inspect-output.ts';
import { networkService } from './network-service.ts';

/**
 * A network as Engine 28's API returns it (api/types/network.Inspect), fields in declaration order. Containers
 * lists running containers only, by full ID, with their address in CIDR form; user-defined networks carry the empty
 * maps the CLI sent for IPAM options, driver options and labels, the predefined ones the daemon's own values.
 * (Engine 28's exact Options for a user network, `{}` here, were not checked on a live daemon.)
 */
export function networkInspectValue(service: NetworkService, n: Network): unknown {
  const containers: Record<string, unknown> = {};
  for (const e of attachedTo(service.state, n.id)) {
    containers[e.containerId] = goStruct(
      { name: 'network.EndpointResource' },
      { Name: e.containerName, EndpointID: e.endpointId, MacAddress: e.macAddress, IPv4Address: e.ipAddress ? `${e.ipAddress}/${e.prefixLen}` : '', IPv6Address: '' },
    );
  }
  const config = n.subnet
    ? [goStruct({ name: 'network.IPAMConfig', omitEmpty: ['Subnet', 'IPRange', 'Gateway'] }, { Subnet: n.subnet, IPRange: n.ipRange ?? '', Gateway: n.gateway ?? '' })]
    : NIL_SLICE;
  return goStruct(
    { name: 'network.Inspect' },
    {
      Name: n.name,
      Id: n.id,
      Created: timeText(n.created),
      Scope: 'local',
      Driver: n.driver,
      EnableIPv4: n.driver === 'bridge',
      EnableIPv6: false,
      IPAM: goStruct({ name: 'network.IPAM' }, { Driver: 'default', Options: n.predefined ? NIL_MAP : {}, Config: config }),
      Internal: n.internal,
      Attachable: n.attachable,
      Ingress: false,
      ConfigFrom: goStruct({ name: 'network.ConfigReference' }, { Network: '' }),
      ConfigOnly: false,
      Containers: containers,
      Options: { ...n.options },
      Labels: { ...n.labels },
    },
  );
}

/**
 * `docker network inspect [-f FORMAT] NETWORK...` (docker/cli network/inspect.go): by full ID, name or unique ID
 * prefix. `-v` adds swarm details this daemon has not, so it shows the same.
 */
export const networkInspectCommand: Command = {
  paths: ['docker network inspect'],
  args: { kind: 'min', n: 1 },
  run: (ctx) => {
    const service = networkService(ctx);
    return writeInspect(ctx, ctx.args, ctx.flags.string('format'), (ref) => networkInspectValue(service, service.network(ref)));
  },
};
