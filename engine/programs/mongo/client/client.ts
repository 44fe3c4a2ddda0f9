import type { VirtualClock } from '../../../core/clock.ts';
import { NetError, type NetStack } from '../../../network/socket.ts';
import { isDoc, ObjectIdFactory, type Doc, type Value } from '../bson.ts';
import { NODE_DRIVER_VERSION } from '../version.ts';
import { option, parseConnectionString, type ConnectionString } from './connection-string.ts';
import { Connection } from './connection.ts';
import { MongoBulkWriteError, MongoError, MongoInvalidArgumentError, MongoNetworkError, MongoServerError, MongoServerSelectionError, MongoTopologyClosedError } from './errors.ts';

/**
 * A MongoDB client with the Node.js driver's shape and words (MongoClient, Db, Collection, FindCursor, its result
 * objects and errors), over the namespace's sockets and the virtual clock. mongosh uses it now; the node runtime's
 * `mongodb` and `mongoose` packages can wrap the same classes.
 *
 * Server selection works as the driver's does for one host: connection attempts repeat every 500 ms
 * (minHeartbeatFrequencyMS) until serverSelectionTimeoutMS (30000 by default), then MongoServerSelectionError carries
 * the last attempt's error message (`connect ECONNREFUSED 127.0.0.1:27017`), or says the selection timed out.
 */

/** What the client needs from its surroundings: the process's sockets and clock, and a seed for its ObjectIds. */
export interface ClientEnvironment {
  readonly net: NetStack;
  readonly clock: VirtualClock;
  /** Makes the client's ObjectIds differ between processes while staying deterministic. */
  readonly seed: string;
  /** Interrupts waits (the process's Ctrl-C or kill); a wait then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** The handshake's `client` document (driver name and version, application name). */
  readonly driver?: { readonly name: string; readonly version: string };
}

export interface MongoClientOptions {
  readonly serverSelectionTimeoutMS?: number;
  readonly appName?: string;
  /**
   * Fail at once on errors waiting cannot fix (ECONNREFUSED, ENOTFOUND, ENETUNREACH) with that MongoNetworkError, as
   * mongosh's connection layer (devtools-connect) does, instead of retrying until the selection timeout.
   */
  readonly failFast?: boolean;
}

const HEARTBEAT_MS = 500;

export class MongoClient {
  readonly connectionString: ConnectionString;
  readonly #env: ClientEnvironment;
  readonly #timeoutMS: number;
  readonly #appName: string | undefined;
  readonly #failFast: boolean;
  readonly ids: ObjectIdFactory;
  #conn: Connection | undefined;
  #nextConnection = 1;
  #closed = false;
  /** The server's hello reply from the last handshake. */
  hello: Doc | undefined;

  constructor(uri: string, options: MongoClientOptions = {}, env: ClientEnvironment) {
    this.connectionString = parseConnectionString(uri);
    this.#env = env;
    const fromUri = option(this.connectionString, 'serverSelectionTimeoutMS');
    this.#timeoutMS = options.serverSelectionTimeoutMS ?? (fromUri !== undefined && /^\d+$/.test(fromUri) ? Number(fromUri) : 30_000);
    this.#appName = options.appName ?? option(this.connectionString, 'appName');
    this.#failFast = options.failFast ?? false;
    this.ids = new ObjectIdFactory(() => env.clock.now(), env.seed);
  }

  get address(): string {
    return `${this.connectionString.host}:${this.connectionString.port}`;
  }

  async connect(): Promise<this> {
    await this.connection();
    return this;
  }

  db(name?: string): Db {
    return new Db(this, name ?? this.connectionString.dbName ?? 'test');
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#conn?.close();
    this.#conn = undefined;
  }

  /** Runs a command in `db`; a reply with `ok: 0` throws MongoServerError. */
  async command(db: string, command: Doc): Promise<Doc> {
    const conn = await this.connection();
    const reply = await conn.command(db, command);
    if (reply.ok !== 1) throw new MongoServerError(reply);
    return reply;
  }

