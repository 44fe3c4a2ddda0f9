import { BrokenPipeError, Pipe } from '../programs/streams.ts';
import type { Readable, Writable } from '../programs/streams.ts';
import { NetError } from './socket.ts';
import type { Socket, SocketAddress } from './socket.ts';

/**
 * An established TCP connection: two bounded pipes, one per direction, so a sender that outruns its peer waits as
 * it would on a full socket buffer. Closing one end is close(2) on a socket: the peer reads end of file once it has
 * drained what was sent, and the peer's later writes fail with EPIPE.
 */
export function createSocketPair(client: SocketAddress, server: SocketAddress): [client: Socket, server: Socket] {
  const toServer = new Pipe();
  const toClient = new Pipe();
  return [new PipeSocket(client, server, toClient, toServer), new PipeSocket(server, client, toServer, toClient)];
}

class PipeSocket implements Socket {
  readonly input: Readable;
  readonly output: Writable;
  #closed = false;

  constructor(
    readonly local: SocketAddress,
    readonly remote: SocketAddress,
    private readonly incoming: Pipe,
    private readonly outgoing: Pipe,
  ) {
    this.input = { read: () => (this.#closed ? Promise.resolve(null) : incoming.read()) };
    const isClosed = () => this.#closed;
    this.output = {
      get broken() {
        return isClosed() || outgoing.broken;
      },
      async write(data) {
        if (isClosed()) throw new NetError('EPIPE', 'write', local.address, local.port);
        try {
          await outgoing.write(data);
        } catch (e) {
          // A server must not die of SIGPIPE because a client went away: sockets report EPIPE as an error instead.
          if (e instanceof BrokenPipeError) throw new NetError('EPIPE', 'write', local.address, local.port);
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
}
