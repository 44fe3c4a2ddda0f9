import { bsonSize, clone, isDoc, ObjectId, ObjectIdFactory, stringifyEJSON, valuesEqual, type Doc, type Value } from './bson.ts';
import { badValue, CommandError } from './command-error.ts';
import { project, sortDocs } from './cursor.ts';
import type { LogEntry } from './log.ts';
import { matches, validateFilter } from './query.ts';
import { tableSizeOnDisk, type CatalogEntry, type DbPath } from './storage.ts';
import { applyUpdate, upsertSeed } from './update.ts';

/**
 * The databases one mongod serves, held in memory and written through to its dbpath on every acknowledged change.
 * `run` executes one command document (`{insert: 'users', documents: [...]}`) in a database and returns the reply a
 * real server would (`{n: 1, ok: 1}`), or throws CommandError for `{ok: 0, errmsg, code, codeName}`.
 */

interface Collection {
  readonly entry: CatalogEntry;
  docs: Doc[];
}

export interface ServerInfo {
  readonly version: string;
  readonly gitVersion: string;
  readonly maxWireVersion: number;
  readonly startupWarnings: () => string[];
}

export class Databases {
  readonly #collections = new Map<string, Collection>();
  readonly #ids: ObjectIdFactory;

  constructor(
    private readonly dbpath: DbPath,
    private readonly info: ServerInfo,
    private readonly now: () => number,
    private readonly log: (e: LogEntry) => void,
    seed: string,
  ) {
    this.#ids = new ObjectIdFactory(now, seed);
  }

  /** Reads every collection back from the dbpath (a restart over the same files finds the same data). */
  load(): void {
    for (const { entry, docs } of this.dbpath.load()) this.#collections.set(entry.ns, { entry, docs });
  }

  /** What a fresh mongod creates: the FCV document, the startup log, the sessions collection. */
  bootstrap(fcv: string): void {
    this.#insert('admin', 'system.version', [{ _id: 'featureCompatibilityVersion', version: fcv }], 'initandlisten');
    this.#ensure('config', 'system.sessions', 'LogicalSessionCacheRefresh', ['_id_', 'lsidTTLIndex']);
  }

  /** Every start adds its document to local.startup_log, as the real server does. */
  recordStartup(hostname: string, startMs: number, argv: readonly string[]): void {
    const doc: Doc = { _id: `${hostname}-${startMs}`, hostname, startTime: new Date(startMs), startTimeLocal: new Date(startMs).toUTCString(), cmdLine: { argv: [...argv] }, pid: 1, buildinfo: { version: this.info.version } };
    this.#insert('local', 'startup_log', [doc], 'initandlisten');
  }

  run(db: string, cmd: Doc, ctx: string): Doc {
    const name = Object.keys(cmd)[0] ?? '';
    const arg = cmd[name];
    switch (name.toLowerCase() === 'ismaster' ? 'hello' : name) {
      case 'hello':
        return {
          isWritablePrimary: true,
          topologyVersion: { processId: this.#ids.next(), counter: 0 },
          maxBsonObjectSize: 16777216,
          maxMessageSizeBytes: 48000000,
          maxWriteBatchSize: 100000,
          localTime: new Date(this.now()),
          logicalSessionTimeoutMinutes: 30,
          minWireVersion: 0,
          maxWireVersion: this.info.maxWireVersion,
          readOnly: false,
          ok: 1,
        };
      case 'ping':
        return { ok: 1 };
      case 'buildInfo':
      case 'buildinfo':
        return { version: this.info.version, gitVersion: this.info.gitVersion, modules: [], allocator: 'tcmalloc', javascriptEngine: 'mozjs', sysInfo: 'deprecated', versionArray: this.info.version.split('.').map(Number).concat(0), bits: 64, debug: false, maxBsonObjectSize: 16777216, ok: 1 };
      case 'getLog':
        if (arg !== 'startupWarnings') throw badValue(`No log named '${String(arg)}'`);
        return { totalLinesWritten: this.info.startupWarnings().length, log: this.info.startupWarnings(), ok: 1 };
      case 'insert':
        return this.#insertCommand(db, this.#collName(name, arg), cmd, ctx);
      case 'find':
        return this.#find(db, this.#collName(name, arg), cmd);
      case 'count':
        return this.#count(db, this.#collName(name, arg), cmd);
      case 'update':
        return this.#update(db, this.#collName(name, arg), cmd, ctx);
      case 'delete':
        return this.#delete(db, this.#collName(name, arg), cmd);
      case 'create':
        return this.#create(db, this.#collName(name, arg), ctx);
      case 'drop':
        return this.#drop(db, this.#collName(name, arg));
      case 'dropDatabase':
        for (const [ns, c] of this.#collections) if (ns.startsWith(`${db}.`)) this.#dropCollection(ns, c);
        return { ok: 1 };
      case 'listCollections':
        return this.#listCollections(db, cmd);
      case 'listDatabases':
        if (db !== 'admin') throw new CommandError(13, 'Unauthorized', 'listDatabases may only be run against the admin database.');
        return this.#listDatabases(cmd);
      default:
        throw new CommandError(59, 'CommandNotFound', `no such command: '${name}'`);
    }
  }

  #collName(command: string, arg: Value | undefined): string {
    if (typeof arg !== 'string') throw new CommandError(73, 'InvalidNamespace', `collection name has invalid type ${arg === null ? 'null' : typeof arg}`);
    if (arg === '') throw new CommandError(73, 'InvalidNamespace', `Invalid namespace specified '${command}.'`);
    return arg;
  }

  #get(db: string, coll: string): Collection | undefined {
    return this.#collections.get(`${db}.${coll}`);
  }

