import type { Process } from '../programs/process.ts';
import type { Readable, Writable } from '../programs/streams.ts';
import type { EchoResult } from './echo.ts';

/**
 * What a program sees of the network: one network namespace's sockets (a container's, or the host's). Every client
 * and server (curl, mongosh, mongod, nginx, the node runtime) goes through this, so they all see the same
 * reachability: the namespace's own loopback, the networks it is attached to, published ports.
 *
 * TCP only, as a byte stream: HTTP, RESP and the rest are spoken as text over it.
 */
export interface NetStack {
  /** The namespace's hostname (a container's is its short ID unless `--hostname`). */
  readonly hostname: string;
  /**
   * bind + listen. `address` is what the program binds: `0.0.0.0` (the default, every address of the namespace),
   * `127.0.0.1` (loopback only: unreachable through published ports, as on real Docker), or one of its addresses.
   * Throws NetError EADDRINUSE when the port is taken, EADDRNOTAVAIL for an address the namespace does not have.
   */
  listen(port: number, address?: string): Listener;
  /**
   * Resolves `host` (a name through /etc/hosts and the namespace's DNS, or an address) and opens a connection.
   * Rejects with NetError: ENOTFOUND (getaddrinfo failed), ECONNREFUSED (reachable, nothing listens),
   * ETIMEDOUT (unreachable: the SYN is dropped and the kernel gives up after its retries, on the virtual clock),
   * or an AbortError-like rejection when `signal` aborts first (a client's own timeout or Ctrl-C).
   */
  connect(host: string, port: number, options?: { readonly signal?: AbortSignal }): Promise<Socket>;
  /**
   * An ICMP echo request to an address (ping): the reply, "host unreachable" after ARP gives up, or no answer until
   * `signal` aborts. Optional so test doubles need not have it; every NetworkNamespace does.
   */
  ping?(address: string, options?: { readonly signal?: AbortSignal }): Promise<EchoResult>;
  /** getaddrinfo: the addresses `host` resolves to in this namespace, or NetError ENOTFOUND. */
  resolve(host: string): Promise<string[]>;
}

export interface SocketAddress {
  readonly address: string;
  readonly port: number;
}

/** One end of an established connection. */
export interface Socket {
  /** Bytes from the peer; `read()` gives null once the peer has closed. */
  readonly input: Readable;
  /** Bytes to the peer; writing after the peer closed fails (EPIPE). */
  readonly output: Writable;
  /** Closes both directions: the peer reads end of file. */
  close(): void;
  readonly local: SocketAddress;
  readonly remote: SocketAddress;
}

export interface Listener {
  readonly local: SocketAddress;
  /** The next incoming connection, or null once the listener is closed. */
  accept(): Promise<Socket | null>;
  /** Stops listening (the port is free again); pending accepts get null. */
  close(): void;
}

export type NetErrorCode =
  | 'ECONNREFUSED'
  | 'ETIMEDOUT'
  | 'ENOTFOUND'
  | 'EADDRINUSE'
  | 'EADDRNOTAVAIL'
  | 'ECONNRESET'
  | 'EHOSTUNREACH'
  | 'ENETUNREACH'
  | 'EAI_AGAIN'
  | 'EPIPE';

/**
 * A socket error as libc/Node name them; `message` is Node's wording: `connect ECONNREFUSED 127.0.0.1:27017`,
 * `getaddrinfo ENOTFOUND mongo`, `listen EADDRINUSE: address already in use 0.0.0.0:8080` (Node words listen errors
 * with libuv's description), `write EPIPE` and `read ECONNRESET` (no address).
 */
export class NetError extends Error {
  override readonly name = 'NetError';
  constructor(
    readonly code: NetErrorCode,
    readonly syscall: 'connect' | 'listen' | 'getaddrinfo' | 'read' | 'write',
    readonly host: string,
    readonly port?: number,
  ) {
    super(nodeMessage(code, syscall, host, port));
  }
}

/** libuv's descriptions, which Node puts in listen errors. */
const UV_DESCRIPTION: Partial<Record<NetErrorCode, string>> = {
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available',
};

function nodeMessage(code: NetErrorCode, syscall: NetError['syscall'], host: string, port: number | undefined): string {
  if (syscall === 'read' || syscall === 'write') return `${syscall} ${code}`;
  const where = port === undefined || syscall === 'getaddrinfo' ? host : `${host}:${port}`;
  if (syscall === 'listen') return `listen ${code}: ${UV_DESCRIPTION[code] ?? code} ${where}`;
  return `${syscall} ${code} ${where}`;
}

/** The namespace a process's sockets live in; every machine the engine builds provides one as `services.net`. */
export function netOf(p: Process): NetStack {
  const net = p.system.services.net as NetStack | undefined;
  if (!net) throw new Error('internal: this process has no network namespace');
  return net;
}
