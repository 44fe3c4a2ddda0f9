import { ANY_ADDRESS, isIPv4, isLoopback } from './address.ts';
import { lookupHosts } from './hosts-lookup.ts';
import { echo, type EchoResult } from './echo.ts';
import { AcceptQueue } from './listener.ts';
import { NetError } from './socket.ts';
import type { Listener, NetStack, Socket, SocketAddress } from './socket.ts';
import { createSocketPair } from './socket-pair.ts';
import type { ConnectionResult, ConnectionTrace } from './connection.ts';

/**
 * Something bound to a port that is not a program's listening socket but forwards each connection at once
 * (docker-proxy for a published port): given the connection's two ends, it returns the client's socket or throws.
 */
export type Forwarder = (to: SocketAddress, from: SocketAddress, trace?: Trace) => Socket;

/** A connection being decided, its arrival kept as the namespace that took it. */
export type Trace = ConnectionTrace<NetworkNamespace>;

/** One connect() as it was decided (see connection.ts): reported when it ends, and once more while it waits. */
export interface ConnectAttempt {
  /** The host as the client gave it, when it was a name (or the name the address was just looked up by). */
  readonly name?: string;
  readonly address?: string;
  /** Absent for a lookup that failed before any connect (curl and wget resolve first, then connect to the address). */
  readonly port?: number;
  readonly trace: Trace;
  readonly result: ConnectionResult;
}

/**
 * Where a connection to an address outside the namespace goes: the network service decides reachability (same
 * network, published port, unreachable) and hands back the client's end, or rejects with the NetError a client sees.
 */
export type Router = (from: NetworkNamespace, to: SocketAddress, signal?: AbortSignal, trace?: Trace) => Promise<Socket>;

/** A name server the namespace asks after /etc/hosts; undefined means "no such name" (ENOTFOUND). */
export type NameServer = (name: string) => Promise<string[] | undefined>;

export interface NamespaceOptions {
  readonly hostname: string;
  /** Interface addresses besides loopback (a container's eth0 address on each network it is attached to). */
  readonly addresses?: readonly string[];
  /** Reads the namespace's /etc/hosts (undefined when it is missing: then localhost and the hostname still resolve). */
  readonly hosts?: () => string | undefined;
  /** The DNS seam: issue 6's embedded server (127.0.0.11) on user-defined networks plugs in here. */
  readonly nameServer?: NameServer;
  /** Connections to addresses that are not the namespace's own; without one they fail with ENETUNREACH. */
  readonly route?: Router;
  /** Told of every connect() made from this namespace: what the network picture shows as the last connection. */
  readonly observe?: (attempt: ConnectAttempt) => void;
}

/** Linux's default net.ipv4.ip_local_port_range: where client ports and `listen(0)` ports come from. */
const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

/** Ubuntu's /etc/hosts gives the machine's own name this address when it has no other. */
const OWN_NAME_ADDRESS = '127.0.1.1';

/**
 * One network namespace's socket table: its loopback, its interface addresses and the ports listening on them.
 * Connections to its own addresses are made here; anything else goes to the router.
 */
export class NetworkNamespace implements NetStack {
  readonly hostname: string;
  #addresses: string[];
  #listeners = new Map<string, AcceptQueue | ForwardingListener>();
  #nextEphemeral = EPHEMERAL_FIRST;
  /** The last name looked up and its answer, so a connect to that address right after is shown under the name. */
  #lastLookup: { readonly name: string; readonly address: string; readonly by?: 'hosts' | 'dns' } | undefined;
  readonly #options: NamespaceOptions;

  constructor(options: NamespaceOptions) {
    this.hostname = options.hostname;
    this.#addresses = [...(options.addresses ?? [])];
    this.#options = options;
  }

  /** Interface addresses besides loopback. */
  get addresses(): readonly string[] {
    return this.#addresses;
  }