  /** The live connection, or a new one through server selection. */
  async connection(): Promise<Connection> {
    if (this.#closed) throw new MongoTopologyClosedError();
    if (this.#conn && !this.#conn.closed) return this.#conn;
    this.#conn = await this.#select();
    return this.#conn;
  }

  async #select(): Promise<Connection> {
    const { clock, net, signal } = this.#env;
    const deadline = clock.now() + this.#timeoutMS;
    let last: Error | undefined;
    for (;;) {
      const remaining = deadline - clock.now();
      if (remaining <= 0) break;
      const attempt = new AbortController();
      const cancel = clock.after(remaining, () => attempt.abort('serverSelectionTimeoutMS'));
      const onInterrupt = () => attempt.abort(signal!.reason);
      signal?.addEventListener('abort', onInterrupt, { once: true });
      try {
        return await this.#handshake(net, attempt.signal);
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        if (!attempt.signal.aborted) {
          last = e instanceof NetError ? new MongoNetworkError(e.message, e.code) : e instanceof MongoError ? e : new MongoNetworkError(String(e));
          if (this.#failFast && last instanceof MongoNetworkError && /\b(ECONNREFUSED|ENOTFOUND|ENETUNREACH)\b/.test(last.message)) throw last;
        }
      } finally {
        cancel();
        signal?.removeEventListener('abort', onInterrupt);
      }
      const wait = Math.min(HEARTBEAT_MS, deadline - clock.now());
      if (wait > 0) await clock.sleep(wait, signal);
    }
    throw new MongoServerSelectionError(last?.message ?? `Server selection timed out after ${this.#timeoutMS} ms`, last);
  }

  async #handshake(net: NetStack, signal: AbortSignal): Promise<Connection> {
    const { host, port } = this.connectionString;
    const socket = await net.connect(host, port, { signal });
    const conn = new Connection(socket, this.#nextConnection++, `${host}:${port}`);
    const driver = this.#env.driver ?? { name: 'nodejs', version: NODE_DRIVER_VERSION };
    const client: Doc = {
      ...(this.#appName ? { application: { name: this.#appName } } : {}),
      driver: { name: driver.name, version: driver.version },
      platform: 'Node.js v20.19.2, LE',
      os: { name: 'linux', architecture: 'x64', version: '6.10.14-linuxkit', type: 'Linux' },
    };
    const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    try {
      const reply = await Promise.race([conn.command('admin', { hello: 1, client }), aborted]);
      if (reply.ok !== 1) throw new MongoServerError(reply);
      this.hello = reply;
      return conn;
    } catch (e) {
      conn.close();
      throw e;
    }
  }
}

export class Db {
  constructor(
    readonly client: MongoClient,
    readonly databaseName: string,
  ) {}

  collection(name: string): Collection {
    return new Collection(this, name);
  }

  command(command: Doc): Promise<Doc> {
    return this.client.command(this.databaseName, command);
  }

  async dropDatabase(): Promise<boolean> {
    await this.command({ dropDatabase: 1 });
    return true;
  }

  async createCollection(name: string): Promise<Collection> {
    await this.command({ create: name });
    return this.collection(name);
  }

  listCollections(filter: Doc = {}, options: { nameOnly?: boolean } = {}): { toArray(): Promise<Doc[]> } {
    return {
      toArray: async () => {
        const reply = await this.command({ listCollections: 1, filter, ...(options.nameOnly ? { nameOnly: true } : {}) });
        return ((reply.cursor as Doc).firstBatch as Doc[]) ?? [];
      },
    };
  }

  admin(): Admin {
    return new Admin(this.client);
  }
}

export class Admin {
  constructor(readonly client: MongoClient) {}

  listDatabases(): Promise<Doc> {
    return this.client.command('admin', { listDatabases: 1 });
  }

  ping(): Promise<Doc> {
    return this.client.command('admin', { ping: 1 });
  }

  command(command: Doc): Promise<Doc> {
    return this.client.command('admin', command);
  }
}

export interface InsertOneResult {
  acknowledged: boolean;
  insertedId: Value;
}
export interface InsertManyResult {
  acknowledged: boolean;
  insertedCount: number;
  insertedIds: Record<number, Value>;
}
export interface UpdateResult {
  acknowledged: boolean;
  modifiedCount: number;
  upsertedId: Value;
  upsertedCount: number;
  matchedCount: number;
}
export interface DeleteResult {
  acknowledged: boolean;
  deletedCount: number;
}

export interface FindOptions {
  readonly sort?: Doc;
  readonly skip?: number;
  readonly limit?: number;
  readonly projection?: Doc;
}

export class Collection {
  constructor(
    readonly db: Db,
    readonly collectionName: string,
  ) {}

  get namespace(): string {
    return `${this.db.databaseName}.${this.collectionName}`;
  }

  #command(command: Doc): Promise<Doc> {
    return this.db.command(command);
  }

  /** Runs a write command; the first write error is thrown as the driver throws it. */
  async #write(command: Doc, bulk: boolean): Promise<Doc> {
    const reply = await this.#command(command);
    const errors = reply.writeErrors;
    if (Array.isArray(errors) && errors.length > 0) {
      const first = errors[0] as Doc;
      throw bulk ? new MongoBulkWriteError(first) : new MongoServerError(first);
    }
    return reply;
  }

  /** Gives the document an `_id` when it has none, as the driver does (it changes the caller's object). */
  #withId(doc: Doc): Doc {
    if (!isDoc(doc)) throw new MongoError('Document must be a valid JavaScript object');
    if (doc._id === undefined) {
      const id = this.db.client.ids.next();
      // The driver puts _id first in what it sends, and adds it to the caller's document.
      const sent: Doc = { _id: id, ...doc };
      (doc as Record<string, Value>)._id = id;
      return sent;
    }
    return doc;
  }

  async insertOne(doc: Doc): Promise<InsertOneResult> {
    const sent = this.#withId(doc);
    await this.#write({ insert: this.collectionName, documents: [sent], ordered: true }, false);
    return { acknowledged: true, insertedId: sent._id! };
  }