  /** The collection, created (and logged, as mongod does) on first write. */
  #ensure(db: string, coll: string, ctx: string, indexes: readonly string[] = ['_id_']): Collection {
    const ns = `${db}.${coll}`;
    const found = this.#collections.get(ns);
    if (found) return found;
    if (!/^[^/\\. "$*<>:|?]+$/.test(db)) throw new CommandError(73, 'InvalidNamespace', `Invalid database name: '${db}'`);
    const entry = this.dbpath.createCollection(ns, indexes);
    const uuid = { uuid: { $uuid: entry.uuid } };
    this.log({ c: 'STORAGE', id: 20320, ctx, msg: 'createCollection', attr: { namespace: ns, uuidDisposition: 'generated', uuid, options: {} } });
    for (const [index, ident] of Object.entries(entry.indexIdents)) {
      this.log({ c: 'INDEX', id: 20345, ctx, msg: 'Index build: done building', attr: { buildUUID: null, collectionUUID: uuid, namespace: ns, index, ident, collectionIdent: entry.ident, commitTimestamp: null } });
    }
    const c = { entry, docs: [] };
    this.#collections.set(ns, c);
    return c;
  }

  #persist(c: Collection): void {
    this.dbpath.writeCollection(c.entry, c.docs);
  }

  #insert(db: string, coll: string, docs: Doc[], ctx: string): Doc {
    const c = this.#ensure(db, coll, ctx);
    const writeErrors: Doc[] = [];
    let n = 0;
    for (const [index, raw] of docs.entries()) {
      const doc: Doc = raw._id === undefined ? { _id: this.#ids.next(), ...clone(raw) } : clone(raw);
      const dup = c.docs.find((d) => valuesEqual(d._id, doc._id));
      if (dup) {
        writeErrors.push({ index, code: 11000, errmsg: `E11000 duplicate key error collection: ${db}.${coll} index: _id_ dup key: { _id: ${keyText(doc._id!)} }`, keyPattern: { _id: 1 }, keyValue: { _id: doc._id! } });
        break;
      }
      c.docs.push(doc);
      n++;
    }
    if (n > 0) this.#persist(c);
    return writeErrors.length ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
  }

