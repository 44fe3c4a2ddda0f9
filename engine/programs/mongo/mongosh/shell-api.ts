import { ObjectId, type Doc, type Value } from '../bson.ts';
import type { Collection, Db, FindCursor, MongoClient } from '../client/client.ts';
import { formatBytes } from './format.ts';

/**
 * What mongosh's `db` and collections give a script: the driver's operations, returning mongosh's own result shapes
 * (`{ acknowledged, insertedId }`, `{ acknowledged, insertedId, matchedCount, modifiedCount, upsertedCount }`...),
 * and its shell commands (`show dbs`, `use`, `it`).
 */

/** How many documents a printed cursor shows before `Type "it" for more` (mongosh's displayBatchSize). */
export const DISPLAY_BATCH_SIZE = 20;

/** A find() not yet printed: chain options, then the REPL prints its first batch. */
export class ShellCursor {
  constructor(readonly cursor: FindCursor) {}
  sort(spec: Doc): this {
    this.cursor.sort(spec);
    return this;
  }
  limit(n: number): this {
    this.cursor.limit(n);
    return this;
  }
  skip(n: number): this {
    this.cursor.skip(n);
    return this;
  }
  projection(spec: Doc): this {
    this.cursor.project(spec);
    return this;
  }
  project(spec: Doc): this {
    return this.projection(spec);
  }
  pretty(): this {
    return this;
  }
  toArray(): Promise<Doc[]> {
    return this.cursor.toArray();
  }
  next(): Promise<Doc | null> {
    return this.cursor.next();
  }
  hasNext(): Promise<boolean> {
    return this.cursor.hasNext();
  }
  async forEach(fn: (d: Doc) => unknown): Promise<void> {
    for (let d = await this.next(); d; d = await this.next()) await fn(d);
  }
  async itcount(): Promise<number> {
    return (await this.toArray()).length;
  }
  /** The next batch for printing, and whether more remain. */
  async batch(): Promise<{ docs: Doc[]; more: boolean }> {
    const docs: Doc[] = [];
    while (docs.length < DISPLAY_BATCH_SIZE) {
      const d = await this.next();
      if (!d) break;
      docs.push(d);
    }
    return { docs, more: await this.hasNext() };
  }
}

export class ShellCollection {
  constructor(readonly coll: Collection) {}

  getName(): string {
    return this.coll.collectionName;
  }
  getFullName(): string {
    return this.coll.namespace;
  }
  toString(): string {
    return this.coll.namespace;
  }
  async insertOne(doc: Doc): Promise<Doc> {
    const r = await this.coll.insertOne(doc);
    return { acknowledged: r.acknowledged, insertedId: r.insertedId };
  }
  async insertMany(docs: Doc[]): Promise<Doc> {
    const r = await this.coll.insertMany(docs);
    const ids: Doc = {};
    for (const [i, id] of Object.entries(r.insertedIds)) ids[i] = id;
    return { acknowledged: r.acknowledged, insertedIds: ids };
  }
  find(filter: Doc = {}, projection?: Doc): ShellCursor {
    return new ShellCursor(this.coll.find(filter, projection ? { projection } : {}));
  }
  findOne(filter: Doc = {}, projection?: Doc): Promise<Doc | null> {
    return this.coll.findOne(filter, projection ? { projection } : {});
  }
  countDocuments(filter: Doc = {}): Promise<number> {
    return this.coll.countDocuments(filter);
  }
  estimatedDocumentCount(): Promise<number> {
    return this.coll.estimatedDocumentCount();
  }
  async #updated(p: ReturnType<Collection['updateOne']>): Promise<Doc> {
    const r = await p;
    return { acknowledged: r.acknowledged, insertedId: r.upsertedId, matchedCount: r.matchedCount, modifiedCount: r.modifiedCount, upsertedCount: r.upsertedCount };
  }
  updateOne(filter: Doc, update: Doc, options: { upsert?: boolean } = {}): Promise<Doc> {
    return this.#updated(this.coll.updateOne(filter, update, options));
  }
  updateMany(filter: Doc, update: Doc, options: { upsert?: boolean } = {}): Promise<Doc> {
    return this.#updated(this.coll.updateMany(filter, update, options));
  }
  replaceOne(filter: Doc, replacement: Doc, options: { upsert?: boolean } = {}): Promise<Doc> {
    return this.#updated(this.coll.replaceOne(filter, replacement, options));
  }
  async deleteOne(filter: Doc = {}): Promise<Doc> {
    const r = await this.coll.deleteOne(filter);
    return { acknowledged: r.acknowledged, deletedCount: r.deletedCount };
  }
  async deleteMany(filter: Doc = {}): Promise<Doc> {
    const r = await this.coll.deleteMany(filter);
    return { acknowledged: r.acknowledged, deletedCount: r.deletedCount };
  }
  drop(): Promise<boolean> {
    return this.coll.drop();
  }
  /** `db.users.archive` is the collection `users.archive`, as mongosh resolves any other property of a collection. */
  subCollection(name: string): ShellCollection {
    return new ShellCollection(this.coll.db.collection(`${this.coll.collectionName}.${name}`));
  }
}

