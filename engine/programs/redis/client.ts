/**
 * A small Redis client over the simulated network, for redis-cli and for the node runtime's `redis` package:
 * connect by URL (`redis://[[user]:password@]host[:port][/db]`), send commands, get replies in order. Errors carry
 * node-redis's names and wording; a connection failure is the socket's NetError (`connect ECONNREFUSED
 * 127.0.0.1:6379`), which is what node-redis reports too.
 */
import type { NetStack, Socket } from '../../network/socket.ts';
import { encodeCommand, RespReader, type Reply } from './resp.ts';

export interface RedisAddress {
  readonly host: string;
  readonly port: number;
  readonly database: number;
  readonly username?: string;
  readonly password?: string;
}

/** Parses a redis:// URL as node-redis does; throws TypeError for another scheme. */
export function parseRedisUrl(url: string): RedisAddress {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new TypeError('Invalid protocol');
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db)) throw new TypeError('Invalid pathname');
  return {
    host: u.hostname === '' ? 'localhost' : u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port === '' ? 6379 : Number(u.port),
    database: db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

/** An error reply from the server (node-redis's ErrorReply): the message is the server's text. */
export class ErrorReply extends Error {
  override readonly name = 'ErrorReply';
}

/** node-redis's error for a command on a client that is not connected. */
export class ClientClosedError extends Error {
  override readonly name = 'ClientClosedError';
  constructor() {
    super('The client is closed');
  }
}

/** node-redis's error when the server closes the connection under a pending command. */
export class SocketClosedUnexpectedlyError extends Error {
  override readonly name = 'SocketClosedUnexpectedlyError';
  constructor() {
    super('Socket closed unexpectedly');
  }
}

export type RedisJsValue = string | number | null | RedisJsValue[];

/** A reply as node-redis gives it to JavaScript: OK as 'OK', nil as null, arrays as arrays; errors throw. */
export function replyToJs(r: Reply): RedisJsValue {
  switch (r.kind) {
    case 'status':
      return r.text;
    case 'error':
      throw new ErrorReply(r.text);
    case 'integer':
      return r.value;
    case 'bulk':
      return r.value;
    case 'array':
      return r.items === null ? null : r.items.map(replyToJs);
  }
}

interface Pending {
  resolve(r: Reply): void;
  reject(e: Error): void;
}

export class RedisConnection {
  readonly #socket: Socket;
  readonly #pending: Pending[] = [];
  #open = true;
  /** Called once when the connection ends, whoever ended it. */
  onClose: (() => void) | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    void this.#readLoop();
  }

  /** Connects, then authenticates and selects the database the address names. Rejects with NetError or ErrorReply. */
  static async connect(net: NetStack, address: RedisAddress | string, options: { signal?: AbortSignal } = {}): Promise<RedisConnection> {
    const a = typeof address === 'string' ? parseRedisUrl(address) : address;
    const socket = await net.connect(a.host, a.port, options.signal ? { signal: options.signal } : {});
    const c = new RedisConnection(socket);
    try {
      if (a.password !== undefined) replyToJs(await c.call(a.username ? ['AUTH', a.username, a.password] : ['AUTH', a.password]));
      if (a.database !== 0) replyToJs(await c.call(['SELECT', String(a.database)]));
    } catch (e) {
      c.close();
      throw e;
    }
    return c;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Sends a command and resolves to its raw reply (error replies included, as values). */
  call(args: readonly string[]): Promise<Reply> {
    if (!this.#open) return Promise.reject(new ClientClosedError());
    return new Promise<Reply>((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#socket.output.write(encodeCommand(args)).catch(() => this.#end());
    });
  }

  /** Sends a command and resolves to its JavaScript value; an error reply rejects with ErrorReply. */
  async command(...args: (string | number)[]): Promise<RedisJsValue> {
    return replyToJs(await this.call(args.map(String)));
  }

  close(): void {
    if (!this.#open) return;
    this.#socket.close();
    this.#end(new ClientClosedError());
  }

  async #readLoop(): Promise<void> {
    const reader = new RespReader();
    try {
      for (let chunk = await this.#socket.input.read(); chunk; chunk = await this.#socket.input.read()) {
        reader.push(chunk);
        for (let r = reader.nextReply(); r; r = reader.nextReply()) this.#pending.shift()?.resolve(r);
      }
    } catch {
      // A reset or a garbled reply ends the connection like a close.
    }
    this.#end();
  }

  #end(error: Error = new SocketClosedUnexpectedlyError()): void {
    const wasOpen = this.#open;
    this.#open = false;
    for (const p of this.#pending.splice(0)) p.reject(error);
    if (wasOpen) {
      this.#socket.close();
      this.onClose?.();
    }
  }
}
