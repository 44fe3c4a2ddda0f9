import { DockerError } from '../core/errors.ts';
import { nextHexId, type IdState } from '../core/ids.ts';
import { isIPv4 } from './address.ts';
import { findNetwork } from './find.ts';
import { inSubnet } from './ipam.ts';
import { canonicalCidr, firstHost, nextPoolSubnet, overlaps } from './pools.ts';
import type { Network, NetworkState } from './types.ts';

/** What `docker network create` sends (NetworkCreateRequest), as far as the bridge driver uses it. */
export interface CreateNetworkOptions {
  readonly name: string;
  /** `-d`: bridge unless given. */
  readonly driver?: string;
  readonly subnet?: string;
  readonly gateway?: string;
  readonly ipRange?: string;
  readonly internal?: boolean;
  readonly attachable?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
  /** `-o`: driver options, shown in inspect's Options as given. */
  readonly options?: Readonly<Record<string, string>>;
}

const daemonError = (message: string, code: string) => new DockerError(`Error response from daemon: ${message}`, 1, code);

/**
 * A user-defined bridge (moby daemon/network.go createNetwork, then the default IPAM): a unique name, the lowest
 * free default pool unless `--subnet` (which must overlap no other network), gateway `.1` unless `--gateway`, and
 * a `br-<12hex>` Linux bridge. Pure: the new state, the network and the ids after its ID was drawn.
 */
export function createUserNetwork(state: NetworkState, ids: IdState, now: number, o: CreateNetworkOptions): { state: NetworkState; network: Network; ids: IdState } {
  const driver = o.driver || 'bridge';
  if (driver === 'host' || driver === 'null') throw daemonError(`only one instance of "${driver}" network is allowed`, 'EDRIVER');
  // Other drivers are plugins this daemon has not (overlay needs swarm; wording of moby's plugin getter).
  if (driver !== 'bridge') throw daemonError(`plugin "${driver}" not found`, 'EDRIVER');
  const all = [...state.networks.values()];
  if (all.some((n) => n.name === o.name)) throw daemonError(`network with name ${o.name} already exists`, 'EEXISTS');
  const used = all.flatMap((n) => (n.subnet ? [n.subnet] : []));
  let subnet: string | undefined;
  if (o.subnet !== undefined) {
    subnet = canonicalCidr(o.subnet);
    if (!subnet) throw daemonError(`invalid network config:\ninvalid subnet ${o.subnet}: invalid CIDR address: ${o.subnet}`, 'ESUBNET');
    if (used.some((u) => overlaps(u, subnet!))) throw daemonError('invalid pool request: Pool overlaps with other one on this address space', 'EOVERLAP');
  } else {
    subnet = nextPoolSubnet(used);
    if (!subnet) throw daemonError('all predefined address pools have been fully subnetted', 'ENOPOOL');
  }
  if (o.gateway !== undefined && (!isIPv4(o.gateway) || !inSubnet(o.gateway, subnet))) {
    throw daemonError(`invalid network config:\ninvalid gateway ${o.gateway}: it does not belong to subnet ${subnet}`, 'EGATEWAY');
  }
  let ipRange: string | undefined;
  if (o.ipRange !== undefined) {
    ipRange = canonicalCidr(o.ipRange);
    if (!ipRange || !overlaps(ipRange, subnet) || Number(ipRange.split('/')[1]) < Number(subnet.split('/')[1])) {
      throw daemonError(`invalid network config:\ninvalid ip-range ${o.ipRange}: it must be a subset of subnet ${subnet}`, 'EIPRANGE');
    }
  }
  const [id, after] = nextHexId(ids, 'network');
  const network: Network = {
    id,
    name: o.name,
    driver: 'bridge',
    created: now,
    subnet,
    gateway: o.gateway ?? firstHost(subnet),
    ...(ipRange ? { ipRange } : {}),
    ...(o.subnet !== undefined ? { userSubnet: true } : {}),
    bridgeName: o.options?.['com.docker.network.bridge.name'] ?? `br-${id.slice(0, 12)}`,
    predefined: false,
    dns: true,
    internal: o.internal ?? false,
    attachable: o.attachable ?? false,
    options: { ...(o.options ?? {}) },
    labels: { ...(o.labels ?? {}) },
  };
  const networks = new Map(state.networks);
  networks.set(id, network);
  return { state: { ...state, networks }, network, ids: after };
}

/**
 * `docker network rm` (moby daemon/network.go deleteNetwork): the predefined networks never go; a network with
 * running containers attached is refused with Engine 28.2's wording, which names them.
 */
export function removeUserNetwork(state: NetworkState, ref: string): { state: NetworkState; network: Network } {
  const network = findNetwork(state, ref);
  if (network.predefined) throw daemonError(`${network.name} is a pre-defined network and cannot be removed`, 'EPREDEFINED');
  const active = attachedTo(state, network.id);
  if (active.length > 0) {
    const list = active.map((e) => `name:"${e.containerName}" id:"${e.containerId.slice(0, 12)}"`).join(', ');
    throw daemonError(`error while removing network: network ${network.name} has active endpoints (${list})`, 'EINUSE');
  }
  const networks = new Map(state.networks);
  networks.delete(network.id);
  return { state: { ...state, networks }, network };
}

/** The endpoints on a network, in the order containers were connected. */
export function attachedTo(state: NetworkState, networkId: string) {
  return [...state.endpoints.values()].flat().filter((e) => e.networkId === networkId);
}
