import { NetError, netOf } from '../../../../network/socket.ts';
import { parseRedisUrl, RedisConnection, type RedisAddress } from '../../../redis/client.ts';
import type { BindingContext } from '../../runtime/bindings.ts';
import { netError } from '../../runtime/uv-errors.ts';

/**
 * The host half of the npm `redis` package (`process.binding('dockyard:redis')`): the engine's RedisConnection to
 * redis-server through the process's network namespace. Replies come back as node-redis gives them to JavaScript
 * (strings, numbers, null, arrays); error replies reject with ErrorReply. Reconnecting, events and the command
 * names are the guest package's business.
 *
 * An open connection keeps the node process alive through the pending `closed(id)` promise the package waits on.
 */
export function redisBinding({ p }: BindingContext): Record<string, unknown> {
  const connections = new Map<number, { conn: RedisConnection; closed: Promise<void> }>();
  let next = 1;

  return {
    /** Connects within `timeoutMS` (node-redis's socket.connectTimeout); resolves to the connection's id. */
    connect: async (address: unknown, timeoutMS: unknown) => {
      const a = address as RedisAddress | string;
      const abort = new AbortController();
      const cancel = p.clock.after(Number(timeoutMS) || 5000, () => abort.abort('connectTimeout'));
      try {
        const conn = await RedisConnection.connect(netOf(p), typeof a === 'string' ? parseRedisUrl(a) : a, { signal: abort.signal });
        const id = next++;
        const closed = new Promise<void>((resolve) => (conn.onClose = resolve));
        connections.set(id, { conn, closed });
        return id;
      } catch (e) {
        if (abort.signal.aborted && !(e instanceof NetError)) throw Object.assign(new Error('Connection timeout'), { name: 'ConnectionTimeoutError' });
        throw netError(e);
      } finally {
        cancel();
      }
    },
    command: (id: unknown, args: unknown) => {
      const c = connections.get(Number(id));
      if (!c || !c.conn.isOpen) return Promise.reject(Object.assign(new Error('The client is closed'), { name: 'ClientClosedError' }));
      return c.conn.command(...(args as string[]));
    },
    /** Resolves when the connection ends, whoever ended it. */
    closed: (id: unknown) => connections.get(Number(id))?.closed ?? Promise.resolve(),
    close: (id: unknown) => {
      connections.get(Number(id))?.conn.close();
      connections.delete(Number(id));
    },
  };
}
