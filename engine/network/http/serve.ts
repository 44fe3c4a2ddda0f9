import type { Listener, Socket, SocketAddress } from '../socket.ts';
import { BufferedReader } from './buffered-reader.ts';
import { formatResponseHead, messageBytes } from './format.ts';
import { keepsAlive, type Headers, type Request } from './message.ts';
import { HttpParseError, readBody, readRequestHead, requestFraming } from './parse.ts';
import { reasonPhrase } from './status.ts';

/**
 * The connection handling every simulated HTTP server shares: accept, read requests one after the other on a
 * persistent connection, hand each to the server's handler, write its reply. What a server says (pages, headers,
 * logs) is the handler's business; this only speaks HTTP/1.x framing.
 */

export interface Connection {
  readonly remote: SocketAddress;
  readonly local: SocketAddress;
  /** Requests served on this connection so far (nginx's `$connection_requests`). */
  readonly served: number;
  /** nginx's `$connection`: a serial number per accepted connection. */
  readonly serial: number;
}

export interface Reply {
  readonly status: number;
  readonly reason?: string;
  /** The status line's version: HTTP/1.1 unless the server speaks HTTP/1.0 (Python's http.server). */
  readonly version?: string;
  /** Sent as given: the handler writes Content-Length, Connection and the rest in its server's own order. */
  readonly headers: Headers;
  /** What goes on the wire after the head (empty for HEAD, whatever Content-Length says). */
  readonly body: Uint8Array;
  /** Close the connection after this reply. */
  readonly close?: boolean;
}

export interface ServerOptions {
  handle(request: Request, connection: Connection): Promise<Reply>;
  /** The reply to something that is not HTTP (each server has its own 400 page), or null to just hang up. */
  malformed?(error: HttpParseError, connection: Connection): Promise<Reply | null>;
  /** Called once the reply is written (access logs: a server logs after sending). */
  sent?(request: Request, reply: Reply, connection: Connection): Promise<void> | void;
}

interface Tracked {
  readonly socket: Socket;
  busy: boolean;
  hangUp: () => void;
}

export class HttpServer {
  readonly #listeners: readonly Listener[];
  readonly #options: ServerOptions;
  readonly #connections = new Set<Tracked>();
  readonly #running: Promise<void>[] = [];
  #stopping = false;
  #serial = 0;

  constructor(listeners: readonly Listener[], options: ServerOptions) {
    this.#listeners = listeners;
    this.#options = options;
  }

  /** Serves until `stop()`; resolves once the listeners are closed and every connection has ended. */
  async serve(): Promise<void> {
    await Promise.all(this.#listeners.map((l) => this.#acceptLoop(l)));
    // Connections may still be finishing a request after the listeners closed.
    while (this.#running.length > 0) await Promise.all(this.#running.splice(0));
  }

  /**
   * Stops accepting. `graceful` (nginx's SIGQUIT) lets requests in progress finish and closes idle keep-alive
   * connections; otherwise (SIGTERM, SIGINT) every connection is dropped at once.
   */
  stop(graceful: boolean): void {
    this.#stopping = true;
    for (const l of this.#listeners) l.close();
    for (const c of this.#connections) {
      if (!graceful || !c.busy) c.hangUp();
    }
  }

  async #acceptLoop(listener: Listener): Promise<void> {
    for (;;) {
      const socket = await listener.accept();
      if (!socket) return;
      if (this.#stopping) {
        socket.close();
        continue;
      }
      this.#running.push(this.#converse(socket, ++this.#serial));
    }
  }

  async #converse(socket: Socket, serial: number): Promise<void> {
    let hangUp!: () => void;
    const hungUp = new Promise<null>((resolve) => (hangUp = () => resolve(null)));
    const tracked: Tracked = { socket, busy: false, hangUp };
    this.#connections.add(tracked);
    const reader = new BufferedReader(socket.input);
    let served = 0;
    const connection = (): Connection => ({ remote: socket.remote, local: socket.local, served, serial });
    try {
      for (;;) {
        let head;
        try {
          head = await Promise.race([readRequestHead(reader), hungUp]);
        } catch (e) {
          if (!(e instanceof HttpParseError)) throw e;
          const reply = await this.#options.malformed?.(e, connection());
          if (reply) await write(socket, reply);
          return;
        }
        if (!head) return;
        tracked.busy = true;
        const body = await readBody(reader, requestFraming(head));
        const request: Request = { ...head, body: body.bytes };
        served++;
        const reply = await this.#options.handle(request, connection());
        await write(socket, reply);
        await this.#options.sent?.(request, reply, connection());
        tracked.busy = false;
        if (reply.close || !keepsAlive(head.version, head.headers) || this.#stopping) return;
      }
    } catch {
      // The peer went away mid-exchange (EPIPE, reset): nothing more to say on this connection.
    } finally {
      this.#connections.delete(tracked);
      socket.close();
    }
  }
}

async function write(socket: Socket, reply: Reply): Promise<void> {
  const head = formatResponseHead({ version: reply.version ?? 'HTTP/1.1', status: reply.status, reason: reply.reason ?? reasonPhrase(reply.status), headers: reply.headers });
  await socket.output.write(messageBytes(head, reply.body));
}
