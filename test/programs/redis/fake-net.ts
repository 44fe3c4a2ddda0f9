/**
 * A stand-in network namespace for these tests (the real one is built on another branch): listeners by port on
 * every address, connections as pairs of pipes, names that resolve only if listed.
 */
import { NetError, type Listener, type NetStack, type Socket } from '../../../engine/network/socket.ts';
import { Pipe } from '../../../engine/programs/streams.ts';

class FakeListener implements Listener {
  #queue: Socket[] = [];
  #waiting: ((s: Socket | null) => void)[] = [];
  #closed = false;
  constructor(
    readonly local: { address: string; port: number },
    private readonly onClose: () => void,
  ) {}
  deliver(s: Socket): void {
    const w = this.#waiting.shift();
    if (w) w(s);
    else this.#queue.push(s);
  }
  accept(): Promise<Socket | null> {
    if (this.#queue.length > 0) return Promise.resolve(this.#queue.shift()!);
    if (this.#closed) return Promise.resolve(null);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
  close(): void {
    this.#closed = true;
    for (const w of this.#waiting.splice(0)) w(null);
    this.onClose();
  }
}

function socketPair(port: number): [Socket, Socket] {
  const up = new Pipe();
  const down = new Pipe();
  const end = (input: Pipe, output: Pipe, local: number, remote: number): Socket => ({
    input,
    output,
    close: () => {
      output.closeWrite();
      input.closeRead();
    },
    local: { address: '127.0.0.1', port: local },
    remote: { address: '127.0.0.1', port: remote },
  });
  return [end(down, up, 40000, port), end(up, down, port, 40000)];
}

export class FakeNet implements NetStack {
  readonly hostname = 'c0ffee123456';
  readonly listeners = new Map<number, FakeListener>();
  /** Extra names that resolve to this namespace (besides localhost and 127.0.0.1). */
  readonly names = new Set<string>(['localhost', '127.0.0.1']);

  listen(port: number, address = '0.0.0.0'): Listener {
    if (this.listeners.has(port)) throw new NetError('EADDRINUSE', 'listen', address, port);
    const l = new FakeListener({ address, port }, () => this.listeners.delete(port));
    this.listeners.set(port, l);
    return l;
  }

  async connect(host: string, port: number): Promise<Socket> {
    if (!this.names.has(host)) throw new NetError('ENOTFOUND', 'getaddrinfo', host);
    const l = this.listeners.get(port);
    if (!l) throw new NetError('ECONNREFUSED', 'connect', '127.0.0.1', port);
    const [client, server] = socketPair(port);
    l.deliver(server);
    return client;
  }

  async resolve(host: string): Promise<string[]> {
    if (!this.names.has(host)) throw new NetError('ENOTFOUND', 'getaddrinfo', host);
    return ['127.0.0.1'];
  }
}