  #insertCommand(db: string, coll: string, cmd: Doc, ctx: string): Doc {
    const docs = cmd.documents;
    if (!Array.isArray(docs) || !docs.every(isDoc)) throw new CommandError(14, 'TypeMismatch', "BSON field 'insert.documents' is the wrong type, expected type 'array'");
    return this.#insert(db, coll, docs as Doc[], ctx);
  }

  #selected(db: string, coll: string, filter: Value | undefined): Doc[] {
    const f = filter ?? {};
    if (!isDoc(f)) throw new CommandError(14, 'TypeMismatch', "BSON field 'filter' is the wrong type, expected type 'object'");
    validateFilter(f);
    const c = this.#get(db, coll);
    return c ? c.docs.filter((d) => matches(d, f)) : [];
  }

  #find(db: string, coll: string, cmd: Doc): Doc {
    let docs = this.#selected(db, coll, cmd.filter);
    if (isDoc(cmd.sort)) docs = sortDocs(docs, cmd.sort);
    const skip = typeof cmd.skip === 'number' ? cmd.skip : 0;
    if (skip < 0) throw badValue('skip value must be non-negative, but received: ' + skip);
    docs = docs.slice(skip);
    const limit = typeof cmd.limit === 'number' ? Math.abs(cmd.limit) : 0;
    if (limit > 0) docs = docs.slice(0, limit);
    const projection = isDoc(cmd.projection) ? cmd.projection : undefined;
    const batch = docs.map((d) => (projection ? project(clone(d), projection) : clone(d)));
    // One batch holds the whole result (no server-side cursors to page through): a simplification of getMore.
    return { cursor: { firstBatch: batch, id: 0, ns: `${db}.${coll}` }, ok: 1 };
  }

  #count(db: string, coll: string, cmd: Doc): Doc {
    let n = this.#selected(db, coll, cmd.query).length;
    if (typeof cmd.skip === 'number') n = Math.max(0, n - cmd.skip);
    if (typeof cmd.limit === 'number' && cmd.limit > 0) n = Math.min(n, cmd.limit);
    return { n, ok: 1 };
  }

  #update(db: string, coll: string, cmd: Doc, ctx: string): Doc {
    const updates = cmd.updates;
    if (!Array.isArray(updates)) throw new CommandError(14, 'TypeMismatch', "BSON field 'update.updates' is the wrong type, expected type 'array'");
    let n = 0;
    let nModified = 0;
    const upserted: Doc[] = [];
    for (const [index, u] of updates.entries()) {
      if (!isDoc(u) || !isDoc(u.u)) throw new CommandError(14, 'TypeMismatch', "BSON field 'update.updates.u' is the wrong type, expected type 'object'");
      const q = isDoc(u.q) ? u.q : {};
      const c = this.#get(db, coll);
      const targets = c ? c.docs.filter((d) => matches(d, q)) : [];
      const chosen = u.multi === true ? targets : targets.slice(0, 1);
      if (chosen.length === 0 && u.upsert === true) {
        const seed = upsertSeed(q);
        const { doc } = applyUpdate({ _id: seed._id ?? this.#ids.next(), ...seed }, u.u);
        const target = this.#ensure(db, coll, ctx);
        target.docs.push(doc);
        this.#persist(target);
        upserted.push({ index, _id: doc._id! });
        n++;
        continue;
      }
      for (const d of chosen) {
        const { doc, modified } = applyUpdate(d, u.u);
        n++;
        if (!modified) continue;
        nModified++;
        c!.docs[c!.docs.indexOf(d)] = doc;
      }
      if (c && chosen.length) this.#persist(c);
    }
    return upserted.length ? { n, nModified, upserted, ok: 1 } : { n, nModified, ok: 1 };
  }

  #delete(db: string, coll: string, cmd: Doc): Doc {
    const deletes = cmd.deletes;
    if (!Array.isArray(deletes)) throw new CommandError(14, 'TypeMismatch', "BSON field 'delete.deletes' is the wrong type, expected type 'array'");
    let n = 0;
    const c = this.#get(db, coll);
    for (const d of deletes) {
      if (!isDoc(d) || !c) continue;
      const q = isDoc(d.q) ? d.q : {};
      const targets = c.docs.filter((doc) => matches(doc, q));
      const gone = d.limit === 1 ? targets.slice(0, 1) : targets;
      c.docs = c.docs.filter((doc) => !gone.includes(doc));
      n += gone.length;
    }
    if (c && n > 0) this.#persist(c);
    return { n, ok: 1 };
  }

  #create(db: string, coll: string, ctx: string): Doc {
    if (this.#get(db, coll)) throw new CommandError(48, 'NamespaceExists', `Collection ${db}.${coll} already exists.`);
    this.#ensure(db, coll, ctx);
    return { ok: 1 };
  }

  #drop(db: string, coll: string): Doc {
    const ns = `${db}.${coll}`;
    const c = this.#collections.get(ns);
    // Since 7.0, dropping a collection that does not exist succeeds.
    if (!c) return { ok: 1 };
    this.#dropCollection(ns, c);
    return { nIndexesWas: Object.keys(c.entry.indexIdents).length, ns, ok: 1 };
  }

  #dropCollection(ns: string, c: Collection): void {
    this.#collections.delete(ns);
    this.dbpath.dropCollection(c.entry);
  }

  #listCollections(db: string, cmd: Doc): Doc {
    const filter = isDoc(cmd.filter) ? cmd.filter : {};
    const batch: Doc[] = [];
    for (const [ns, c] of this.#collections) {
      if (!ns.startsWith(`${db}.`)) continue;
      const name = ns.slice(db.length + 1);
      const spec: Doc = { name, type: 'collection', options: {}, info: { readOnly: false, uuid: c.entry.uuid }, idIndex: { v: 2, key: { _id: 1 }, name: '_id_' } };
      if (matches(spec, filter)) batch.push(cmd.nameOnly === true ? { name, type: 'collection' } : spec);
    }
    batch.sort((a, b) => String(a.name).localeCompare(String(b.name)));
    return { cursor: { id: 0, ns: `${db}.$cmd.listCollections`, firstBatch: batch }, ok: 1 };
  }

  #listDatabases(cmd: Doc): Doc {
    const sizes = new Map<string, number>();
    for (const [ns, c] of this.#collections) {
      const db = ns.slice(0, ns.indexOf('.'));
      const data = c.docs.reduce((n, d) => n + bsonSize(d), 0);
      const indexes = Object.keys(c.entry.indexIdents).length * tableSizeOnDisk(c.docs.length * 16, c.docs.length);
      sizes.set(db, (sizes.get(db) ?? 0) + tableSizeOnDisk(data, c.docs.length) + indexes);
    }
    const names = [...sizes.keys()].sort();
    const databases: Doc[] = names.map((name): Doc => (cmd.nameOnly === true ? { name } : { name, sizeOnDisk: sizes.get(name)!, empty: false }));
    const totalSize = [...sizes.values()].reduce((a, b) => a + b, 0);
    return { databases, totalSize, totalSizeMb: Math.floor(totalSize / (1024 * 1024)), ok: 1 };
  }
}

/** A key as E11000 messages print it (`1`, `"a"`, `ObjectId('...')`). */
function keyText(v: Value): string {
  if (v instanceof ObjectId) return `ObjectId('${v.toHexString()}')`;
  return typeof v === 'string' ? JSON.stringify(v) : stringifyEJSON(v);
}
