/**
 * Guest source evaluated first: the builtin-module registry, TextEncoder/TextDecoder, Buffer, `events`, `path`,
 * `process` and `console`. Everything reaches the container only through `host` (see ../host.ts).
 */
export const CORE = String.raw`
// Errors: V8's stack starts with 'Name: message' and shows node's frames; QuickJS keeps bare frames. Each Error
// made by a constructor gets a lazy stack in V8's shape (lazy, so a subclass's later this.name shows, as in V8).
for (const name of ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError']) {
  const Native = globalThis[name];
  const Wrapped = function (message, options) {
    const e = Reflect.construct(Native, arguments, new.target || Wrapped);
    const raw = e.stack;
    Object.defineProperty(e, 'stack', {
      configurable: true,
      enumerable: false,
      get() { return (this.message ? this.name + ': ' + this.message : String(this.name)) + (raw ? '\n' + nodeFrames(raw) : ''); },
      set(v) { Object.defineProperty(this, 'stack', { value: v, writable: true, configurable: true, enumerable: false }); },
    });
    return e;
  };
  Object.defineProperty(Wrapped, 'name', { value: name });
  Wrapped.prototype = Native.prototype;
  Object.defineProperty(Native.prototype, 'constructor', { value: Wrapped, writable: true, configurable: true });
  if (name !== 'Error') Object.setPrototypeOf(Wrapped, globalThis.Error);
  globalThis[name] = Wrapped;
}
Error.stackTraceLimit = 10;
Error.captureStackTrace = function captureStackTrace(target) {
  const raw = new Error().stack.split('\n').slice(2).join('\n');
  Object.defineProperty(target, 'stack', { value: (target.message ? target.name + ': ' + target.message : String(target.name)) + (raw ? '\n' + raw : ''), writable: true, configurable: true, enumerable: false });
};
const builtins = Object.create(null);
const builtinCache = Object.create(null);
function builtin(name, factory) { builtins[name] = factory; }
function requireBuiltin(name) {
  if (!(name in builtinCache)) {
    const factory = builtins[name];
    builtinCache[name] = factory(requireBuiltin, host);
  }
  return builtinCache[name];
}

// ---- TextEncoder / TextDecoder (UTF-8) -------------------------------------------------------------------------
class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(s = '') {
    s = String(s);
    const out = [];
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; } else c = 0xfffd;
      } else if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }
}
class TextDecoder {
  constructor(label = 'utf-8') { this.encoding = String(label).toLowerCase() === 'utf8' ? 'utf-8' : String(label).toLowerCase(); }
  decode(input) {
    if (input === undefined) return '';
    const b = input instanceof Uint8Array ? input : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
    if (this.encoding === 'latin1' || this.encoding === 'ascii') { let s = ''; for (const x of b) s += String.fromCharCode(x); return s; }
    let s = '';
    for (let i = 0; i < b.length;) {
      const x = b[i];
      let c, n;
      if (x < 0x80) { c = x; n = 1; }
      else if (x >= 0xc2 && x < 0xe0) { c = x & 31; n = 2; }
      else if (x >= 0xe0 && x < 0xf0) { c = x & 15; n = 3; }
      else if (x >= 0xf0 && x < 0xf5) { c = x & 7; n = 4; }
      else { s += '\ufffd'; i++; continue; }
      if (i + n > b.length) { s += '\ufffd'; break; }
      let ok = true;
      for (let k = 1; k < n; k++) { const y = b[i + k]; if ((y & 0xc0) !== 0x80) { ok = false; break; } c = (c << 6) | (y & 63); }
      if (!ok) { s += '\ufffd'; i++; continue; }
      i += n;
      s += c > 0xffff ? String.fromCharCode(0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 1023)) : String.fromCharCode(c);
    }
    return s;
  }
}
globalThis.TextEncoder = TextEncoder;
globalThis.TextDecoder = TextDecoder;

// ---- Buffer -----------------------------------------------------------------------------------------------------
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function normEnc(enc) {
  enc = String(enc || 'utf8').toLowerCase();
  if (enc === 'utf-8') return 'utf8';
  if (enc === 'binary') return 'latin1';
  if (enc === 'ucs2' || enc === 'ucs-2' || enc === 'utf-16le') return 'utf16le';
  if (['utf8', 'hex', 'base64', 'base64url', 'latin1', 'ascii', 'utf16le'].includes(enc)) return enc;
  const e = new TypeError('Unknown encoding: ' + enc); e.code = 'ERR_UNKNOWN_ENCODING'; throw e;
}
class Buffer extends Uint8Array {
  static from(v, enc, len) {
    if (typeof v === 'string') return Buffer._fromString(v, enc);
    if (v instanceof ArrayBuffer) return new Buffer(v, enc || 0, len === undefined ? v.byteLength - (enc || 0) : len);
    if (ArrayBuffer.isView(v) || Array.isArray(v)) { const b = new Buffer(v.length); for (let i = 0; i < v.length; i++) b[i] = v[i]; return b; }
    if (v && v.type === 'Buffer' && Array.isArray(v.data)) return Buffer.from(v.data);
    const e = new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received ' + (v === undefined ? 'undefined' : typeof v));
    e.code = 'ERR_INVALID_ARG_TYPE'; throw e;
  }
  static _fromString(s, enc) {
    enc = normEnc(enc);
    let bytes;
    if (enc === 'utf8') bytes = new TextEncoder().encode(s);
    else if (enc === 'hex') { bytes = []; for (let i = 0; i + 1 < s.length; i += 2) { const x = parseInt(s.substr(i, 2), 16); if (isNaN(x)) break; bytes.push(x); } }
    else if (enc === 'base64' || enc === 'base64url') {
      bytes = []; let acc = 0, bits = 0;
      for (const ch of s.replace(/-/g, '+').replace(/_/g, '/')) { const i = B64.indexOf(ch); if (i < 0) continue; acc = (acc << 6) | i; bits += 6; if (bits >= 8) { bits -= 8; bytes.push((acc >> bits) & 255); } }
    } else if (enc === 'utf16le') { bytes = []; for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); bytes.push(c & 255, c >> 8); } }
    else { bytes = []; for (let i = 0; i < s.length; i++) bytes.push(s.charCodeAt(i) & 255); }
    return Buffer.from(bytes);
  }
  static alloc(n, fill) { const b = new Buffer(n); if (fill !== undefined) b.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill); return b; }
  static allocUnsafe(n) { return new Buffer(n); }
  static isBuffer(b) { return b instanceof Buffer; }
  static isEncoding(e) { try { normEnc(e); return true; } catch (x) { return false; } }
  static byteLength(s, enc) { return typeof s === 'string' ? Buffer._fromString(s, enc).length : s.byteLength; }
  static concat(list, total) {
    if (total === undefined) total = list.reduce((n, b) => n + b.length, 0);
    const out = Buffer.alloc(total); let at = 0;
    for (const b of list) { out.set(b.subarray(0, Math.max(0, total - at)), at); at += b.length; if (at >= total) break; }
    return out;
  }
  toString(enc, start = 0, end = this.length) {
    enc = normEnc(enc);
    const b = Uint8Array.prototype.subarray.call(this, start, end);
    if (enc === 'utf8') return new TextDecoder().decode(b);
    if (enc === 'hex') { let s = ''; for (const x of b) s += x.toString(16).padStart(2, '0'); return s; }
    if (enc === 'base64' || enc === 'base64url') {
      let s = '';
      for (let i = 0; i < b.length; i += 3) {
        const n = (b[i] << 16) | ((b[i + 1] || 0) << 8) | (b[i + 2] || 0);
        s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
      }
      return enc === 'base64' ? s : s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }
    if (enc === 'utf16le') { let s = ''; for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b[i] | (b[i + 1] << 8)); return s; }
    let s = ''; for (const x of b) s += String.fromCharCode(enc === 'ascii' ? x & 127 : x); return s;
  }
  toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
  equals(o) { if (this.length !== o.length) return false; for (let i = 0; i < this.length; i++) if (this[i] !== o[i]) return false; return true; }
  compare(o) { for (let i = 0; i < Math.min(this.length, o.length); i++) if (this[i] !== o[i]) return this[i] < o[i] ? -1 : 1; return this.length === o.length ? 0 : this.length < o.length ? -1 : 1; }
  slice(s, e) { return this.subarray(s, e); }
  subarray(s, e) { const u = Uint8Array.prototype.subarray.call(this, s, e); return new Buffer(u.buffer, u.byteOffset, u.length); }
  write(str, offset = 0, len, enc) { if (typeof offset === 'string') { enc = offset; offset = 0; } const b = Buffer._fromString(str, enc); const n = Math.min(b.length, this.length - offset, len === undefined ? Infinity : len); this.set(b.subarray(0, n), offset); return n; }
  readUInt8(o = 0) { return this[o]; }
  readUInt16BE(o = 0) { return (this[o] << 8) | this[o + 1]; }
  readUInt32BE(o = 0) { return ((this[o] << 24) >>> 0) + ((this[o + 1] << 16) | (this[o + 2] << 8) | this[o + 3]); }
  readInt32LE(o = 0) { return this[o] | (this[o + 1] << 8) | (this[o + 2] << 16) | (this[o + 3] << 24); }
  readUInt32LE(o = 0) { return this.readInt32LE(o) >>> 0; }
  writeUInt8(v, o = 0) { this[o] = v; return o + 1; }
  writeInt32LE(v, o = 0) { this[o] = v; this[o + 1] = v >> 8; this[o + 2] = v >> 16; this[o + 3] = v >> 24; return o + 4; }
  writeUInt32LE(v, o = 0) { return this.writeInt32LE(v, o); }
  indexOf(v, from = 0) { if (typeof v === 'number') return Uint8Array.prototype.indexOf.call(this, v, from); const n = typeof v === 'string' ? Buffer.from(v) : v; outer: for (let i = from; i <= this.length - n.length; i++) { for (let j = 0; j < n.length; j++) if (this[i + j] !== n[j]) continue outer; return i; } return -1; }
  includes(v, from) { return this.indexOf(v, from) !== -1; }
}
Buffer.poolSize = 8192;
globalThis.Buffer = Buffer;
globalThis.atob = (s) => Buffer.from(String(s), 'base64').toString('latin1');
globalThis.btoa = (s) => Buffer.from(String(s), 'latin1').toString('base64');
globalThis.global = globalThis;
globalThis.structuredClone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
builtin('buffer', () => ({ Buffer, constants: { MAX_LENGTH: 4294967296 }, kMaxLength: 4294967296, atob: globalThis.atob, btoa: globalThis.btoa }));
builtin('string_decoder', () => ({ StringDecoder: class StringDecoder { constructor(enc) { this.enc = enc; } write(b) { return Buffer.from(b).toString(this.enc); } end(b) { return b ? this.write(b) : ''; } } }));

// ---- events -----------------------------------------------------------------------------------------------------
builtin('events', function () {
  function EventEmitter(opts) { EventEmitter.init.call(this, opts); }
  EventEmitter.init = function () {
    if (!this._events || this._events === Object.getPrototypeOf(this)._events) { this._events = Object.create(null); this._eventsCount = 0; }
    this._maxListeners = this._maxListeners || undefined;
  };
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.captureRejections = false;
  const proto = EventEmitter.prototype;
  proto._events = undefined;
  proto._maxListeners = undefined;
  proto.setMaxListeners = function (n) { this._maxListeners = n; return this; };
  proto.getMaxListeners = function () { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; };
  function add(target, type, listener, prepend) {
    if (typeof listener !== 'function') { const e = new TypeError('The "listener" argument must be of type function. Received ' + (listener === undefined ? 'undefined' : 'type ' + typeof listener)); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
    if (!target._events) EventEmitter.init.call(target);
    if (target._events.newListener !== undefined) target.emit('newListener', type, listener.listener ? listener.listener : listener);
    const list = target._events[type];
    if (list === undefined) { target._events[type] = [listener]; target._eventsCount++; }
    else if (prepend) list.unshift(listener); else list.push(listener);
    return target;
  }
  proto.on = proto.addListener = function (t, l) { return add(this, t, l, false); };
  proto.prependListener = function (t, l) { return add(this, t, l, true); };
  function onceWrap(target, type, listener) {
    const w = function (...args) { target.removeListener(type, w); return listener.apply(target, args); };
    w.listener = listener;
    return w;
  }
  proto.once = function (t, l) { return add(this, t, onceWrap(this, t, l), false); };
  proto.prependOnceListener = function (t, l) { return add(this, t, onceWrap(this, t, l), true); };
  proto.off = proto.removeListener = function (type, listener) {
    const list = this._events && this._events[type];
    if (!list) return this;
    const i = list.findIndex((l) => l === listener || l.listener === listener);
    if (i < 0) return this;
    list.splice(i, 1);
    if (list.length === 0) { delete this._events[type]; this._eventsCount--; }
    if (this._events.removeListener) this.emit('removeListener', type, listener);
    return this;
  };
  proto.removeAllListeners = function (type) {
    if (!this._events) return this;
    if (type === undefined) { this._events = Object.create(null); this._eventsCount = 0; }
    else if (this._events[type]) { delete this._events[type]; this._eventsCount--; }
    return this;
  };
  proto.emit = function (type, ...args) {
    const list = this._events && this._events[type];
    if (type === 'error' && (!list || list.length === 0)) {
      const er = args[0];
      if (er instanceof Error) throw er;
      const e = new Error('Unhandled error. (' + requireBuiltin('util').inspect(er) + ')'); e.code = 'ERR_UNHANDLED_ERROR'; e.context = er; throw e;
    }
    if (!list) return false;
    for (const l of list.slice()) l.apply(this, args);
    return true;
  };
  proto.listeners = function (t) { const l = this._events && this._events[t]; return l ? l.map((x) => x.listener || x) : []; };
  proto.rawListeners = function (t) { const l = this._events && this._events[t]; return l ? l.slice() : []; };
  proto.listenerCount = function (t) { const l = this._events && this._events[t]; return l ? l.length : 0; };
  proto.eventNames = function () { return this._events ? Reflect.ownKeys(this._events) : []; };
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.once = function (emitter, name) {
    return new Promise((resolve, reject) => {
      const onError = (e) => { emitter.removeListener(name, onValue); reject(e); };
      const onValue = (...args) => { if (name !== 'error') emitter.removeListener('error', onError); resolve(args); };
      emitter.once(name, onValue);
      if (name !== 'error') emitter.once('error', onError);
    });
  };
  EventEmitter.listenerCount = (e, t) => e.listenerCount(t);
  EventEmitter.errorMonitor = Symbol('events.errorMonitor');
  return EventEmitter;
});

// ---- path (posix) -------------------------------------------------------------------------------------------------
builtin('path', function () {
  function normalizeParts(parts, absolute) {
    const out = [];
    for (const p of parts) {
      if (p === '' || p === '.') continue;
      if (p === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!absolute) out.push('..'); }
      else out.push(p);
    }
    return out;
  }
  const path = {
    sep: '/', delimiter: ':',
    resolve(...args) {
      let r = '';
      for (let i = args.length - 1; i >= -1 && !r.startsWith('/'); i--) {
        const a = i >= 0 ? args[i] : host.cwd();
        if (typeof a !== 'string') { const e = new TypeError('The "paths[' + i + ']" argument must be of type string. Received ' + (a === undefined ? 'undefined' : typeof a)); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
        if (a) r = a + (r ? '/' + r : '');
      }
      return '/' + normalizeParts(r.split('/'), true).join('/');
    },
    normalize(p) {
      if (p === '') return '.';
      const abs = p.startsWith('/');
      const trailing = p.endsWith('/');
      let r = normalizeParts(p.split('/'), abs).join('/');
      if (!r && !abs) r = '.';
      if (r && trailing) r += '/';
      return (abs ? '/' : '') + r;
    },
    join(...args) {
      const parts = args.filter((a) => { if (typeof a !== 'string') { const e = new TypeError('The "path" argument must be of type string. Received ' + (a === undefined ? 'undefined' : typeof a)); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; } return a !== ''; });
      return parts.length ? path.normalize(parts.join('/')) : '.';
    },
    isAbsolute: (p) => p.startsWith('/'),
    dirname(p) {
      if (p === '') return '.';
      const t = p.replace(/\/+$/, '');
      if (t === '') return '/';
      const i = t.lastIndexOf('/');
      if (i < 0) return '.';
      return i === 0 ? '/' : t.slice(0, i).replace(/\/+$/, '') || '/';
    },
    basename(p, ext) {
      const t = p.replace(/\/+$/, '');
      let b = t.slice(t.lastIndexOf('/') + 1);
      if (ext && b.endsWith(ext) && b !== ext) b = b.slice(0, -ext.length);
      return b;
    },
    extname(p) {
      const b = path.basename(p);
      const i = b.lastIndexOf('.');
      return i <= 0 ? '' : b.slice(i);
    },
    relative(from, to) {
      const f = path.resolve(from).split('/').filter(Boolean), t = path.resolve(to).split('/').filter(Boolean);
      let i = 0;
      while (i < f.length && i < t.length && f[i] === t[i]) i++;
      return f.slice(i).map(() => '..').concat(t.slice(i)).join('/');
    },
    parse(p) {
      const root = p.startsWith('/') ? '/' : '';
      const base = path.basename(p), ext = path.extname(p);
      let dir = path.dirname(p);
      if (dir === '.' && !p.includes('/')) dir = '';
      return { root, dir, base, ext, name: ext ? base.slice(0, -ext.length) : base };
    },
    format(o) { const dir = o.dir || o.root || ''; const base = o.base || (o.name || '') + (o.ext || ''); return dir ? (dir === o.root ? dir + base : dir + '/' + base) : base; },
    toNamespacedPath: (p) => p,
  };
  path.posix = path;
  path.win32 = path;
  return path;
});
`;
