import { joinHostPort } from './address.ts';
import type { ConnectionFailure, ConnectionHop, ConnectionPeer, ConnectionRecord, ConnectionResult } from './connection.ts';
import { EMBEDDED_DNS_ADDRESS } from './resolv-conf.ts';
import { topologyOf } from './topology.ts';
import type { NetworkState } from './types.ts';

/**
 * What the network picture draws: the host with its published ports, each network with the running containers on
 * it (address and the names its DNS answers for them), and the last connection with its path and result. Built on
 * the topology, as plain data.
 */
export interface NetworkView {
  readonly host: { readonly name: string; readonly published: readonly PublishedPortView[] };
  readonly networks: readonly NetworkBox[];
  readonly lastConnection?: ConnectionView;
}

export interface PublishedPortView {
  readonly containerId: string;
  readonly containerName: string;
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerIp: string;
  readonly containerPort: number;
  readonly proto: string;
  /** As `docker port` words it: `0.0.0.0:8089 -> 80/tcp`. */
  readonly label: string;
}

export interface NetworkBox {
  readonly id: string;
  readonly name: string;
  readonly driver: string;
  readonly subnet?: string;
  readonly gateway?: string;
  readonly internal: boolean;
  /** Whether the embedded DNS server answers container names here (user-defined networks; never the default bridge). */
  readonly dns: boolean;
  readonly containers: readonly NetworkMember[];
}

export interface NetworkMember {
  readonly containerId: string;
  readonly containerName: string;
  /** '' on host and none: the container has no address of its own there. */
  readonly ipAddress: string;
  /** The names other containers on this network can use: its name and aliases (none without DNS). */
  readonly dnsNames: readonly string[];
  /** The other networks it is also on. */
  readonly alsoOn: readonly string[];
}

/** The last connection, with the names to show and the path in words (the same facts the diagram draws). */
export interface ConnectionView {
  readonly record: ConnectionRecord;
  readonly fromName: string;
  readonly toName?: string;
  /** `curl → pweb:80`. */
  readonly title: string;
  /** `connected`, or the error: `ENOTFOUND (at DNS)`. */
  readonly outcome: string;
  readonly ok: boolean;
  /** Each step in order, the last saying how it ended (or where it stopped). */
  readonly steps: readonly string[];
}

export function networkView(state: NetworkState, hostname: string, last?: ConnectionRecord): NetworkView {
  const topology = topologyOf(state);
  const nameOf = new Map(topology.networks.flatMap((n) => n.endpoints.map((e) => [e.containerId, e.containerName] as const)));
  const networksOf = new Map<string, string[]>();
  for (const n of topology.networks) for (const e of n.endpoints) networksOf.set(e.containerId, [...(networksOf.get(e.containerId) ?? []), n.name]);
  const networks = topology.networks.map((n) => {
    const dns = state.networks.get(n.id)?.dns ?? false;
    return {
      id: n.id,
      name: n.name,
      driver: n.driver,
      ...(n.subnet ? { subnet: n.subnet } : {}),
      ...(n.gateway ? { gateway: n.gateway } : {}),
      internal: n.internal,
      dns,
      containers: n.endpoints.map((e) => ({
        containerId: e.containerId,
        containerName: e.containerName,
        ipAddress: e.ipAddress,
        dnsNames: dns ? [...new Set([e.containerName, ...e.aliases])] : [],
        alsoOn: (networksOf.get(e.containerId) ?? []).filter((other) => other !== n.name),
      })),
    };
  });
  const published = topology.published.map((p) => ({
    ...p,
    containerName: nameOf.get(p.containerId) ?? p.containerId.slice(0, 12),
    label: `${joinHostPort(p.hostIp, String(p.hostPort))} -> ${p.containerPort}/${p.proto}`,
  }));
  return { host: { name: hostname, published }, networks, ...(last ? { lastConnection: describeConnection(last) } : {}) };
}

function peerName(peer: ConnectionPeer): string {
  return peer.kind === 'host' ? 'the host' : peer.containerName;
}

const WHERE: Record<ConnectionFailure, string> = { dns: 'at DNS', route: 'on the way', port: 'at the port' };

