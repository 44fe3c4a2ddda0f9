import { BrokenPipeError, Pipe } from '../programs/streams.ts';
import type { Readable, Writable } from '../programs/streams.ts';
import { NetError } from './socket.ts';
import type { Socket, SocketAddress } from './socket.ts';

/** The two addresses one end of a connection sees: its own and its peer's. */
export interface SocketView {
  readonly local: SocketAddress;
  readonly remote: SocketAddress;
}

/**
 * An established TCP connection: two bounded pipes, one per direction, so a sender that outruns its peer waits as
 * it would on a full socket buffer. Closing one end is close(2) on a socket: the peer reads end of file once it has
 * drained what was sent, and the peer's later writes fail with EPIPE.
 *
 * The two views need not mirror each other when something rewrote the addresses on the way (docker-proxy or DNAT
 * for a published port: the client talks to 127.0.0.1:8080, the server sees 172.17.0.1 connecting to its port 80).
 */
export function createSocketPair(clientView: SocketView, serverView: SocketView): [client: PairSocket, server: PairSocket] {
  const toServer = new Pipe();
  const toClient = new Pipe();
  const c = new PairSocket(clientView, toClient, toServer);
  const s = new PairSocket(serverView, toServer, toClient);
  c.peer = s;
  s.peer = c;
  return [c, s];
}

export class PairSocket implements Socket {
  readonly input: Readable;
  readonly output: Writable;
  readonly local: SocketAddress;
  readonly remote: SocketAddress;
  /** @internal the other end. */
  peer: PairSocket | undefined;
  #closed = false;
  #resetByPeer = false;

  constructor(
    view: SocketView,
    private readonly incoming: Pipe,
    private readonly outgoing: Pipe,
  ) {
    this.local = view.local;
    this.remote = view.remote;
    this.input = {
      read: async () => {
        if (this.#resetByPeer) throw new NetError('ECONNRESET', 'read', this.remote.address, this.remote.port);
        return this.#closed ? null : incoming.read();
      },
    };
    const isClosed = () => this.#closed;
    const isReset = () => this.#resetByPeer;
    this.output = {
      get broken() {
        return isClosed() || outgoing.broken;
      },
      async write(data) {
        if (isClosed()) throw new NetError('EPIPE', 'write', view.local.address, view.local.port);
        // The bytes leave before the peer's RST comes back: the write succeeds, the next read reports the reset.
        if (isReset()) return;
        try {
          await outgoing.write(data);
        } catch (e) {
          // A server must not die of SIGPIPE because a client went away: sockets report EPIPE as an error instead.
          if (e instanceof BrokenPipeError) throw new NetError('EPIPE', 'write', view.local.address, view.local.port);
          throw e;
        }
      },
    };
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.outgoing.closeWrite();
    this.incoming.closeRead();
  }

  /** Aborts the connection (RST): the peer's reads fail with ECONNRESET instead of reading end of file. */
  reset(): void {
    if (this.peer) this.peer.#resetByPeer = true;
    this.close();
  }
}
