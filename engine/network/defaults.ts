import { nextHexId, type IdState } from '../core/ids.ts';
import type { Network, NetworkState } from './types.ts';

/** docker0: the default bridge's subnet and gateway (the first of the default address pools). */
export const DEFAULT_BRIDGE_SUBNET = '172.17.0.0/16';
export const DEFAULT_BRIDGE_GATEWAY = '172.17.0.1';

/** What `docker network inspect bridge` shows in Options on a stock Engine 28 (not checked on a live 28 daemon). */
const DEFAULT_BRIDGE_OPTIONS: Readonly<Record<string, string>> = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

/** Linux's net.ipv4.ip_local_port_range, where the daemon's random host ports come from (round-robin). */
export const DYNAMIC_PORT_FIRST = 32768;
export const DYNAMIC_PORT_LAST = 60999;

/** The networks a fresh daemon has: `bridge`, `host` and `none`, with seeded 64-hex IDs, created at `now`. */
export function initialNetworkState(ids: IdState, now: number): { state: NetworkState; ids: IdState } {
  const [bridgeId, a] = nextHexId(ids, 'network');
  const [hostId, b] = nextHexId(a, 'network');
  const [noneId, c] = nextHexId(b, 'network');
  const common = { created: now, predefined: true, dns: false, internal: false, attachable: false, labels: {} };
  const networks: Network[] = [
    {
      ...common,
      id: bridgeId,
      name: 'bridge',
      driver: 'bridge',
      subnet: DEFAULT_BRIDGE_SUBNET,
      gateway: DEFAULT_BRIDGE_GATEWAY,
      bridgeName: 'docker0',
      options: DEFAULT_BRIDGE_OPTIONS,
    },
    { ...common, id: hostId, name: 'host', driver: 'host', options: {} },
    { ...common, id: noneId, name: 'none', driver: 'null', options: {} },
  ];
  return {
    state: { networks: new Map(networks.map((n) => [n.id, n])), endpoints: new Map(), ports: [], nextDynamicPort: DYNAMIC_PORT_FIRST },
    ids: c,
  };
}

/** A network by exact name (the predefined ones are looked up this way by `--network`). */
export function networkByName(state: NetworkState, name: string): Network | undefined {
  for (const n of state.networks.values()) if (n.name === name) return n;
  return undefined;
}