  /** Attaching to a network gives the namespace an address there. */
  addAddress(address: string): void {
    if (!this.#addresses.includes(address)) this.#addresses.push(address);
  }

  removeAddress(address: string): void {
    this.#addresses = this.#addresses.filter((a) => a !== address);
  }

  /** Whether `address` is this namespace's (loopback included): a connection to it never leaves. */
  owns(address: string): boolean {
    return isLoopback(address) || address === ANY_ADDRESS || this.#addresses.includes(address);
  }

  /** What listens, as `ss -ltn` would list it. */
  listening(): SocketAddress[] {
    return [...this.#listeners.values()].map((l) => l.local);
  }

  listen(port: number, address: string = ANY_ADDRESS): Listener {
    const local = this.#bind(port, address);
    const key = keyOf(local);
    const listener = new AcceptQueue(local, () => this.#listeners.delete(key));
    this.#listeners.set(key, listener);
    return listener;
  }

  /** Binds `address:port` like listen (same EADDRINUSE rules) for a forwarder; close() frees it. */
  forward(port: number, address: string, forwarder: Forwarder): { readonly local: SocketAddress; close(): void } {
    const local = this.#bind(port, address);
    const key = keyOf(local);
    const binding: ForwardingListener = { local, forwarder, close: () => this.#listeners.delete(key) };
    this.#listeners.set(key, binding);
    return binding;
  }

  #bind(port: number, address: string): SocketAddress {
    if (address !== ANY_ADDRESS && !(isLoopback(address) || this.#addresses.includes(address))) {
      throw new NetError('EADDRNOTAVAIL', 'listen', address, port);
    }
    const chosen = port === 0 ? this.ephemeralPort() : port;
    for (const l of this.#listeners.values()) {
      const clash = l.local.address === address || l.local.address === ANY_ADDRESS || address === ANY_ADDRESS;
      if (l.local.port === chosen && clash) throw new NetError('EADDRINUSE', 'listen', address, chosen);
    }
    return { address, port: chosen };
  }

  async connect(host: string, port: number, options?: { readonly signal?: AbortSignal }): Promise<Socket> {
    const observe = this.#options.observe;
    if (!observe) return this.#connect(host, port, options?.signal);
    const trace: Trace = { hops: [] };
    const looked = this.#lastLookup?.address === host ? this.#lastLookup : undefined;
    const name = isIPv4(host) ? looked?.name : host;
    if (looked?.by) trace.resolvedBy = looked.by;
    let address: string | undefined;
    const report = (result: ConnectionResult) => observe({ ...(name !== undefined ? { name } : {}), ...(address !== undefined ? { address } : {}), port, trace, result });
    trace.pending = () => report('pending');
    try {
      const socket = await this.#connect(host, port, options?.signal, trace, (a) => (address = a));
      report(trace.reset ? 'ECONNRESET' : 'connected');
      return socket;
    } catch (e) {
      report(e instanceof NetError ? e.code : 'aborted');
      throw e;
    }
  }

  async #connect(host: string, port: number, signal: AbortSignal | undefined, trace?: Trace, resolved?: (address: string) => void): Promise<Socket> {
    if (signal?.aborted) throw signal.reason;
    const [address] = await this.#resolve(host, trace);
    if (signal?.aborted) throw signal.reason;
    // Linux takes a connection to 0.0.0.0 as one to the machine itself.
    const to = { address: address === ANY_ADDRESS ? '127.0.0.1' : address!, port };
    resolved?.(to.address);
    if (this.owns(to.address)) {
      // The kernel's local routes: loopback traffic comes from 127.0.0.1, traffic to an own address from that address.
      const source = isLoopback(to.address) ? '127.0.0.1' : to.address;
      trace?.hops.push({ kind: 'loopback' });
      return this.deliver(to, { address: source, port: this.ephemeralPort() }, undefined, trace);
    }
    if (!this.#options.route) throw new NetError('ENETUNREACH', 'connect', to.address, port);
    return this.#options.route(this, to, signal, trace);
  }

  /**
   * An ICMP echo request to `address` (resolve names first): the reply, "host unreachable", or no answer until
   * `signal` aborts; reachability is the router's, as for connect (see echo.ts).
   */
  ping(address: string, options?: { readonly signal?: AbortSignal }): Promise<EchoResult> {
    return echo(this, this.#options.route, address, options?.signal);
  }

  /**
   * A connection arriving at `to` (one of this namespace's addresses) from `from`: queued on the listener that
   * takes it, and the client's end returned. Nothing listening there is ECONNREFUSED (the kernel answers RST).
   * A port bound by a forwarder hands the connection on instead.
   */
  deliver(to: SocketAddress, from: SocketAddress, rewritten?: Rewritten, trace?: Trace): Socket {
    if (trace) trace.to = this;
    const listener = this.#listenerFor(to);
    if (!listener) throw new NetError('ECONNREFUSED', 'connect', rewritten?.dialled.address ?? to.address, rewritten?.dialled.port ?? to.port);
    if ('forwarder' in listener) return listener.forwarder(to, from, trace);
    const [client, server] = createSocketPair(
      { local: from, remote: rewritten?.dialled ?? to },
      { local: to, remote: rewritten?.seenFrom ?? from },
    );
    listener.enqueue(server);
    return client;
  }

  /** A client port for an outgoing connection (what the router uses as the source port). */
  ephemeralPort(): number {
    const taken = new Set(this.listening().map((l) => l.port));
    let port = this.#nextEphemeral;
    while (taken.has(port)) port = next(port);
    this.#nextEphemeral = next(port);
    return port;
  }

  async resolve(host: string): Promise<string[]> {
    const observe = this.#options.observe;
    if (!observe || isIPv4(host)) return this.#resolve(host);
    const trace: Trace = { hops: [] };
    try {
      const answer = await this.#resolve(host, trace);
      this.#lastLookup = { name: host, address: answer[0]!, ...(trace.resolvedBy ? { by: trace.resolvedBy } : {}) };
      return answer;
    } catch (e) {
      // The client stops here and never calls connect: this is the attempt the picture shows.
      if (e instanceof NetError) observe({ name: host, trace, result: e.code });
      throw e;
    }
  }

  async #resolve(host: string, trace?: Trace): Promise<string[]> {
    if (isIPv4(host)) return [host];
    const hostsFile = this.#options.hosts?.();
    if (trace) trace.resolvedBy = 'hosts';
    if (hostsFile !== undefined) {
      const found = lookupHosts(hostsFile, host);
      if (found.length > 0) return found;
    } else {
      const name = host.toLowerCase();
      if (name === 'localhost') return ['127.0.0.1'];
      if (name === this.hostname.toLowerCase()) return [this.#addresses[0] ?? OWN_NAME_ADDRESS];
    }
    if (trace) trace.resolvedBy = 'dns';
    const answer = await this.#options.nameServer?.(host);
    if (answer && answer.length > 0) return answer;
    if (trace) delete trace.resolvedBy;
    throw new NetError('ENOTFOUND', 'getaddrinfo', host);
  }

  #listenerFor(to: SocketAddress): AcceptQueue | ForwardingListener | undefined {
    return this.#listeners.get(keyOf(to)) ?? this.#listeners.get(keyOf({ address: ANY_ADDRESS, port: to.port }));
  }
}

/**
 * A connection whose addresses were rewritten on the way (a published port): what the client dialled, which it
 * keeps seeing as its peer and in its errors, and where the server sees it come from (docker-proxy's address).
 */
export interface Rewritten {
  readonly dialled: SocketAddress;
  readonly seenFrom?: SocketAddress;
}

interface ForwardingListener {
  readonly local: SocketAddress;
  readonly forwarder: Forwarder;
  close(): void;
}

function next(port: number): number {
  return port === EPHEMERAL_LAST ? EPHEMERAL_FIRST : port + 1;
}

function keyOf(a: SocketAddress): string {
  return `${a.address}:${a.port}`;
}

/** A namespace on its own (loopback plus `addresses`): enough for a server and its clients in one container's tests. */
export function createNetworkNamespace(options: NamespaceOptions): NetworkNamespace {
  return new NetworkNamespace(options);
}
