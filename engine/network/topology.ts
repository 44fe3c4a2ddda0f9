import type { NetworkState } from './types.ts';

/** What the UI's network diagram draws: every network, who is attached with which address, and published ports. */
export interface Topology {
  readonly networks: readonly TopologyNetwork[];
  readonly published: readonly TopologyPort[];
}

export interface TopologyNetwork {
  readonly id: string;
  readonly name: string;
  readonly driver: string;
  readonly subnet?: string;
  readonly gateway?: string;
  /** `--internal`: no route to the host or beyond. */
  readonly internal: boolean;
  readonly endpoints: readonly TopologyEndpoint[];
}

export interface TopologyEndpoint {
  readonly containerId: string;
  readonly containerName: string;
  readonly ipAddress: string;
  readonly macAddress: string;
  readonly aliases: readonly string[];
}

export interface TopologyPort {
  readonly containerId: string;
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerIp: string;
  readonly containerPort: number;
  readonly proto: string;
}

export function topologyOf(state: NetworkState): Topology {
  const attached = [...state.endpoints.values()].flat();
  const networks = [...state.networks.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((n) => ({
      id: n.id,
      name: n.name,
      driver: n.driver,
      internal: n.internal,
      ...(n.subnet ? { subnet: n.subnet, gateway: n.gateway } : {}),
      endpoints: attached
        .filter((e) => e.networkId === n.id)
        .map((e) => ({ containerId: e.containerId, containerName: e.containerName, ipAddress: e.ipAddress, macAddress: e.macAddress, aliases: e.aliases })),
    }));
  const published = state.ports.map((p) => ({
    containerId: p.containerId,
    hostIp: p.hostIp,
    hostPort: p.hostPort,
    containerIp: p.containerIp,
    containerPort: p.containerPort,
    proto: p.proto,
  }));
  return { networks, published };
}
