import { netOf } from '../../../../network/socket.ts';
import { ObjectIdFactory, parseEJSON, stringifyEJSON, type Doc, type Value } from '../../../mongo/bson.ts';
import { MongoClient, type Collection, type FindOptions } from '../../../mongo/client/client.ts';
import { MongoError, MongoServerError, MongoServerSelectionError } from '../../../mongo/client/errors.ts';
import type { BindingContext } from '../../runtime/bindings.ts';

/**
 * The host half of the npm `mongodb` package (`process.binding('dockyard:mongodb')`): the engine's MongoClient
 * speaking to mongod through the process's network namespace, on its virtual clock. Values cross as Extended JSON
 * text (ObjectId, Date and RegExp survive; the guest package rebuilds its own classes from it).
 *
 * A connected client holds the node process open, as the driver's sockets and monitors keep Node's event loop
 * alive, until `close()`. The process's signal is not passed on: an app that handles SIGTERM still closes its client.
 */

interface Open {
  readonly client: MongoClient;
  release?: () => void;
}

type CollectionOp = (c: Collection, args: Value[]) => Promise<unknown>;

const doc = (v: Value | undefined): Doc => (v ?? {}) as Doc;

/** What the package may run on a collection: the driver's methods, by their names. */
const OPS: Record<string, CollectionOp> = {
  insertOne: (c, [d]) => c.insertOne(doc(d)),
  insertMany: (c, [ds]) => c.insertMany(ds as Doc[]),
  find: (c, [filter, options]) => c.find(doc(filter), doc(options) as FindOptions).toArray(),
  countDocuments: (c, [filter, options]) => c.countDocuments(doc(filter), doc(options) as { skip?: number; limit?: number }),
  estimatedDocumentCount: (c) => c.estimatedDocumentCount(),
  updateOne: (c, [f, u, o]) => c.updateOne(doc(f), doc(u), doc(o) as { upsert?: boolean }),
  updateMany: (c, [f, u, o]) => c.updateMany(doc(f), doc(u), doc(o) as { upsert?: boolean }),
  replaceOne: (c, [f, r, o]) => c.replaceOne(doc(f), doc(r), doc(o) as { upsert?: boolean }),
  deleteOne: (c, [f]) => c.deleteOne(doc(f)),
  deleteMany: (c, [f]) => c.deleteMany(doc(f)),
  drop: (c) => c.drop(),
};

/**
 * The driver's error as data the guest rebuilds its own class from: the class name and message, the server's reply
 * as Extended JSON (its ObjectIds intact), the network error behind a server selection failure.
 */
function forGuest(e: unknown): unknown {
  if (!(e instanceof MongoError)) return e;
  const out = new Error(e.message);
  Object.defineProperty(out, 'name', { value: e.name });
  if (e instanceof MongoServerError) Object.assign(out, { errorResponse: stringifyEJSON(e.errorResponse) });
  if (e instanceof MongoServerSelectionError && e.reason) Object.assign(out, { causeName: e.reason.name, causeMessage: e.reason.message });
  return out;
}

function guarded<A extends unknown[], R>(fn: (...a: A) => Promise<R>): (...a: A) => Promise<R> {
  return async (...a) => {
    try {
      return await fn(...a);
    } catch (e) {
      throw forGuest(e);
    }
  };
}

export function mongodbBinding({ p, hold }: BindingContext): Record<string, unknown> {
  const clients = new Map<number, Open>();
  let next = 1;
  // ObjectIds the app makes itself (new ObjectId()): one process-unique part per node process, as bson draws once.
  const ids = new ObjectIdFactory(() => p.clock.now(), `node:${p.system.hostname}:${p.clock.now()}`);
  const open = (id: unknown): Open => {
    const o = clients.get(Number(id));
    if (!o) throw new Error('internal: no such MongoClient');
    return o;
  };
  // A client that reached its server keeps the process alive until it is closed.
  const connected = (o: Open) => {
    if (!o.release) o.release = hold();
  };

  const openClient = (uri: string, options: unknown, driverVersion: string) => {
    const o = (options ?? {}) as { serverSelectionTimeoutMS?: unknown; appName?: unknown };
    const client = new MongoClient(
      uri,
      {
        ...(typeof o.serverSelectionTimeoutMS === 'number' ? { serverSelectionTimeoutMS: o.serverSelectionTimeoutMS } : {}),
        ...(typeof o.appName === 'string' ? { appName: o.appName } : {}),
      },
      { net: netOf(p), clock: p.clock, seed: `node-client:${p.system.hostname}:${p.clock.now()}:${next}`, driver: { name: 'nodejs', version: driverVersion } },
    );
    const id = next++;
    clients.set(id, { client });
    return { id, address: client.address, dbName: client.connectionString.dbName ?? 'test' };
  };

  return {
    objectId: () => ids.next().toHexString(),
    /** Parses the connection string (MongoParseError is thrown here, as the driver's constructor throws it). */
    open: (uri: unknown, options: unknown, driverVersion: unknown) => {
      try {
        return openClient(String(uri), options, String(driverVersion));
      } catch (e) {
        throw forGuest(e);
      }
    },
    connect: guarded(async (id: unknown) => {
      const o = open(id);
      await o.client.connect();
      connected(o);
    }),
    close: async (id: unknown) => {
      const o = open(id);
      await o.client.close();
      o.release?.();
      o.release = undefined;
    },
    /** A collection method with Extended JSON arguments; resolves to its result as Extended JSON. */
    collection: guarded(async (id: unknown, db: unknown, name: unknown, method: unknown, args: unknown) => {
      const o = open(id);
      const op = OPS[String(method)];
      if (!op) throw new Error(`internal: Collection.${String(method)} is not simulated`);
      const result = await op(o.client.db(String(db)).collection(String(name)), parseEJSON(String(args)) as Value[]);
      connected(o);
      return stringifyEJSON(result);
    }),
    /** `db.command(...)` and the Db helpers built on it. */
    command: guarded(async (id: unknown, db: unknown, command: unknown) => {
      const o = open(id);
      const reply = await o.client.db(String(db)).command(parseEJSON(String(command)) as Doc);
      connected(o);
      return stringifyEJSON(reply);
    }),
  };
}
