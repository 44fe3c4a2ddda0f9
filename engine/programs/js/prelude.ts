/**
 * JavaScript evaluated inside every sandbox before any guest code: it makes the guest deterministic (Math.random
 * seeded, Date and performance on the virtual clock, local time is UTC as in a container without TZ), gives it
 * Node's timers backed by the host's virtual clock, and returns the helpers the host's marshalling needs.
 *
 * It is a function expression the host calls with its bindings (`now`, `schedule`, `cancel`, `ref`, `seed`).
 */
export const PRELUDE = String.raw`(function (host) {
  'use strict';
  const g = globalThis;

  // Math.random: mulberry32, seeded by the host, so every run of the same program draws the same numbers.
  let state = host.seed >>> 0;
  Math.random = function random() {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  // Date: the virtual clock's now; local time is UTC (a container's TZ when none is set).
  const RealDate = g.Date;
  const proto = RealDate.prototype;
  function Date(...args) {
    if (new.target === undefined) return new RealDate(host.now()).toString();
    if (args.length === 0) args = [host.now()];
    else if (args.length >= 2) args = [RealDate.UTC(...args)];
    return Reflect.construct(RealDate, args, new.target);
  }
  Date.prototype = proto;
  Object.defineProperty(proto, 'constructor', { value: Date, writable: true, configurable: true });
  Date.now = function now() { return host.now(); };
  Date.UTC = RealDate.UTC;
  Date.parse = RealDate.parse;
  for (const part of ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']) {
    proto['get' + part] = proto['getUTC' + part];
    if (part !== 'Day') proto['set' + part] = proto['setUTC' + part];
  }
  proto.getTimezoneOffset = function getTimezoneOffset() { return 0; };
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  proto.toDateString = function toDateString() {
    if (isNaN(this.getTime())) return 'Invalid Date';
    return DAYS[this.getUTCDay()] + ' ' + MONTHS[this.getUTCMonth()] + ' ' + pad(this.getUTCDate()) + ' ' + pad(this.getUTCFullYear(), 4);
  };
  proto.toTimeString = function toTimeString() {
    if (isNaN(this.getTime())) return 'Invalid Date';
    return pad(this.getUTCHours()) + ':' + pad(this.getUTCMinutes()) + ':' + pad(this.getUTCSeconds()) + ' GMT+0000 (Coordinated Universal Time)';
  };
  proto.toString = function toString() {
    return isNaN(this.getTime()) ? 'Invalid Date' : this.toDateString() + ' ' + this.toTimeString();
  };
  proto.toLocaleDateString = function toLocaleDateString() {
    return (this.getUTCMonth() + 1) + '/' + this.getUTCDate() + '/' + this.getUTCFullYear();
  };
  proto.toLocaleTimeString = function toLocaleTimeString() {
    const h = this.getUTCHours();
    return ((h % 12) || 12) + ':' + pad(this.getUTCMinutes()) + ':' + pad(this.getUTCSeconds()) + (h < 12 ? ' AM' : ' PM');
  };
  proto.toLocaleString = function toLocaleString() {
    return isNaN(this.getTime()) ? 'Invalid Date' : this.toLocaleDateString() + ', ' + this.toLocaleTimeString();
  };
  g.Date = Date;

  const origin = host.now();
  g.performance = { now: () => host.now() - origin, timeOrigin: origin, mark() {}, measure() {} };

  // Timers: the callbacks stay here; the host only keeps when each id is due.
  const timers = new Map();
  let seq = 0;
  function invalidArg(name, value) {
    const e = new TypeError('The "' + name + '" argument must be of type function. Received ' + (value === undefined ? 'undefined' : typeof value === 'object' && value !== null ? 'an instance of ' + (value.constructor && value.constructor.name || 'Object') : 'type ' + typeof value + ' (' + String(value) + ')'));
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  }
  class Timeout {
    constructor(callback, after, args, repeat) {
      this._idleTimeout = after;
      this._onTimeout = callback;
      this._timerArgs = args;
      this._repeat = repeat ? after : null;
      this._destroyed = false;
      this._id = ++seq;
      this._ref = true;
      timers.set(this._id, this);
      host.schedule(this._id, after, true);
    }
    ref() { this._ref = true; host.ref(this._id, true); return this; }
    unref() { this._ref = false; host.ref(this._id, false); return this; }
    hasRef() { return this._ref; }
    refresh() { if (timers.has(this._id)) host.schedule(this._id, this._idleTimeout, this._ref); return this; }
    close() { clear(this); return this; }
    [Symbol.toPrimitive]() { return this._id; }
  }
  class Immediate {
    constructor(callback, args) {
      this._onImmediate = callback;
      this._argv = args;
      this._id = ++seq;
      this._ref = true;
      timers.set(this._id, this);
      host.schedule(this._id, 0, true);
    }
    ref() { this._ref = true; host.ref(this._id, true); return this; }
    unref() { this._ref = false; host.ref(this._id, false); return this; }
    hasRef() { return this._ref; }
  }
  function delay(after) {
    after = Number(after);
    return after >= 1 && after <= 2147483647 ? after : 1;
  }
  function clear(timer) {
    if (timer === undefined || timer === null) return;
    const id = typeof timer === 'object' ? timer._id : Number(timer);
    const t = timers.get(id);
    if (!t) return;
    timers.delete(id);
    if (t instanceof Timeout) t._destroyed = true;
    host.cancel(id);
  }
  g.setTimeout = function setTimeout(callback, after, ...args) {
    if (typeof callback !== 'function') throw invalidArg('callback', callback);
    return new Timeout(callback, delay(after), args, false);
  };
  g.setInterval = function setInterval(callback, repeat, ...args) {
    if (typeof callback !== 'function') throw invalidArg('callback', callback);
    return new Timeout(callback, delay(repeat), args, true);
  };
  g.setImmediate = function setImmediate(callback, ...args) {
    if (typeof callback !== 'function') throw invalidArg('callback', callback);
    return new Immediate(callback, args);
  };
  g.clearTimeout = g.clearInterval = g.clearImmediate = clear;
  g.queueMicrotask = function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw invalidArg('callback', callback);
    Promise.resolve().then(callback);
  };

  function fire(id) {
    const t = timers.get(id);
    if (!t) return;
    if (t instanceof Immediate) {
      timers.delete(id);
      return t._onImmediate.apply(t, t._argv);
    }
    if (t._repeat !== null) host.schedule(id, t._repeat, t._ref);
    else { timers.delete(id); t._destroyed = true; }
    return t._onTimeout.apply(t, t._timerArgs);
  }

  // Marshalling helpers: what a value is, and bytes in and out.
  function kind(x) {
    if (Array.isArray(x)) return 'array';
    if (x instanceof Uint8Array) return 'bytes';
    if (x instanceof ArrayBuffer) return 'buffer';
    if (ArrayBuffer.isView(x)) return 'view';
    if (x instanceof Error) return 'error';
    if (x instanceof Promise) return 'promise';
    if (x instanceof RealDate) return 'date';
    return 'object';
  }
  function bytesOf(x) {
    const v = x instanceof ArrayBuffer ? new Uint8Array(x) : new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
    return v.slice().buffer;
  }
  function toBytes(buffer) { return new Uint8Array(buffer); }
  function errorInfo(e) {
    const own = {};
    for (const k of Object.keys(e)) own[k] = e[k];
    return { name: String(e.name), message: String(e.message), stack: typeof e.stack === 'string' ? e.stack : '', own };
  }
  function makeError(name, message, stack, own) {
    const Ctor = typeof g[name] === 'function' && g[name].prototype instanceof Error ? g[name] : Error;
    const e = new Ctor(message);
    if (e.name !== name) Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true });
    if (stack) e.stack = stack;
    Object.assign(e, own);
    return e;
  }
  function settle(promise, onValue, onError) { promise.then(onValue, onError); }
  function newDate(ms) { return new RealDate(ms); }
  // An async global script's promise resolves to { value: completion value }; map sees the value in the guest.
  function completion(promise, map) { return promise.then((r) => (map ? map(r.value) : r.value)); }
  return { fire, kind, bytesOf, toBytes, errorInfo, makeError, settle, newDate, completion };
})`;