  async insertMany(docs: Doc[]): Promise<InsertManyResult> {
    if (!Array.isArray(docs)) throw new MongoInvalidArgumentError('Argument "docs" must be an array of documents');
    const sent = docs.map((d) => this.#withId(d));
    const reply = await this.#write({ insert: this.collectionName, documents: sent, ordered: true }, true);
    const insertedIds: Record<number, Value> = {};
    sent.forEach((d, i) => (insertedIds[i] = d._id!));
    return { acknowledged: true, insertedCount: Number(reply.n), insertedIds };
  }

  find(filter: Doc = {}, options: FindOptions = {}): FindCursor {
    return new FindCursor(this, filter, options);
  }

  async findOne(filter: Doc = {}, options: FindOptions = {}): Promise<Doc | null> {
    const docs = await this.find(filter, { ...options, limit: 1 }).toArray();
    return docs[0] ?? null;
  }

  async countDocuments(filter: Doc = {}, options: { skip?: number; limit?: number } = {}): Promise<number> {
    // The driver runs an aggregation ($match then $group with $sum); `count` with a query gives the same number.
    const reply = await this.#command({ count: this.collectionName, query: filter, ...options });
    return Number(reply.n);
  }

  async estimatedDocumentCount(): Promise<number> {
    const reply = await this.#command({ count: this.collectionName });
    return Number(reply.n);
  }

  async #update(filter: Doc, update: Doc, multi: boolean, upsert: boolean, replacement: boolean): Promise<UpdateResult> {
    const keys = Object.keys(update ?? {});
    if (!replacement && (keys.length === 0 || !keys[0]!.startsWith('$'))) throw new MongoInvalidArgumentError('Update document requires atomic operators');
    if (replacement && keys.some((k) => k.startsWith('$'))) throw new MongoInvalidArgumentError('Replacement document must not contain atomic operators');
    const reply = await this.#write({ update: this.collectionName, updates: [{ q: filter, u: update, multi, upsert }], ordered: true }, false);
    const upserted = Array.isArray(reply.upserted) ? (reply.upserted as Doc[]) : [];
    const n = Number(reply.n);
    return { acknowledged: true, modifiedCount: Number(reply.nModified), upsertedId: upserted[0]?._id ?? null, upsertedCount: upserted.length, matchedCount: n - upserted.length };
  }

  updateOne(filter: Doc, update: Doc, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.#update(filter, update, false, options.upsert === true, false);
  }

  updateMany(filter: Doc, update: Doc, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.#update(filter, update, true, options.upsert === true, false);
  }

  replaceOne(filter: Doc, replacement: Doc, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.#update(filter, replacement, false, options.upsert === true, true);
  }

  async #delete(filter: Doc, limit: 0 | 1): Promise<DeleteResult> {
    const reply = await this.#write({ delete: this.collectionName, deletes: [{ q: filter, limit }], ordered: true }, false);
    return { acknowledged: true, deletedCount: Number(reply.n) };
  }

  deleteOne(filter: Doc = {}): Promise<DeleteResult> {
    return this.#delete(filter, 1);
  }

  deleteMany(filter: Doc = {}): Promise<DeleteResult> {
    return this.#delete(filter, 0);
  }

  async drop(): Promise<boolean> {
    await this.#command({ drop: this.collectionName });
    return true;
  }
}

/** A query not yet run: options chain, then toArray/next/iteration run it once. */
export class FindCursor {
  #options: { sort?: Doc; skip?: number; limit?: number; projection?: Doc };
  #buffer: Doc[] | undefined;
  #position = 0;

  constructor(
    readonly collection: Collection,
    readonly filter: Doc,
    options: FindOptions,
  ) {
    this.#options = { ...options };
  }

  sort(sort: Doc): this {
    this.#options.sort = sort;
    return this;
  }
  skip(n: number): this {
    this.#options.skip = n;
    return this;
  }
  limit(n: number): this {
    this.#options.limit = n;
    return this;
  }
  project(projection: Doc): this {
    this.#options.projection = projection;
    return this;
  }

  async #fetch(): Promise<Doc[]> {
    if (!this.#buffer) {
      const o = this.#options;
      const reply = await this.collection.db.command({ find: this.collection.collectionName, filter: this.filter, ...(o.sort ? { sort: o.sort } : {}), ...(o.projection ? { projection: o.projection } : {}), ...(o.skip ? { skip: o.skip } : {}), ...(o.limit ? { limit: o.limit } : {}) });
      this.#buffer = ((reply.cursor as Doc).firstBatch as Doc[]) ?? [];
    }
    return this.#buffer;
  }

  /** The documents not yet read. */
  async toArray(): Promise<Doc[]> {
    const docs = await this.#fetch();
    const rest = docs.slice(this.#position);
    this.#position = docs.length;
    return rest;
  }

  async hasNext(): Promise<boolean> {
    return this.#position < (await this.#fetch()).length;
  }

  async next(): Promise<Doc | null> {
    const docs = await this.#fetch();
    return this.#position < docs.length ? docs[this.#position++]! : null;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Doc> {
    for (let d = await this.next(); d; d = await this.next()) yield d;
  }
}