/** The record in words: what the text list shows and the diagram's labels use. */
export function describeConnection(r: ConnectionRecord): ConnectionView {
  const fromName = peerName(r.from);
  const toName = r.to ? peerName(r.to) : undefined;
  const target = `${r.name ?? r.address ?? '?'}${r.port !== undefined ? `:${r.port}` : ''}`;
  const steps: string[] = [];
  if (r.name !== undefined) steps.push(lookupStep(r));
  for (const hop of r.hops) steps.push(hopStep(hop, fromName));
  steps.push(endStep(r, fromName, toName));
  return {
    record: r,
    fromName,
    ...(toName !== undefined ? { toName } : {}),
    title: `${fromName} → ${target}`,
    outcome: r.failedAt ? `${r.result} (${WHERE[r.failedAt]})` : r.result,
    ok: r.result === 'connected',
    steps,
  };
}

function lookupStep(r: ConnectionRecord): string {
  if (r.address === undefined) {
    if (r.from.kind === 'container' && r.from.networks.length > 0 && r.from.networks.every((n) => n === 'bridge')) {
      return `"${r.name}" did not resolve: the default bridge has no DNS for container names`;
    }
    return `"${r.name}" did not resolve: neither /etc/hosts nor DNS knows it`;
  }
  const by = r.resolvedBy === 'dns' ? `the embedded DNS server (${EMBEDDED_DNS_ADDRESS})` : '/etc/hosts';
  return `"${r.name}" resolved to ${r.address} by ${by}`;
}

function hopStep(hop: ConnectionHop, fromName: string): string {
  switch (hop.kind) {
    case 'loopback':
      return `stays inside ${fromName} (loopback)`;
    case 'bridge':
      return `across the ${hop.networkName} network's bridge`;
    case 'gateway':
      return `out of ${fromName} through the ${hop.networkName} gateway to the host`;
    case 'published-port':
      return hop.via === 'docker-proxy'
        ? `host port ${joinHostPort(hop.hostIp, String(hop.hostPort))}: docker-proxy dials container port ${hop.containerPort}`
        : `host port ${joinHostPort(hop.hostIp, String(hop.hostPort))}: DNAT to container port ${hop.containerPort}`;
  }
}

function endStep(r: ConnectionRecord, fromName: string, toName: string | undefined): string {
  const who = toName ?? r.address ?? r.name ?? 'the peer';
  // Behind a published port the container sees its own port, not the host's.
  const forwarded = r.hops.findLast((h) => h.kind === 'published-port');
  const port = forwarded?.kind === 'published-port' ? forwarded.containerPort : r.port;
  const result: ConnectionResult = r.result;
  switch (result) {
    case 'connected':
      return `${who} accepted the connection on port ${port}`;
    // The router only waits when nothing will answer: a wait is a route that goes nowhere.
    case 'pending':
      return `no answer: ${noRoute(r, who)}; the kernel keeps retrying…`;
    case 'aborted':
      return r.hops.length === 0 && r.address !== undefined ? `the client gave up: ${noRoute(r, who)}` : `the client gave up before ${who} answered`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${r.result}: no address to connect to`;
    case 'ECONNREFUSED':
      return `ECONNREFUSED: nothing listens on port ${port} in ${who}`;
    case 'ECONNRESET':
      return `ECONNRESET: docker-proxy accepted, but nothing listens on port ${port} in ${who}`;
    case 'ENETUNREACH':
      return `ENETUNREACH: ${fromName} has no network to send it on`;
    case 'EHOSTUNREACH':
      return `EHOSTUNREACH: nobody on the subnet holds ${r.address ?? who}`;
    default:
      return `${r.result}: ${noRoute(r, who)}; the packets are dropped`;
  }
}

function noRoute(r: ConnectionRecord, who: string): string {
  const owner = r.to?.kind === 'container' ? ` (${r.to.containerName} on ${r.to.networks.join(', ') || 'no network'})` : '';
  return `no route from ${networksText(r.from)} to ${r.address ?? who}${owner}`;
}

function networksText(peer: ConnectionPeer): string {
  if (peer.kind === 'host') return 'the host';
  return `${peer.containerName} (on ${peer.networks.join(', ') || 'no network'})`;
}
