import type { VirtualClock } from '../core/clock.ts';
import { DockerError } from '../core/errors.ts';
import { nextHexId } from '../core/ids.ts';
import type { IdSource } from '../runtime/volumes/service.ts';
import { intToIp, isLoopback } from './address.ts';
import { initialNetworkState } from './defaults.ts';
import { embeddedDnsLookup } from './dns.ts';
import { findNetwork } from './find.ts';
import { HOST_ETH0_ADDRESS, HOST_ETH0_SUBNET } from './host-config.ts';
import { inSubnet, lowestFreeAddress, parseCidr } from './ipam.ts';
import { randomMac } from './mac.ts';
import { NetworkNamespace, type ConnectAttempt, type Trace } from './namespace.ts';
import { failureOf, type ConnectionHop, type ConnectionPeer, type ConnectionRecord } from './connection.ts';
import { allocatePort, failedProgramming, releasePorts } from './port-allocator.ts';
import { parsePortKey, portKey, publishAllMappings, type PortMapping } from './publish-spec.ts';
import { NetError } from './socket.ts';
import type { Socket, SocketAddress } from './socket.ts';
import { createSocketPair } from './socket-pair.ts';
import { topologyOf, type Topology } from './topology.ts';
import { attachedTo, createUserNetwork, removeUserNetwork, type CreateNetworkOptions } from './user-networks.ts';
import type { AllocatedPort, Endpoint, Network, NetworkState, PortBinding } from './types.ts';

export type NetworkEvent = { readonly type: 'networks-changed' };

export interface NetworkServiceOptions {
  readonly clock: VirtualClock;
  readonly ids: IdSource;
  /** The host's name (its namespace's hostname). */
  readonly hostname: string;
  /** Reads the host's /etc/hosts, for name lookups on the host and in host-network containers. */
  readonly hostHosts?: () => string | undefined;
  readonly announce?: (e: NetworkEvent) => void;
}

/** What a starting container asks for (from its HostConfig and image config). */
export interface ConnectRequest {
  /** The container's name without the leading `/`. */
  readonly name: string;
  readonly hostname: string;
  /** `--network`: bridge (the default; `default` means it too), host, none, or a network's name or ID. */
  readonly networkMode?: string;
  /** Every network to join, in order, with its settings; when absent, `networkMode` with `aliases`. */
  readonly networks?: readonly EndpointRequest[];
  /** `-p` values, parsed with parsePublishSpecs. */
  readonly ports?: readonly PortMapping[];
  /** `-P`. */
  readonly publishAll?: boolean;
  /** The image's ExposedPorts and `--expose` (keys like `80/tcp`). */
  readonly exposedPorts?: readonly string[];
  /** `--network-alias`. */
  readonly aliases?: readonly string[];
  /** Reads the container's /etc/hosts (its root filesystem), so edits made inside count as on Linux. */
  readonly hosts?: () => string | undefined;
}

/** One network a container joins and its per-network settings (EndpointSettings: Aliases, IPAMConfig.IPv4Address). */
export interface EndpointRequest {
  /** The network's name or ID. */
  readonly network: string;
  readonly aliases?: readonly string[];
  /** `--ip`. */
  readonly ipv4Address?: string;
}

function endpointRequests(request: ConnectRequest): readonly EndpointRequest[] {
  if (request.networks && request.networks.length > 0) return request.networks;
  const mode = !request.networkMode || request.networkMode === 'default' ? 'bridge' : request.networkMode;
  return [{ network: mode, ...(request.aliases ? { aliases: request.aliases } : {}) }];
}

/** The network and broadcast addresses of a subnet: never handed out, even inside an --ip-range. */
function edgesOf(cidr: string): string[] {
  const { base, prefixLen } = parseCidr(cidr);
  return [intToIp(base), intToIp(base + 2 ** (32 - prefixLen) - 1)];
}

/**
 * The default IPAM over an --ip-range: every address of the range counts, its first included (moby's bitmask
 * reserves only the subnet's own network and broadcast addresses; from the code, not checked on a live daemon).
 */
function lowestFreeInRange(range: string, taken: ReadonlySet<string>): string | undefined {
  const { base, prefixLen } = parseCidr(range);
  for (let i = 0; i < 2 ** (32 - prefixLen); i++) {
    const candidate = intToIp(base + i);
    if (!taken.has(candidate)) return candidate;
  }
  return undefined;
}

