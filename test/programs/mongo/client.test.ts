import { describe, expect, it } from 'vitest';
import { MongoNetworkError, MongoParseError, MongoServerSelectionError } from '../../../engine/programs/mongo/client/errors.ts';
import { createNetworkNamespace } from '../../../engine/network/namespace.ts';
import { parseConnectionString } from '../../../engine/programs/mongo/client/connection-string.ts';
import { client, drive, world } from './harness.ts';

async function failure(p: Promise<unknown>): Promise<Error> {
  return p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: Error) => e,
  );
}

describe('the MongoDB client', () => {
  it('waits out serverSelectionTimeoutMS on a refused port, then fails with the last connect error', async () => {
    const w = world();
    const t0 = w.clock.now();
    const e = await failure(drive(w, client(w).connect()));
    expect(e).toBeInstanceOf(MongoServerSelectionError);
    expect(`${e.name}: ${e.message}`).toBe('MongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017');
    expect(w.clock.now() - t0).toBe(30_000);
  });

  it('honours serverSelectionTimeoutMS from the URI', async () => {
    const w = world();
    const t0 = w.clock.now();
    await failure(drive(w, client(w, 'mongodb://localhost:27017/?serverSelectionTimeoutMS=2000').connect()));
    expect(w.clock.now() - t0).toBe(2_000);
  });

  it('names a host DNS does not know as getaddrinfo does', async () => {
    const w = world();
    const e = await failure(drive(w, client(w, 'mongodb://mongo:27017/app').connect()));
    expect(`${e.name}: ${e.message}`).toBe('MongoServerSelectionError: getaddrinfo ENOTFOUND mongo');
  });

  it('fails fast with MongoNetworkError when asked to (mongosh)', async () => {
    const w = world();
    const t0 = w.clock.now();
    const e = await failure(drive(w, client(w, 'mongodb://127.0.0.1:27017', { failFast: true }).connect()));
    expect(e).toBeInstanceOf(MongoNetworkError);
    expect(`${e.name}: ${e.message}`).toBe('MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017');
    expect(w.clock.now()).toBe(t0);
  });

  it('times out on a host that never answers', async () => {
    const w = world();
    // A route that drops the SYN: the connection never completes until the client gives up.
    const net = createNetworkNamespace({ hostname: 'app', route: (_from, _to, signal) => new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))) });
    const t0 = w.clock.now();
    const e = await failure(drive(w, client({ clock: w.clock, net }, 'mongodb://10.0.0.9:27017/?serverSelectionTimeoutMS=5000').connect()));
    expect(`${e.name}: ${e.message}`).toBe('MongoServerSelectionError: Server selection timed out after 5000 ms');
    expect(w.clock.now() - t0).toBe(5_000);
  });

  it('parses connection strings as the driver does', () => {
    expect(parseConnectionString('mongodb://root:p%40ss@mongo:27018/shop?authSource=admin')).toEqual({ host: 'mongo', port: 27018, username: 'root', password: 'p@ss', dbName: 'shop', options: [['authSource', 'admin']] });
    expect(parseConnectionString('mongodb://localhost')).toEqual({ host: 'localhost', port: 27017, options: [] });
    expect(() => parseConnectionString('http://localhost')).toThrow(MongoParseError);
    expect(() => parseConnectionString('http://localhost')).toThrow('Invalid scheme, expected connection string to start with "mongodb://" or "mongodb+srv://"');
  });
});
