/**
 * Our own npm `redis` (node-redis 4 and 5 as apps use them), as JavaScript that runs in the node sandbox from
 * node_modules/redis. `createClient`, the client's events ('connect', 'ready', 'error', 'reconnecting', 'end'),
 * the camelCase commands with node-redis's argument and reply shapes, `multi()`, `sendCommand`, and its errors
 * (ErrorReply, ClientClosedError, SocketClosedUnexpectedlyError, ConnectionTimeoutError). The bytes go to
 * redis-server through the host binding (binding.ts).
 *
 * Reconnection is node-redis's: a failed connect emits 'error' with Node's socket error (`connect ECONNREFUSED
 * 127.0.0.1:6379`) and retries after the reconnect strategy's delay (v4: min(retries * 50, 500) ms; v5:
 * min(2^retries * 50, 2000) ms plus up to 200 ms of jitter), so `connect()` waits until the server is there.
 * An app without an 'error' listener crashes on the first failure, as Node's EventEmitter makes it.
 */
export const REDIS = (version: string): string => String.raw`'use strict';
const EventEmitter = require('events');
const host = process.binding('dockyard:redis');
const VERSION = '${version}';
const V4 = Number(VERSION.split('.')[0]) < 5;

class ErrorReply extends Error { get name() { return 'ErrorReply'; } }
class ClientClosedError extends Error { constructor() { super('The client is closed'); } get name() { return 'ClientClosedError'; } }
class ClientOfflineError extends Error { constructor() { super('The client is offline'); } get name() { return 'ClientOfflineError'; } }
class SocketClosedUnexpectedlyError extends Error { constructor() { super('Socket closed unexpectedly'); } get name() { return 'SocketClosedUnexpectedlyError'; } }
class ConnectionTimeoutError extends Error { constructor() { super('Connection timeout'); } get name() { return 'ConnectionTimeoutError'; } }
class ReconnectStrategyError extends Error {
  constructor(originalError, socketError) { super(originalError.message); this.originalError = originalError; this.socketError = socketError; }
  get name() { return 'ReconnectStrategyError'; }
}
const ERRORS = { ErrorReply, ClientClosedError, SocketClosedUnexpectedlyError, ConnectionTimeoutError };
function fromHost(e) {
  if (e && typeof e === 'object' && Object.prototype.hasOwnProperty.call(ERRORS, e.name)) {
    const C = ERRORS[e.name];
    return C === ErrorReply ? new ErrorReply(e.message) : new C();
  }
  return e;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- arguments and replies ----------------------------------------------------------------------------------------

function flat(args, out) {
  out = out || [];
  for (const a of args) {
    if (a === undefined || a === null) continue;
    if (Array.isArray(a)) flat(a, out);
    else if (Buffer.isBuffer(a)) out.push(a.toString());
    else if (typeof a === 'object') for (const k of Object.keys(a)) out.push(k, String(a[k]));
    else out.push(String(a));
  }
  return out;
}
function setArgs(key, value, o) {
  const out = [key, value];
  if (!o) return out;
  const exp = o.expiration;
  if (exp) { if (exp === 'KEEPTTL') out.push('KEEPTTL'); else out.push(exp.type, exp.value); }
  for (const k of ['EX', 'PX', 'EXAT', 'PXAT']) if (o[k] !== undefined) out.push(k, o[k]);
  if (o.KEEPTTL) out.push('KEEPTTL');
  if (o.NX || o.condition === 'NX') out.push('NX');
  if (o.XX || o.condition === 'XX') out.push('XX');
  if (o.GET) out.push('GET');
  return out;
}
function zAddArgs(key, members, o) {
  const out = [key];
  if (o) for (const k of ['NX', 'XX', 'GT', 'LT', 'CH']) if (o[k] || o.condition === k || o.comparison === k) out.push(k);
  for (const m of [].concat(members)) out.push(m.score, m.value);
  return out;
}
const bool = (n) => n === 1;
// node-redis 4 gives booleans where the server answers 0/1 for yes/no; 5 (RESP2) leaves the number.
const yesNo = V4 ? bool : (n) => n;
function object(list) {
  const o = Object.create(null);
  for (let i = 0; i + 1 < (list || []).length; i += 2) o[list[i]] = list[i + 1];
  return o;
}
function withScores(list) {
  const out = [];
  for (let i = 0; i + 1 < list.length; i += 2) out.push({ value: list[i], score: Number(list[i + 1]) });
  return out;
}
const num = (v) => (v === null ? null : Number(v));

// camelCase name: [command words, argument shaper, reply shaper]
const COMMANDS = {
  ping: ['PING'], echo: ['ECHO'], info: ['INFO'], dbSize: ['DBSIZE'], flushAll: ['FLUSHALL'], flushDb: ['FLUSHDB'], select: ['SELECT'],
  get: ['GET'], set: ['SET', setArgs], setNX: ['SETNX', null, yesNo], setEx: ['SETEX'], pSetEx: ['PSETEX'], getSet: ['GETSET'], getDel: ['GETDEL'],
  mGet: ['MGET'], mSet: ['MSET'], append: ['APPEND'], strLen: ['STRLEN'], getRange: ['GETRANGE'], setRange: ['SETRANGE'],
  incr: ['INCR'], incrBy: ['INCRBY'], incrByFloat: ['INCRBYFLOAT'], decr: ['DECR'], decrBy: ['DECRBY'],
  del: ['DEL'], unlink: ['UNLINK'], exists: ['EXISTS'], expire: ['EXPIRE', null, yesNo], pExpire: ['PEXPIRE', null, yesNo], expireAt: ['EXPIREAT', null, yesNo],
  ttl: ['TTL'], pTTL: ['PTTL'], persist: ['PERSIST', null, yesNo], keys: ['KEYS'], type: ['TYPE'], rename: ['RENAME'], renameNX: ['RENAMENX', null, yesNo], randomKey: ['RANDOMKEY'],
  scan: ['SCAN', (cursor, o) => [cursor].concat(o && o.MATCH ? ['MATCH', o.MATCH] : [], o && o.COUNT ? ['COUNT', o.COUNT] : [], o && o.TYPE ? ['TYPE', o.TYPE] : []), (r) => ({ cursor: V4 ? Number(r[0]) : r[0], keys: r[1] })],
  hSet: ['HSET'], hSetNX: ['HSETNX', null, yesNo], hGet: ['HGET'], hGetAll: ['HGETALL', null, object], hDel: ['HDEL'], hExists: ['HEXISTS', null, yesNo], hKeys: ['HKEYS'], hVals: ['HVALS'], hLen: ['HLEN'],
  hIncrBy: ['HINCRBY'], hIncrByFloat: ['HINCRBYFLOAT'], hmGet: ['HMGET'], hMGet: ['HMGET'],
  lPush: ['LPUSH'], rPush: ['RPUSH'], lPop: ['LPOP'], rPop: ['RPOP'], lRange: ['LRANGE'], lLen: ['LLEN'], lIndex: ['LINDEX'], lSet: ['LSET'], lRem: ['LREM', (key, count, el) => [key, count, el]], lTrim: ['LTRIM'], lInsert: ['LINSERT'],
  sAdd: ['SADD'], sRem: ['SREM'], sMembers: ['SMEMBERS'], sIsMember: ['SISMEMBER', null, yesNo], sCard: ['SCARD'], sInter: ['SINTER'], sUnion: ['SUNION'], sDiff: ['SDIFF'], sPop: ['SPOP'], sRandMember: ['SRANDMEMBER'],
  zAdd: ['ZADD', zAddArgs], zRange: ['ZRANGE'], zRangeWithScores: ['ZRANGE', (key, min, max) => [key, min, max, 'WITHSCORES'], withScores], zScore: ['ZSCORE', null, num], zRem: ['ZREM'], zCard: ['ZCARD'],
  zIncrBy: ['ZINCRBY', null, num], zRank: ['ZRANK'], zRevRank: ['ZREVRANK'], zCount: ['ZCOUNT'],
  publish: ['PUBLISH'],
};

function prepare(name, args) {
  const [cmd, shape] = COMMANDS[name];
  return [cmd].concat(flat(shape ? shape.apply(null, args) : args));
}
function shapeReply(name, reply) {
  const shaper = name ? COMMANDS[name][2] : undefined;
  return shaper ? shaper(reply) : reply;
}

// ---- the client ---------------------------------------------------------------------------------------------------

function addressOf(o) {
  const s = o.socket || {};
  if (o.url) {
    const a = { url: o.url };
    if (o.password !== undefined) a.password = o.password;
    return a;
  }
  const a = { host: s.host || 'localhost', port: s.port || 6379, database: o.database || 0 };
  if (o.username !== undefined) a.username = o.username;
  if (o.password !== undefined) a.password = o.password;
  return a;
}

class RedisClient extends EventEmitter {
  constructor(options) {
    super();
    this.options = options || {};
    this._id = null;
    this._open = false;
    this._ready = false;
    this._quitting = false;
    this._waiters = [];
  }
  get isOpen() { return this._open; }
  get isReady() { return this._ready; }

  _retryIn(retries, err) {
    const strategy = (this.options.socket || {}).reconnectStrategy;
    if (strategy === false) return err;
    if (typeof strategy === 'number') return strategy;
    if (typeof strategy === 'function') {
      try {
        return strategy(retries, err);
      } catch (e) {
        return new ReconnectStrategyError(e, err);
      }
    }
    return V4 ? Math.min(retries * 50, 500) : Math.min(Math.pow(2, retries) * 50, 2000) + Math.floor(Math.random() * 200);
  }

  async _connectLoop() {
    const a = addressOf(this.options);
    const target = a.url ? (a.password !== undefined ? a.url.replace(/^(rediss?:\/\/)/, '$1:' + encodeURIComponent(a.password) + '@') : a.url) : a;
    for (let retries = 0; ; ) {
      try {
        this._id = await host.connect(target, (this.options.socket || {}).connectTimeout || 5000);
        break;
      } catch (raw) {
        const err = fromHost(raw);
        if (!this._open) throw new ClientClosedError();
        const retryIn = this._retryIn(retries++, err);
        if (typeof retryIn !== 'number') {
          this._open = false;
          this._failWaiters(retryIn);
          throw retryIn;
        }
        try {
          this.emit('error', err);
        } catch (unhandled) {
          // No 'error' listener: in Node the rejected connect() ends the process as an unhandled rejection. The
          // sandbox does not report unhandled rejections, so the error is thrown where it ends the process too.
          setTimeout(() => { throw unhandled; }, 0);
          throw unhandled;
        }
        await sleep(retryIn);
        if (!this._open) throw new ClientClosedError();
        this.emit('reconnecting');
      }
    }
    this.emit('connect');
    this._ready = true;
    this.emit('ready');
    for (const w of this._waiters.splice(0)) w.resolve();
    this._watch(this._id);
  }

  _watch(id) {
    host.closed(id).then(() => {
      if (this._id !== id || !this._open || this._quitting) return;
      this._ready = false;
      this._id = null;
      this.emit('error', new SocketClosedUnexpectedlyError());
      this._connectLoop().catch(() => {});
    });
  }

  _failWaiters(e) {
    for (const w of this._waiters.splice(0)) w.reject(e);
  }

  async connect() {
    if (this._open) throw new Error('Socket already opened');
    this._open = true;
    this._quitting = false;
    await this._connectLoop();
    return this;
  }

  async sendCommand(args) {
    if (!this._open) throw new ClientClosedError();
    if (!this._ready) await new Promise((resolve, reject) => this._waiters.push({ resolve, reject }));
    try {
      return await host.command(this._id, args.map(String));
    } catch (e) {
      throw fromHost(e);
    }
  }

  multi() { return new Multi(this); }

  async quit() {
    if (!this._open) throw new ClientClosedError();
    this._quitting = true;
    const reply = await this.sendCommand(['QUIT']).catch(() => 'OK');
    this._end();
    return reply;
  }
  async close() { return this.quit(); }
  async disconnect() {
    if (!this._open) throw new ClientClosedError();
    this._end();
  }
  destroy() { if (this._open) this._end(); }

  _end() {
    this._open = false;
    this._ready = false;
    if (this._id !== null) host.close(this._id);
    this._id = null;
    this._failWaiters(new ClientClosedError());
    this.emit('end');
  }

  duplicate(overrides) { return new RedisClient(Object.assign({}, this.options, overrides)); }
}

class Multi {
  constructor(client) { this._client = client; this._queue = []; }
  // Our redis-server has no MULTI/EXEC: the queued commands run in order on the one connection, so only another
  // client's commands could slip between them (the real transaction would keep them out).
  async exec() {
    const replies = [];
    for (const q of this._queue) replies.push(shapeReply(q.name, await this._client.sendCommand(q.args)));
    return replies;
  }
  execAsPipeline() {
    return Promise.all(this._queue.map((q) => this._client.sendCommand(q.args).then((r) => shapeReply(q.name, r))));
  }
  addCommand(args) { this._queue.push({ name: null, args: args.map(String) }); return this; }
}

for (const name of Object.keys(COMMANDS)) {
  const run = async function (...args) { return shapeReply(name, await this.sendCommand(prepare(name, args))); };
  const queue = function (...args) { this._queue.push({ name, args: prepare(name, args) }); return this; };
  RedisClient.prototype[name] = run;
  RedisClient.prototype[COMMANDS[name][0]] = run;
  Multi.prototype[name] = queue;
  Multi.prototype[COMMANDS[name][0]] = queue;
}

function createClient(options) { return new RedisClient(options); }

module.exports = { createClient, RedisClient, ErrorReply, ClientClosedError, ClientOfflineError, SocketClosedUnexpectedlyError, ConnectionTimeoutError, ReconnectStrategyError };
`;