/** What a started container gets: its sockets and what `inspect` and `ps` show of its networking. */
export interface Attachment {
  readonly stack: NetworkNamespace;
  readonly networkMode: string;
  readonly endpoints: readonly Endpoint[];
  /** NetworkSettings.Ports: every exposed or published port, null when not published. */
  readonly ports: Readonly<Record<string, readonly PortBinding[] | null>>;
  /** Daemon warnings the CLI prints as `WARNING: ...` on stderr. */
  readonly warnings: readonly string[];
}

/** Linux gives up on a SYN nobody answers after tcp_syn_retries=6 retransmissions: 1+2+4+...+64 s. */
export const SYN_TIMEOUT_MS = 127_000;
/** An on-link address nobody answers ARP for: three probes a second apart, then "No route to host". */
export const ARP_TIMEOUT_MS = 3_000;

const HOST_MODE_WARNING = 'Published ports are discarded when using host network mode';

/**
 * The daemon's networking: the default networks and the endpoints of running containers as an immutable state value
 * (`state`, what a snapshot takes), plus the live side a machine needs: the host's namespace, one namespace per
 * running container, docker-proxy for published ports, and the routing between them (same network direct, the host
 * reaches bridge addresses, everything else unreachable).
 */
export class NetworkService {
  readonly host: NetworkNamespace;
  readonly clock: VirtualClock;
  #state: NetworkState;
  readonly #ids: IdSource;
  readonly #announce: (e: NetworkEvent) => void;
  readonly #stacks = new Map<string, NetworkNamespace>();
  readonly #forwards = new Map<string, { close(): void }[]>();
  readonly #modes = new Map<string, string>();
  /** Whose each namespace is, for the connection record (a container's ID; the host's is absent). */
  readonly #owners = new WeakMap<NetworkNamespace, string>();
  #lastConnection: ConnectionRecord | undefined;