/** Marks the `db` objects ShellState.db() makes (proxies: no class to test them by). */
export const IS_DATABASE = Symbol('mongosh database');

/** The current database and the shell commands that change or list things. */
export class ShellState {
  #db: Db;
  /** The cursor `it` continues. */
  lastCursor: ShellCursor | undefined;

  constructor(readonly client: MongoClient) {
    this.#db = client.db();
  }

  get dbName(): string {
    return this.#db.databaseName;
  }

  use(name: string): string {
    if (name === this.#db.databaseName) return `already on db ${name}`;
    this.#db = this.client.db(name);
    return `switched to db ${name}`;
  }

  async show(what: string): Promise<string> {
    if (what === 'dbs' || what === 'databases') {
      const reply = await this.client.db('admin').admin().listDatabases();
      const dbs = (reply.databases as Doc[]).map((d) => [String(d.name), formatBytes(Number(d.sizeOnDisk))] as const);
      const w = Math.max(0, ...dbs.map(([n]) => n.length)) + 2;
      const sw = Math.max(0, ...dbs.map(([, s]) => s.length));
      return dbs.map(([n, s]) => n.padEnd(w) + s.padStart(sw)).join('\n');
    }
    if (what === 'collections' || what === 'tables') {
      const infos = await this.#db.listCollections({}, { nameOnly: true }).toArray();
      return infos.map((c) => String(c.name)).join('\n');
    }
    throw new MongoshInvalidShowError(what);
  }

  /** The `db` object a script sees: methods, and any other property is the collection of that name. */
  db(): Record<string, unknown> {
    const methods: Record<string, unknown> = {
      getName: () => this.#db.databaseName,
      getCollection: (name: string) => new ShellCollection(this.#db.collection(name)),
      getCollectionNames: async () => (await this.#db.listCollections({}, { nameOnly: true }).toArray()).map((c) => String(c.name)).sort(),
      getSiblingDB: (name: string) => new ShellState(this.client).withDb(name).db(),
      runCommand: (cmd: Doc) => this.#db.command(cmd),
      adminCommand: (cmd: Doc) => this.client.command('admin', cmd),
      createCollection: async (name: string) => {
        await this.#db.createCollection(name);
        return { ok: 1 };
      },
      dropDatabase: async () => {
        const name = this.#db.databaseName;
        const r = await this.#db.command({ dropDatabase: 1 });
        return { ok: r.ok as Value, dropped: name };
      },
      version: async () => String((await this.client.command('admin', { buildInfo: 1 })).version),
      toString: () => this.#db.databaseName,
    };
    return new Proxy(methods, {
      get: (target, prop) => {
        if (prop === IS_DATABASE) return true;
        if (typeof prop !== 'string') return undefined;
        if (prop in target) return target[prop];
        if (prop.startsWith('_') || prop === 'then') return undefined;
        return new ShellCollection(this.#db.collection(prop));
      },
    });
  }

  withDb(name: string): this {
    this.#db = this.client.db(name);
    return this;
  }
}

export class MongoshInvalidShowError extends Error {
  override readonly name = 'MongoshInvalidInputError';
  constructor(what: string) {
    super(`'${what}' is not a valid argument for "show".`);
  }
}

/** `ObjectId()`, `ObjectId('hex')` as the shell's global makes them. */
export function objectIdGlobal(client: MongoClient): (hex?: string) => ObjectId {
  return (hex?: string) => (hex === undefined ? client.ids.next() : new ObjectId(hex));
}
