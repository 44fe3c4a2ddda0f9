import type { Listener, Socket, SocketAddress } from './socket.ts';

/**
 * A listening socket's accept queue. Connections complete as soon as they are queued (the kernel finishes the
 * handshake before accept(2)), so a client can send before the server accepts.
 */
export class AcceptQueue implements Listener {
  #queue: Socket[] = [];
  #waiting: ((s: Socket | null) => void)[] = [];
  #closed = false;

  constructor(
    readonly local: SocketAddress,
    private readonly onClose: () => void,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  /** A completed connection (the server's end) arrives. */
  enqueue(socket: Socket): void {
    const waiter = this.#waiting.shift();
    if (waiter) waiter(socket);
    else this.#queue.push(socket);
  }

  accept(): Promise<Socket | null> {
    if (this.#queue.length > 0) return Promise.resolve(this.#queue.shift()!);
    if (this.#closed) return Promise.resolve(null);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    // Connections never accepted are dropped with the listening socket: their clients read end of file.
    for (const s of this.#queue.splice(0)) s.close();
    for (const w of this.#waiting.splice(0)) w(null);
    this.onClose();
  }
}