  constructor(options: NetworkServiceOptions) {
    this.clock = options.clock;
    this.#ids = options.ids;
    this.#announce = options.announce ?? (() => {});
    const initial = initialNetworkState(this.#ids.get(), this.clock.now());
    this.#ids.set(initial.ids);
    this.#state = initial.state;
    const gateways = [...this.#state.networks.values()].flatMap((n) => (n.gateway ? [n.gateway] : []));
    this.host = new NetworkNamespace({
      hostname: options.hostname,
      addresses: [HOST_ETH0_ADDRESS, ...gateways],
      hosts: options.hostHosts,
      route: (from, to, signal, trace) => this.#route(from, to, signal, trace),
      observe: (attempt) => this.#observed(this.host, attempt),
    });
  }

  /** The last connection a program opened from any namespace, with its path and result (see connection.ts). */
  get lastConnection(): ConnectionRecord | undefined {
    return this.#lastConnection;
  }

  get state(): NetworkState {
    return this.#state;
  }

  /** Replaces the whole state (snapshot restore). Live namespaces belong to running containers and are left alone. */
  set state(next: NetworkState) {
    if (next === this.#state) return;
    this.#state = next;
    this.#announce({ type: 'networks-changed' });
  }

  /**
   * A snapshot comes back: its networks, with no container connected (running containers come back stopped, as
   * after a daemon restart, and connect again when they start).
   */
  restore(saved: NetworkState): void {
    for (const id of [...this.#modes.keys()]) this.disconnect(id);
    // It happened in another timeline.
    this.#lastConnection = undefined;
    for (const n of this.#state.networks.values()) if (n.gateway) this.host.removeAddress(n.gateway);
    for (const n of saved.networks.values()) if (n.gateway) this.host.addAddress(n.gateway);
    this.host.addAddress(HOST_ETH0_ADDRESS);
    this.state = { ...saved, endpoints: new Map(), ports: [] };
  }

  networks(): Network[] {
    return [...this.#state.networks.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A network by full ID, exact name or unique ID prefix; DockerError `network x not found` otherwise. */
  network(ref: string): Network {
    return findNetwork(this.#state, ref);
  }

  endpointsOf(containerId: string): readonly Endpoint[] {
    return this.#state.endpoints.get(containerId) ?? [];
  }

  /** The running container's namespace (the host's for a host-network container). */
  stackOf(containerId: string): NetworkNamespace | undefined {
    return this.#stacks.get(containerId);
  }

  topology(): Topology {
    return topologyOf(this.#state);
  }

  /**
   * NetworkSettings.Ports of a running container: exposed ports null, published ones with their bindings. A container
   * on the host or none network has none at all, exposed ports included: moby reads them from the endpoint's driver
   * info, which the host and null drivers leave empty (so `docker ps` shows an empty PORTS cell).
   */
  portsOf(containerId: string, exposedPorts: readonly string[] = []): Record<string, readonly PortBinding[] | null> {
    const out: Record<string, PortBinding[] | null> = {};
    const mode = this.#modes.get(containerId);
    if (mode === 'host' || mode === 'none') return out;
    for (const key of exposedPorts) {
      const k = parsePortKey(key);
      if (k) out[portKey(k.port, k.proto)] = null;
    }
    for (const p of this.#state.ports) {
      if (p.containerId !== containerId) continue;
      const key = portKey(p.containerPort, p.proto);
      const list = (out[key] ??= []);
      list.push({ hostIp: p.hostIp, hostPort: String(p.hostPort) });
      if (p.bothFamilies) list.push({ hostIp: '::', hostPort: String(p.hostPort) });
    }
    return out;
  }

  /**
   * A container starts: it gets an endpoint (address, MAC) on each of its networks, in order, and its published
   * ports on the first, or a DockerError as Docker words it (the port is taken: the container stays Created).
   * Connecting again first disconnects.
   */
  connect(containerId: string, request: ConnectRequest): Attachment {
    if (this.#modes.has(containerId)) this.disconnect(containerId);
    const wanted = endpointRequests(request);
    const network = this.network(wanted[0]!.network);
    const requested = [...(request.ports ?? []), ...(request.publishAll ? publishAllMappings(request.exposedPorts ?? []) : [])];

    if (network.driver === 'host' || network.driver === 'null') {
      const [endpointId, afterId] = nextHexId(this.#ids.get(), 'endpoint');
      this.#ids.set(afterId);
      const endpoint: Endpoint = { networkId: network.id, endpointId, containerId, containerName: request.name, hostname: request.hostname, aliases: [], ipAddress: '', prefixLen: 0, gateway: '', macAddress: '' };
      const stack: NetworkNamespace =
        network.driver === 'host'
          ? this.host
          : new NetworkNamespace({ hostname: request.hostname, hosts: request.hosts, observe: (a) => this.#observed(stack, a) }); // loopback only: no route anywhere
      if (stack !== this.host) this.#owners.set(stack, containerId);
      this.#commit(containerId, network.name, stack, [endpoint], this.#state);
      const warnings = network.driver === 'host' && requested.length > 0 ? [HOST_MODE_WARNING] : [];
      return { stack, networkMode: network.name, endpoints: [endpoint], ports: {}, warnings };
    }

    const endpoints: Endpoint[] = [];
    let state = this.#state;
    for (const settings of wanted) {
      const endpoint = this.#newEndpoint(state, containerId, request, settings);
      endpoints.push(endpoint);
      const all = new Map(state.endpoints);
      all.set(containerId, [...endpoints]);
      state = { ...state, endpoints: all };
    }
    const first = endpoints[0]!;
    const allocated: AllocatedPort[] = [];
    // The daemon sets up no port mapping for a container whose (first) network is --internal: -p asks for nothing
    // there, and `docker port` shows none (moby/moby#36174). The host still reaches the container's address.
    for (const mapping of network.internal ? [] : requested) {
      const result = allocatePort(state, containerId, mapping, first.ipAddress);
      if ('error' in result) throw failedProgramming(request.name, first.endpointId, result.error);
      state = result.state;
      allocated.push(result.port);
    }
    const forwards: { close(): void }[] = [];
    for (const port of allocated) {
      if (port.proto !== 'tcp') continue; // sockets are TCP only: UDP/SCTP ports are allocated and shown, not served
      try {
        forwards.push(this.host.forward(port.hostPort, port.hostIp, (to, from, trace) => this.#publishedConnection(port, to, from, trace)));
      } catch (e) {
        for (const f of forwards) f.close();
        if (!(e instanceof NetError)) throw e;
        const why = e.code === 'EADDRINUSE' ? 'address already in use' : 'cannot assign requested address';
        const cause = `failed to bind host port for ${port.hostIp}:${port.hostPort}:${first.ipAddress}:${port.containerPort}/tcp: ${why}`;
        throw failedProgramming(request.name, first.endpointId, cause);
      }
    }
    const stack: NetworkNamespace = new NetworkNamespace({
      hostname: request.hostname,
      addresses: endpoints.map((e) => e.ipAddress),
      hosts: request.hosts,
      nameServer: async (name) => embeddedDnsLookup(this.#state, containerId, name),
      route: (from, to, signal, trace) => this.#route(from, to, signal, trace),
      observe: (a) => this.#observed(stack, a),
    });
    this.#owners.set(stack, containerId);
    this.#forwards.set(containerId, forwards);
    this.#commit(containerId, network.name, stack, endpoints, state);
    return { stack, networkMode: network.name, endpoints, ports: this.portsOf(containerId, request.exposedPorts), warnings: [] };
  }

  /**
   * `docker network connect` on a running container: one more endpoint, its address added to the container's
   * namespace at once (moby daemon.ConnectToNetwork). The checks on the request itself are the caller's (see
   * checkEndpointRequest); this refuses what only the live state can tell.
   */
  connectNetwork(containerId: string, settings: EndpointRequest, request: { readonly name: string; readonly hostname: string }): Endpoint {
    const network = this.network(settings.network);
    const stack = this.#stacks.get(containerId);
    const mine = this.endpointsOf(containerId);
    if (!stack || mine.length === 0) throw new DockerError(`Error response from daemon: container ${containerId} is not running`, 1, 'ENOTRUNNING');
    if (mine.some((e) => e.networkId === network.id)) {
      throw new DockerError(`Error response from daemon: endpoint with name ${request.name} already exists in network ${network.name}`, 1, 'EEXISTS');
    }
    if (mine[0]!.ipAddress === '') {
      throw new DockerError('Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network', 1, 'ESHARED');
    }
    const endpoint = this.#newEndpoint(this.#state, containerId, request, settings);
    stack.addAddress(endpoint.ipAddress);
    const all = new Map(this.#state.endpoints);
    all.set(containerId, [...mine, endpoint]);
    this.state = { ...this.#state, endpoints: all };
    return endpoint;
  }

  /**
   * `docker network disconnect` on a running container: the endpoint and its address go (its other networks stay;
   * after the last one it keeps only its loopback, still running).
   */
  disconnectNetwork(containerId: string, ref: string): void {
    const network = this.network(ref);
    const mine = this.endpointsOf(containerId);
    const endpoint = mine.find((e) => e.networkId === network.id);
    if (!endpoint) throw new DockerError(`Error response from daemon: container ${containerId} is not connected to network ${network.name}`, 1, 'ENOTCONNECTED');
    if (endpoint.ipAddress) this.#stacks.get(containerId)?.removeAddress(endpoint.ipAddress);
    const all = new Map(this.#state.endpoints);
    all.set(containerId, mine.filter((e) => e !== endpoint));
    this.state = { ...this.#state, endpoints: all };
  }

  /** `docker network create`: a user-defined bridge; the host gets its gateway address, as Linux puts it on the bridge. */
  createNetwork(options: CreateNetworkOptions): Network {
    const created = createUserNetwork(this.#state, this.#ids.get(), this.clock.now(), options);
    this.#ids.set(created.ids);
    if (created.network.gateway) this.host.addAddress(created.network.gateway);
    this.state = created.state;
    return created.network;
  }

  /** `docker network rm` of one network (by ID, name or ID prefix); refused while running containers are attached. */
  removeNetwork(ref: string): Network {
    const removed = removeUserNetwork(this.#state, ref);
    if (removed.network.gateway) this.host.removeAddress(removed.network.gateway);
    this.state = removed.state;
    return removed.network;
  }

  /**
   * `docker network prune`: every user-defined network no running container is attached to (a stopped container's
   * membership does not keep it: moby only counts endpoints), oldest first as the daemon walks them.
   */
  prune(keep: (n: Network) => boolean = () => false): Network[] {
    const unused = [...this.#state.networks.values()].filter((n) => !n.predefined && attachedTo(this.#state, n.id).length === 0 && !keep(n));
    return unused.map((n) => this.removeNetwork(n.id));
  }

  /** An endpoint on a bridge network: the requested `--ip` or the lowest free address of the subnet (or --ip-range). */
  #newEndpoint(state: NetworkState, containerId: string, request: { readonly name: string; readonly hostname: string }, settings: EndpointRequest): Endpoint {
    const network = findNetwork(state, settings.network);
    if (network.driver !== 'bridge') {
      throw new DockerError('Error response from daemon: container cannot be disconnected from host network or connected to host network', 1, 'EHOSTNET');
    }
    const aliases = settings.aliases ?? [];
    if (!network.dns && aliases.length > 0) {
      throw new DockerError('Error response from daemon: network-scoped aliases are only supported for user-defined networks', 1, 'EALIAS');
    }
    const taken = new Set([network.gateway!, ...attachedTo(state, network.id).map((e) => e.ipAddress)]);
    let ip: string | undefined;
    if (settings.ipv4Address) {
      ip = settings.ipv4Address;
      if (!inSubnet(ip, network.subnet!)) {
        throw new DockerError(`Error response from daemon: no configured subnet or ip-range contain the IP address ${ip}`, 1, 'EIP');
      }
      if (taken.has(ip)) throw new DockerError('Error response from daemon: Address already in use', 1, 'EIPINUSE');
    } else {
      ip = network.ipRange ? lowestFreeInRange(network.ipRange, new Set([...taken, ...edgesOf(network.subnet!)])) : lowestFreeAddress(network.subnet!, taken);
    }
    if (!ip) throw new DockerError(`Error response from daemon: no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`, 1, 'ENOADDR');
    const [endpointId, afterId] = nextHexId(this.#ids.get(), 'endpoint');
    const [mac, afterMac] = randomMac(afterId);
    this.#ids.set(afterMac);
    return {
      networkId: network.id,
      endpointId,
      containerId,
      containerName: request.name,
      hostname: request.hostname,
      aliases,
      ipAddress: ip,
      prefixLen: parseCidr(network.subnet!).prefixLen,
      gateway: network.gateway!,
      macAddress: mac,
    };
  }

  /** The container stopped: its addresses and host ports are free again, as Docker releases them on stop. */
  disconnect(containerId: string): void {
    if (!this.#modes.has(containerId)) return;
    for (const f of this.#forwards.get(containerId) ?? []) f.close();
    this.#forwards.delete(containerId);
    this.#stacks.delete(containerId);
    this.#modes.delete(containerId);
    const endpoints = new Map(this.#state.endpoints);
    endpoints.delete(containerId);
    this.state = releasePorts({ ...this.#state, endpoints }, containerId);
  }

  #commit(containerId: string, mode: string, stack: NetworkNamespace, endpoints: Endpoint[], state: NetworkState): void {
    this.#stacks.set(containerId, stack);
    this.#modes.set(containerId, mode);
    const all = new Map(state.endpoints);
    all.set(containerId, endpoints);
    this.state = { ...state, endpoints: all };
  }

  /**
   * A connection to a published port on the host. From the host's loopback or from a container on docker0 it goes
   * through docker-proxy, which accepts first and then dials the container: when nothing listens there the client
   * has connected and then reads a reset (curl: `(56) Recv failure: Connection reset by peer`). Any other way in is
   * DNAT'd straight to the container, which refuses (`Connection refused`). A server bound to 127.0.0.1 inside the
   * container is unreachable both ways.
   */
  #publishedConnection(port: AllocatedPort, to: SocketAddress, from: SocketAddress, trace?: Trace): Socket {
    const target = this.#stacks.get(port.containerId);
    const inner = { address: port.containerIp, port: port.containerPort };
    const bridge = this.#networkOfAddress(port.containerIp);
    const viaProxy = isLoopback(from.address) || (bridge?.subnet !== undefined && inSubnet(from.address, bridge.subnet));
    if (trace) {
      trace.hops.push({ kind: 'published-port', hostIp: port.hostIp, hostPort: port.hostPort, containerPort: port.containerPort, via: viaProxy ? 'docker-proxy' : 'dnat' });
      if (bridge) trace.hops.push(bridgeHop(bridge));
    }
    if (!viaProxy) {
      if (!target) throw new NetError('ECONNREFUSED', 'connect', to.address, to.port);
      return target.deliver(inner, from, { dialled: to }, trace);
    }
    const proxySource = { address: bridge?.gateway ?? HOST_ETH0_ADDRESS, port: this.host.ephemeralPort() };
    try {
      if (!target) throw new NetError('ECONNREFUSED', 'connect', inner.address, inner.port);
      return target.deliver(inner, from, { dialled: to, seenFrom: proxySource }, trace);
    } catch (e) {
      if (!(e instanceof NetError)) throw e;
      if (trace) trace.reset = true;
      const [client, proxy] = createSocketPair({ local: from, remote: to }, { local: to, remote: from });
      proxy.reset();
      return client;
    }
  }

  /** A connect() from `from` ended (or started waiting): it becomes the last connection, and the picture redraws. */
  #observed(from: NetworkNamespace, a: ConnectAttempt): void {
    const { trace, result } = a;
    const failedAt = failureOf(result);
    this.#lastConnection = {
      at: this.clock.now(),
      from: this.#peerOf(from),
      ...(a.name !== undefined ? { name: a.name } : {}),
      ...(trace.resolvedBy ? { resolvedBy: trace.resolvedBy } : {}),
      ...(a.address !== undefined ? { address: a.address } : {}),
      ...(a.port !== undefined ? { port: a.port } : {}),
      hops: [...trace.hops],
      ...(trace.to ? { to: this.#peerOf(trace.to) } : {}),
      result,
      ...(failedAt ? { failedAt } : {}),
    };
    this.#announce({ type: 'networks-changed' });
  }

  #peerOf(ns: NetworkNamespace): ConnectionPeer {
    const containerId = this.#owners.get(ns);
    if (containerId === undefined) return { kind: 'host' };
    const endpoints = this.endpointsOf(containerId);
    const name = endpoints[0]?.containerName ?? containerId.slice(0, 12);
    return { kind: 'container', containerId, containerName: name, networks: endpoints.map((e) => this.#state.networks.get(e.networkId)?.name ?? e.networkId) };
  }

  #networkOfAddress(address: string): Network | undefined {
    for (const n of this.#state.networks.values()) if (n.subnet && inSubnet(address, n.subnet)) return n;
    return undefined;
  }

  #containerWithAddress(address: string): Endpoint | undefined {
    for (const endpoints of this.#state.endpoints.values()) for (const e of endpoints) if (e.ipAddress === address) return e;
    return undefined;
  }

  /**
   * Routing between namespaces. The host reaches every bridge address (it is on each bridge as the gateway); a
   * container reaches containers on its own networks and the host's addresses. Anything else is unreachable: an
   * address on one of the sender's own subnets that nobody holds fails after ARP gives up (EHOSTUNREACH); the rest
   * (other Docker networks, whose traffic Docker drops, and the internet, which this machine has not) times out.
   */
  async #route(from: NetworkNamespace, to: SocketAddress, signal?: AbortSignal, trace?: Trace): Promise<Socket> {
    const isHost = from === this.host;
    const mine = isHost ? [] : [...this.#stacks.entries()].filter(([, s]) => s === from).flatMap(([id]) => this.endpointsOf(id));
    const target = this.#containerWithAddress(to.address);
    if (target) {
      const stack = this.#stacks.get(target.containerId);
      const shared = mine.find((e) => e.networkId === target.networkId);
      if (stack && (isHost || shared)) {
        const source = isHost ? target.gateway : shared!.ipAddress;
        const network = this.#state.networks.get(target.networkId);
        if (trace && network) trace.hops.push(bridgeHop(network));
        return stack.deliver(to, { address: source, port: from.ephemeralPort() }, undefined, trace);
      }
      // Whose address it was, though no path leads there.
      if (trace && stack) trace.to = stack;
    } else if (!isHost && this.host.owns(to.address)) {
      // A container reaches the host's own addresses (docker0's gateway, eth0) through its default route; an
      // --internal network has none, so neither the host nor its published ports are reachable from there.
      const out = mine.find((e) => !this.#state.networks.get(e.networkId)?.internal);
      if (out) {
        trace?.hops.push({ kind: 'gateway', networkName: this.#state.networks.get(out.networkId)!.name });
        return this.host.deliver(to, { address: mine[0]!.ipAddress, port: from.ephemeralPort() }, undefined, trace);
      }
      if (trace) trace.to = this.host;
    }
    const subnets = isHost
      ? [HOST_ETH0_SUBNET, ...[...this.#state.networks.values()].flatMap((n) => (n.subnet ? [n.subnet] : []))]
      : mine.flatMap((e) => {
          const s = this.#state.networks.get(e.networkId)?.subnet;
          return s ? [s] : [];
        });
    const onLink = !target && subnets.some((s) => inSubnet(to.address, s));
    trace?.pending?.();
    await this.clock.sleep(onLink ? ARP_TIMEOUT_MS : SYN_TIMEOUT_MS, signal);
    throw new NetError(onLink ? 'EHOSTUNREACH' : 'ETIMEDOUT', 'connect', to.address, to.port);
  }
}

function bridgeHop(network: Network): ConnectionHop {
  return { kind: 'bridge', networkId: network.id, networkName: network.name };
}
