/**
 * Our own npm `mongodb` (the Node.js driver 6.x as apps use it), as JavaScript that runs in the node sandbox from
 * node_modules/mongodb. The classes, method names, result objects, ObjectId and error classes are the driver's;
 * the work is done by the host binding (binding.ts), which talks to mongod through the container's network.
 * Documents cross to the host as Extended JSON text, so ObjectId, Date and RegExp values round-trip.
 *
 * `mongoose` requires this package for its connection, ObjectId and errors, as the real mongoose does.
 */
export const MONGODB = (version: string): string => String.raw`'use strict';
const EventEmitter = require('events');
const host = process.binding('dockyard:mongodb');
const VERSION = '${version}';
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// ---- bson ---------------------------------------------------------------------------------------------------------

class BSONError extends Error {
  get name() { return 'BSONError'; }
}

const HEX24 = /^[0-9a-fA-F]{24}$/;
const idOf = new WeakMap();

class ObjectId {
  constructor(inputId) {
    let hex;
    if (inputId === undefined || inputId === null) hex = host.objectId();
    else if (inputId instanceof ObjectId) hex = inputId.toHexString();
    else if (typeof inputId === 'string' && HEX24.test(inputId)) hex = inputId.toLowerCase();
    else if (typeof inputId === 'number' && Number.isInteger(inputId)) hex = ((inputId >>> 0).toString(16).padStart(8, '0') + host.objectId().slice(8));
    else if (typeof inputId === 'object' && typeof inputId.toHexString === 'function') hex = String(inputId.toHexString()).toLowerCase();
    else throw new BSONError('input must be a 24 character hex string, 12 byte Uint8Array, or an integer');
    idOf.set(this, hex);
  }
  get _bsontype() { return 'ObjectId'; }
  get id() { return Buffer.from(this.toHexString(), 'hex'); }
  toHexString() { return idOf.get(this); }
  toString(encoding) { return encoding === 'base64' ? this.id.toString('base64') : this.toHexString(); }
  toJSON() { return this.toHexString(); }
  equals(other) {
    if (other === undefined || other === null) return false;
    if (other instanceof ObjectId) return other.toHexString() === this.toHexString();
    if (typeof other === 'string') return other.toLowerCase() === this.toHexString();
    if (typeof other === 'object' && typeof other.toHexString === 'function') return String(other.toHexString()).toLowerCase() === this.toHexString();
    return false;
  }
  getTimestamp() { return new Date(parseInt(this.toHexString().slice(0, 8), 16) * 1000); }
  inspect() { return "new ObjectId('" + this.toHexString() + "')"; }
  [inspectSymbol]() { return this.inspect(); }
  static isValid(id) {
    if (id === undefined || id === null) return false;
    if (id instanceof ObjectId) return true;
    if (typeof id === 'string') return HEX24.test(id);
    if (typeof id === 'number') return Number.isInteger(id);
    return typeof id === 'object' && typeof id.toHexString === 'function' && HEX24.test(String(id.toHexString()));
  }
  static createFromHexString(hex) {
    if (typeof hex !== 'string' || !HEX24.test(hex)) throw new BSONError('hex string must be 24 characters');
    return new ObjectId(hex);
  }
  static createFromTime(seconds) { return new ObjectId((seconds >>> 0).toString(16).padStart(8, '0') + '0000000000000000'); }
  static generate(time) { return new ObjectId(time === undefined ? undefined : time).id; }
}

/** To the Extended JSON the host reads; undefined and functions are left out, as BSON serialization does. */
function toWire(v) {
  if (v instanceof ObjectId) return { $oid: v.toHexString() };
  if (v instanceof Date) return { $date: v.toISOString() };
  if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } };
  if (Array.isArray(v)) return v.map((x) => (x === undefined || typeof x === 'function' ? null : toWire(x)));
  if (v !== null && typeof v === 'object') {
    if (typeof v.toBSON === 'function') return toWire(v.toBSON());
    if (v._bsontype === 'ObjectId' && typeof v.toHexString === 'function') return { $oid: v.toHexString() };
    const out = {};
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x === undefined || typeof x === 'function') continue;
      out[k] = toWire(x);
    }
    return out;
  }
  if (typeof v === 'bigint') return Number(v);
  return v;
}
const wire = (v) => JSON.stringify(toWire(v === undefined ? null : v));

function revive(v) {
  if (Array.isArray(v)) return v.map(revive);
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 1 && typeof v.$oid === 'string') return new ObjectId(v.$oid);
    if (keys.length === 1 && v.$date !== undefined) return new Date(typeof v.$date === 'object' ? Number(v.$date.$numberLong) : v.$date);
    if (keys.length === 1 && v.$regularExpression) return new RegExp(v.$regularExpression.pattern, v.$regularExpression.options);
    const out = {};
    for (const k of keys) out[k] = revive(v[k]);
    return out;
  }
  return v;
}
const unwire = (text) => revive(JSON.parse(text));

// ---- errors (the driver's classes and what it prints with them) ---------------------------------------------------

class MongoError extends Error {
  constructor(message, options) {
    super(message);
    if (options && options.cause) Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
    this.errorLabelSet = new Set();
  }
  get name() { return 'MongoError'; }
  get errorLabels() { return Array.from(this.errorLabelSet); }
  hasErrorLabel(label) { return this.errorLabelSet.has(label); }
  addErrorLabel(label) { this.errorLabelSet.add(label); }
}
class MongoDriverError extends MongoError { get name() { return 'MongoDriverError'; } }
class MongoAPIError extends MongoDriverError { get name() { return 'MongoAPIError'; } }
class MongoInvalidArgumentError extends MongoAPIError { get name() { return 'MongoInvalidArgumentError'; } }
class MongoRuntimeError extends MongoDriverError { get name() { return 'MongoRuntimeError'; } }
class MongoParseError extends MongoDriverError { get name() { return 'MongoParseError'; } }
class MongoTopologyClosedError extends MongoAPIError {
  constructor(message) { super(message || 'Topology is closed'); }
  get name() { return 'MongoTopologyClosedError'; }
}
class MongoNetworkError extends MongoError {
  constructor(message, options) {
    super(message, options);
    this.beforeHandshake = !!(options && options.beforeHandshake);
  }
  get name() { return 'MongoNetworkError'; }
}
class MongoNetworkTimeoutError extends MongoNetworkError { get name() { return 'MongoNetworkTimeoutError'; } }
class MongoSystemError extends MongoError {
  constructor(message, reason) {
    super(message);
    if (reason) this.reason = reason;
    this.code = undefined;
  }
  get name() { return 'MongoSystemError'; }
}
class MongoServerSelectionError extends MongoSystemError { get name() { return 'MongoServerSelectionError'; } }
class MongoServerError extends MongoError {
  constructor(response) {
    super(response.message || response.errmsg || response.$err || 'n/a');
    if (Array.isArray(response.errorLabels)) for (const l of response.errorLabels) this.addErrorLabel(l);
    this.errorResponse = response;
    for (const k in response) if (k !== 'errorLabels' && k !== 'errmsg' && k !== 'message' && k !== 'errorResponse') this[k] = response[k];
  }
  get name() { return 'MongoServerError'; }
}
class MongoBulkWriteError extends MongoServerError { get name() { return 'MongoBulkWriteError'; } }

// What the driver knows of a server it could not select: Unknown, with the error of its last check.
class ServerDescription {
  constructor(address, error) {
    this.address = address;
    this.type = 'Unknown';
    this.hosts = [];
    this.passives = [];
    this.arbiters = [];
    this.tags = {};
    this.minWireVersion = 0;
    this.maxWireVersion = 0;
    this.roundTripTime = -1;
    this.minRoundTripTime = 0;
    this.lastUpdateTime = Date.now();
    this.lastWriteDate = 0;
    this.error = error;
  }
}
class TopologyDescription {
  constructor(address, error) {
    this.type = 'Unknown';
    this.servers = new Map([[address, new ServerDescription(address, error)]]);
    this.stale = false;
    this.compatible = true;
    this.heartbeatFrequencyMS = 10000;
    this.localThresholdMS = 15;
    this.setName = null;
    this.maxElectionId = null;
    this.maxSetVersion = null;
    this.commonWireVersion = 0;
    this.logicalSessionTimeoutMinutes = null;
  }
}

const ERRORS = { MongoError, MongoDriverError, MongoAPIError, MongoInvalidArgumentError, MongoRuntimeError, MongoParseError, MongoTopologyClosedError, MongoNetworkError, MongoNetworkTimeoutError, MongoSystemError, MongoServerSelectionError, MongoServerError, MongoBulkWriteError };

/** The driver's error object for what the host threw (the host sends the class name and its data). */
function fromHost(e, address) {
  if (!e || typeof e !== 'object' || !Object.prototype.hasOwnProperty.call(ERRORS, e.name)) return e;
  if (e.errorResponse !== undefined) return new ERRORS[e.name](unwire(e.errorResponse));
  if (e.name === 'MongoServerSelectionError') {
    const cause = e.causeMessage === undefined ? undefined : trimmed(new MongoNetworkError(e.causeMessage, { cause: systemError(e.causeMessage) }));
    if (cause) cause.addErrorLabel('ResetPool');
    const err = new MongoServerSelectionError(e.message, new TopologyDescription(address, cause));
    if (cause) Object.defineProperty(err, 'cause', { value: cause, writable: true, configurable: true });
    return trimmed(err);
  }
  return trimmed(new ERRORS[e.name](e.message));
}
// Node's error from the socket under a network error (what net.connect or dns.lookup gave the driver).
function systemError(message) {
  const dns = /^getaddrinfo (\w+) (.*)$/.exec(message);
  const tcp = /^connect (\w+) (.*):(\d+)$/.exec(message);
  if (!dns && !tcp) return undefined;
  const ERRNO = { ENOTFOUND: -3008, EAI_AGAIN: -3001, ECONNREFUSED: -111, ETIMEDOUT: -110, EHOSTUNREACH: -113, ENETUNREACH: -101 };
  const e = new Error(message);
  e.stack = '    at ' + (dns ? 'GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)' : 'TCPConnectWrap.afterConnect [as oncomplete] (node:net:1637:16)');
  const code = (dns || tcp)[1];
  return Object.assign(e, { errno: ERRNO[code], code, syscall: dns ? 'getaddrinfo' : 'connect' }, dns ? { hostname: dns[2] } : { address: tcp[2], port: Number(tcp[3]) });
}
// The frames of our own error plumbing are not the driver's: the stack starts where the driver gave up.
function trimmed(err) {
  if (typeof err.stack === 'string') err.stack = err.stack.split('\n').filter((l) => !/^\s*at (Mongo\w*Error|fromHost) /.test(l)).join('\n');
  return err;
}
async function hostCall(client, run) {
  try {
    return await run();
  } catch (e) {
    throw fromHost(e, client ? client._address : undefined);
  }
}

// ---- cursors, collections, databases, the client ------------------------------------------------------------------

const DIRECTIONS = { 1: 1, '-1': -1, asc: 1, ascending: 1, desc: -1, descending: -1 };
function direction(d) {
  const n = DIRECTIONS[typeof d === 'string' ? d.toLowerCase() : String(d)];
  if (n === undefined && !(d && typeof d === 'object')) throw new MongoInvalidArgumentError('Invalid sort direction: ' + JSON.stringify(d));
  return n === undefined ? d : n;
}
function sortDoc(sort, dir) {
  if (sort === undefined || sort === null) return undefined;
  if (typeof sort === 'string') return { [sort]: direction(dir === undefined ? 1 : dir) };
  if (Array.isArray(sort)) {
    if (sort.length === 2 && typeof sort[0] === 'string' && !Array.isArray(sort[1])) return { [sort[0]]: direction(sort[1]) };
    const out = {};
    for (const s of sort) if (Array.isArray(s)) out[s[0]] = direction(s[1]); else out[s] = 1;
    return out;
  }
  if (sort instanceof Map) { const out = {}; for (const [k, d] of sort) out[k] = direction(d); return out; }
  const out = {};
  for (const k of Object.keys(sort)) out[k] = direction(sort[k]);
  return out;
}
function findOptions(o) {
  const out = {};
  if (!o) return out;
  if (o.sort !== undefined) out.sort = sortDoc(o.sort);
  if (o.projection !== undefined) out.projection = o.projection;
  if (o.skip) out.skip = o.skip;
  if (o.limit) out.limit = Math.abs(o.limit);
  return out;
}

class FindCursor {
  constructor(collection, filter, options) {
    this._collection = collection;
    this._filter = filter || {};
    this._options = findOptions(options);
    this._transforms = [];
    this._buffer = null;
    this._position = 0;
    this._closed = false;
  }
  get namespace() { return this._collection.namespace; }
  get closed() { return this._closed; }
  filter(f) { this._filter = f; return this; }
  sort(sort, dir) { this._options.sort = sortDoc(sort, dir); return this; }
  limit(n) { this._options.limit = Math.abs(Number(n)); return this; }
  skip(n) { this._options.skip = Number(n); return this; }
  project(p) { this._options.projection = p; return this; }
  batchSize() { return this; }
  maxTimeMS() { return this; }
  collation() { return this; }
  hint() { return this; }
  map(fn) { this._transforms.push(fn); return this; }
  clone() { const c = new FindCursor(this._collection, this._filter, {}); c._options = Object.assign({}, this._options); c._transforms = this._transforms.slice(); return c; }
  rewind() { this._buffer = null; this._position = 0; this._closed = false; }
  async _fetch() {
    if (!this._buffer) this._buffer = await this._collection._run('find', [this._filter, this._options]);
    return this._buffer;
  }
  _transform(doc) { return this._transforms.reduce((d, fn) => fn(d), doc); }
  async toArray() {
    const docs = await this._fetch();
    const rest = docs.slice(this._position);
    this._position = docs.length;
    this._closed = true;
    return rest.map((d) => this._transform(d));
  }
  async hasNext() { return this._position < (await this._fetch()).length; }
  async next() {
    const docs = await this._fetch();
    if (this._position >= docs.length) { this._closed = true; return null; }
    return this._transform(docs[this._position++]);
  }
  tryNext() { return this.next(); }
  async forEach(fn) {
    for (let d = await this.next(); d !== null; d = await this.next()) if (fn(d) === false) break;
  }
  async count() { return this._collection.countDocuments(this._filter); }
  async close() { this._closed = true; }
  async *[Symbol.asyncIterator]() {
    for (let d = await this.next(); d !== null; d = await this.next()) yield d;
  }
  stream() { throw new MongoRuntimeError('Dockyard does not simulate cursor streams: use toArray() or for await'); }
}

function checkDoc(doc, name) {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new MongoInvalidArgumentError('Argument "' + name + '" must be an object');
}
// The driver adds _id to the caller's document; the server stores it first.
function withId(doc) {
  if (doc._id === undefined) doc._id = new ObjectId();
  const sent = { _id: doc._id };
  for (const k of Object.keys(doc)) if (k !== '_id') sent[k] = doc[k];
  return sent;
}

class Collection {
  constructor(db, name) {
    this.s = { db, name };
  }
  get collectionName() { return this.s.name; }
  get dbName() { return this.s.db.databaseName; }
  get namespace() { return this.dbName + '.' + this.collectionName; }
  get db() { return this.s.db; }
  async _run(method, args) {
    const client = this.s.db.client;
    return unwire(await hostCall(client, () => host.collection(client._id, this.dbName, this.collectionName, method, wire(args))));
  }
  async insertOne(doc) {
    checkDoc(doc, 'doc');
    return this._run('insertOne', [withId(doc)]);
  }
  async insertMany(docs) {
    if (!Array.isArray(docs)) throw new MongoInvalidArgumentError('Argument "docs" must be an array of documents');
    return this._run('insertMany', [docs.map((d) => { checkDoc(d, 'docs'); return withId(d); })]);
  }
  find(filter, options) { return new FindCursor(this, filter, options); }
  async findOne(filter, options) {
    const docs = await this.find(filter, options).limit(1).toArray();
    return docs.length > 0 ? docs[0] : null;
  }
  countDocuments(filter, options) { return this._run('countDocuments', [filter || {}, Object.assign({}, options && options.skip ? { skip: options.skip } : {}, options && options.limit ? { limit: options.limit } : {})]); }
  estimatedDocumentCount() { return this._run('estimatedDocumentCount', []); }
  updateOne(filter, update, options) { return this._run('updateOne', [filter || {}, update, { upsert: !!(options && options.upsert) }]); }
  updateMany(filter, update, options) { return this._run('updateMany', [filter || {}, update, { upsert: !!(options && options.upsert) }]); }
  replaceOne(filter, replacement, options) { return this._run('replaceOne', [filter || {}, replacement, { upsert: !!(options && options.upsert) }]); }
  deleteOne(filter) { return this._run('deleteOne', [filter || {}]); }
  deleteMany(filter) { return this._run('deleteMany', [filter || {}]); }
  drop() { return this._run('drop', []); }
}

class Admin {
  constructor(db) { this.s = { db }; }
  command(command) { return this.s.db.client.db('admin').command(command); }
  ping() { return this.command({ ping: 1 }); }
  listDatabases() { return this.command({ listDatabases: 1 }); }
  buildInfo() { return this.command({ buildInfo: 1 }); }
}

class Db {
  constructor(client, name) {
    this.s = { client, name };
  }
  get databaseName() { return this.s.name; }
  get client() { return this.s.client; }
  get namespace() { return this.s.name; }
  collection(name) {
    if (typeof name !== 'string') throw new MongoInvalidArgumentError('Collection name must be a String');
    return new Collection(this, name);
  }
  async command(command) {
    const client = this.s.client;
    return unwire(await hostCall(client, () => host.command(client._id, this.databaseName, wire(command))));
  }
  async createCollection(name) {
    await this.command({ create: name });
    return this.collection(name);
  }
  async dropCollection(name) { await this.command({ drop: name }); return true; }
  async dropDatabase() { await this.command({ dropDatabase: 1 }); return true; }
  listCollections(filter, options) {
    const run = async () => (await this.command(Object.assign({ listCollections: 1, filter: filter || {} }, options && options.nameOnly ? { nameOnly: true } : {}))).cursor.firstBatch;
    return { toArray: run };
  }
  async collections() { return (await this.listCollections().toArray()).map((c) => this.collection(c.name)); }
  admin() { return new Admin(this); }
}

class MongoClient extends EventEmitter {
  constructor(url, options) {
    super();
    const o = options || {};
    const pick = {};
    if (typeof o.serverSelectionTimeoutMS === 'number') pick.serverSelectionTimeoutMS = o.serverSelectionTimeoutMS;
    if (typeof o.appName === 'string') pick.appName = o.appName;
    let opened;
    try {
      opened = host.open(String(url), pick, VERSION);
    } catch (e) {
      throw fromHost(e);
    }
    this._id = opened.id;
    this._address = opened.address;
    this._dbName = opened.dbName;
    this.s = { url: String(url), options: Object.assign({}, o) };
  }
  get options() { return Object.assign({ dbName: this._dbName }, this.s.options); }
  async connect() {
    await hostCall(this, () => host.connect(this._id));
    return this;
  }
  db(name) { return new Db(this, name || this._dbName); }
  async close() { await host.close(this._id); }
  static connect(url, options) { return new MongoClient(url, options).connect(); }
}

const ServerApiVersion = Object.freeze({ v1: '1' });
const ReturnDocument = Object.freeze({ BEFORE: 'before', AFTER: 'after' });
const BSON = { ObjectId, BSONError };

module.exports = Object.assign({ MongoClient, Db, Collection, FindCursor, Admin, ObjectId, BSON, BSONError, ServerApiVersion, ReturnDocument }, ERRORS);
`;
