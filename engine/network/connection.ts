import type { NetErrorCode } from './socket.ts';

/**
 * The last connection a program opened through a socket table, as the network picture draws it: who dialled, the
 * name it asked for, where that led hop by hop, and how it ended. It is recorded where the kernel-side decisions
 * are made (namespace.ts resolves and delivers, the service routes), so every client (curl, wget, mongosh, node)
 * shows up the same way.
 */

/** One end of a connection: the host's own namespace (a host-network container shares it) or a container's. */
export type ConnectionPeer =
  | { readonly kind: 'host' }
  /** `networks`: the names of the networks it was on at that moment (a `--rm` client is gone soon after). */
  | { readonly kind: 'container'; readonly containerId: string; readonly containerName: string; readonly networks: readonly string[] };

/** One step of the path a connection took. */
export type ConnectionHop =
  /** It never left the namespace: localhost, or one of the namespace's own addresses. */
  | { readonly kind: 'loopback' }
  /** Across a network's Linux bridge: container to container, or the host (the bridge's gateway) to a container. */
  | { readonly kind: 'bridge'; readonly networkId: string; readonly networkName: string }
  /** Out of a container through its default route to one of the host's addresses. */
  | { readonly kind: 'gateway'; readonly networkName: string }
  /**
   * A published port on the host: docker-proxy accepts and dials the container (from the host's loopback or a
   * container on the same bridge), or iptables DNATs the packets straight to it (any other way in).
   */
  | { readonly kind: 'published-port'; readonly hostIp: string; readonly hostPort: number; readonly containerPort: number; readonly via: 'docker-proxy' | 'dnat' };

/**
 * `connected`; `pending` while the SYN waits for an answer that may never come (the kernel retries for two minutes);
 * a NetError code (ECONNRESET: docker-proxy accepted, then found nothing listening in the container); `aborted`
 * when the client gave up first (its own timeout, Ctrl-C).
 */
export type ConnectionResult = 'connected' | 'pending' | 'aborted' | NetErrorCode;

/** Where a failed connection stopped. */
export type ConnectionFailure = 'dns' | 'route' | 'port';

export interface ConnectionRecord {
  /** Virtual-clock milliseconds. */
  readonly at: number;
  readonly from: ConnectionPeer;
  /** The name the client asked for, when it was not an address. */
  readonly name?: string;
  /** Who answered the name: /etc/hosts (`files`) or the network's embedded DNS server. */
  readonly resolvedBy?: 'hosts' | 'dns';
  /** The address dialled (absent when the name did not resolve). */
  readonly address?: string;
  /** Absent when the name did not resolve before the client said which port it wanted. */
  readonly port?: number;
  readonly hops: readonly ConnectionHop[];
  /** Who took the connection, or for one that could not get there, whose address it was. */
  readonly to?: ConnectionPeer;
  readonly result: ConnectionResult;
  readonly failedAt?: ConnectionFailure;
}

/**
 * What the socket code fills in while one connection is being decided. `to` is kept as the namespace object (the
 * service maps it to a peer) so namespace.ts need not know about containers.
 */
export interface ConnectionTrace<N = unknown> {
  resolvedBy?: 'hosts' | 'dns';
  readonly hops: ConnectionHop[];
  to?: N;
  /** docker-proxy accepted the client but could not reach the container: the client reads a reset. */
  reset?: boolean;
  /** The router is about to wait for an answer (ARP or SYN retries): the attempt is shown as pending meanwhile. */
  pending?(): void;
}

/** Where each failure code stops a connection. */
export function failureOf(result: ConnectionResult): ConnectionFailure | undefined {
  switch (result) {
    case 'connected':
    case 'pending':
      return undefined;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'dns';
    case 'ECONNREFUSED':
    case 'ECONNRESET':
      return 'port';
    default:
      return 'route';
  }
}
