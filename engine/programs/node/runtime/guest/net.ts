/**
 * Guest source of `stream` (a small Readable/Writable/PassThrough), `net` and `http` (HTTP/1.1 server and client,
 * Content-Length or chunked bodies, keep-alive), over the host's sockets (engine/network/socket.ts).
 */
export const NET = String.raw`
builtin('stream', () => {
  const EventEmitter = requireBuiltin('events');
  class Stream extends EventEmitter {
    pipe(dest, opts) {
      this.on('data', (c) => dest.write(c));
      if (!opts || opts.end !== false) this.on('end', () => dest.end());
      if (this.resume) this.resume();
      return dest;
    }
  }
  class Readable extends Stream {
    constructor(opts = {}) {
      super();
      this._buffer = [];
      this._flowing = null;
      this._ended = false;
      this._endEmitted = false;
      this.readable = true;
      this.destroyed = false;
      this._encoding = null;
      if (opts.read) this._read = opts.read;
      this.on('newListener', (t) => { if (t === 'data' && this._flowing !== false) this.resume(); });
    }
    _read() {}
    push(chunk) {
      if (chunk === null) { this._ended = true; this._flush(); return false; }
      this._buffer.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      this._flush();
      return true;
    }
    setEncoding(e) { this._encoding = e; return this; }
    resume() { this._flowing = true; this._schedule(); return this; }
    pause() { this._flowing = false; return this; }
    isPaused() { return this._flowing === false; }
    read() { if (!this._buffer.length) return null; const b = Buffer.concat(this._buffer); this._buffer = []; this._flush(); return this._encoding ? b.toString(this._encoding) : b; }
    _schedule() { if (!this._scheduled) { this._scheduled = true; process.nextTick(() => { this._scheduled = false; this._flush(); }); } }
    _flush() {
      if (this._flowing) while (this._buffer.length && this._flowing) { const c = this._buffer.shift(); this.emit('data', this._encoding ? c.toString(this._encoding) : c); }
      if (this._ended && !this._buffer.length && !this._endEmitted && (this._flowing || this.listenerCount('end') > 0 && this._flowing !== false)) {
        this._endEmitted = true;
        this.readable = false;
        process.nextTick(() => { this.emit('end'); if (this.autoDestroy !== false) this.emit('close'); });
      }
    }
    destroy(err) { if (this.destroyed) return this; this.destroyed = true; process.nextTick(() => { if (err) this.emit('error', err); this.emit('close'); }); return this; }
    unpipe() { return this; }
    [Symbol.asyncIterator]() {
      const queue = [], waiters = [];
      let done = false, failure = null;
      this.on('data', (c) => (waiters.length ? waiters.shift().resolve({ value: c, done: false }) : queue.push(c)));
      this.on('end', () => { done = true; while (waiters.length) waiters.shift().resolve({ value: undefined, done: true }); });
      this.on('error', (e) => { failure = e; while (waiters.length) waiters.shift().reject(e); });
      return { next: () => (queue.length ? Promise.resolve({ value: queue.shift(), done: false }) : failure ? Promise.reject(failure) : done ? Promise.resolve({ value: undefined, done: true }) : new Promise((resolve, reject) => waiters.push({ resolve, reject }))), return: () => Promise.resolve({ value: undefined, done: true }), [Symbol.asyncIterator]() { return this; } };
    }
    static from(iterable) { const r = new Readable(); (async () => { for await (const c of iterable) r.push(c); r.push(null); })(); return r; }
  }
  class Writable extends Stream {
    constructor(opts = {}) { super(); this.writable = true; this.writableEnded = false; this.writableFinished = false; if (opts.write) this._write = opts.write; if (opts.final) this._final = opts.final; }
    _write(chunk, enc, cb) { cb(); }
    write(chunk, enc, cb) { if (typeof enc === 'function') { cb = enc; enc = undefined; } this._write(typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk, enc || 'buffer', (e) => { if (e) this.emit('error', e); if (cb) cb(e); }); return true; }
    end(chunk, enc, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (typeof enc === 'function') { cb = enc; enc = undefined; }
      if (chunk !== undefined && chunk !== null) this.write(chunk, enc);
      if (this.writableEnded) return this;
      this.writableEnded = true;
      const finish = () => { this.writableFinished = true; this.emit('finish'); if (cb) cb(); this.emit('close'); };
      process.nextTick(() => (this._final ? this._final(finish) : finish()));
      return this;
    }
    cork() {} uncork() {} setDefaultEncoding() { return this; }
    destroy(err) { process.nextTick(() => { if (err) this.emit('error', err); this.emit('close'); }); return this; }
  }
  class Duplex extends Readable {
    constructor(opts = {}) { super(opts); this.writable = true; this.writableEnded = false; if (opts.write) this._write = opts.write; }
  }
  for (const k of ['write', 'end', '_write', 'cork', 'uncork', 'setDefaultEncoding']) if (!Duplex.prototype[k]) Duplex.prototype[k] = Writable.prototype[k];
  class Transform extends Duplex {
    constructor(opts = {}) { super(opts); if (opts.transform) this._transform = opts.transform; if (opts.flush) this._flushT = opts.flush; }
    _transform(c, e, cb) { cb(null, c); }
    _write(c, e, cb) { this._transform(c, e, (err, out) => { if (out !== undefined && out !== null) this.push(out); cb(err); }); }
    end(c, e, cb) { Writable.prototype.end.call(this, c, e, cb); process.nextTick(() => { if (this._flushT) this._flushT((err, out) => { if (out) this.push(out); this.push(null); }); else this.push(null); }); return this; }
  }
  class PassThrough extends Transform {}
  const pipeline = (...streams) => { const cb = typeof streams[streams.length - 1] === 'function' ? streams.pop() : null; for (let i = 0; i + 1 < streams.length; i++) streams[i].pipe(streams[i + 1]); const last = streams[streams.length - 1]; if (cb) { last.on('finish', () => cb()); last.on('error', cb); } return last; };
  const finished = (s, cb) => { s.on('end', () => cb()); s.on('finish', () => cb()); s.on('error', cb); };
  Stream.Stream = Stream; Stream.Readable = Readable; Stream.Writable = Writable; Stream.Duplex = Duplex; Stream.Transform = Transform; Stream.PassThrough = PassThrough; Stream.pipeline = pipeline; Stream.finished = finished;
  Stream.promises = { pipeline: (...s) => new Promise((res, rej) => pipeline(...s, (e) => (e ? rej(e) : res()))), finished: (s) => new Promise((res, rej) => finished(s, (e) => (e ? rej(e) : res()))) };
  return Stream;
});
builtin('stream/promises', () => requireBuiltin('stream').promises);

builtin('net', () => {
  const { Duplex } = requireBuiltin('stream');
  const EventEmitter = requireBuiltin('events');
  class Socket extends Duplex {
    constructor(opts) {
      super();
      this._conn = null;
      this.connecting = false;
      this.bytesWritten = 0;
      this.bytesRead = 0;
      this._pending = [];
    }
    _attach(conn) {
      this._conn = conn;
      this.remoteAddress = conn.remoteAddress; this.remotePort = conn.remotePort; this.remoteFamily = 'IPv4';
      this.localAddress = conn.localAddress; this.localPort = conn.localPort;
      const pump = () => host.netRead(conn.id).then((chunk) => {
        if (chunk === null || chunk === undefined) { this.push(null); if (!this.writableEnded) this._close(); return; }
        this.bytesRead += chunk.length;
        this.push(Buffer.from(chunk));
        pump();
      }, (e) => this.destroy(e));
      pump();
      for (const [c, cb] of this._pending.splice(0)) this.write(c, cb);
    }
    _close() { if (this._closed) return; this._closed = true; this.writableEnded = true; if (this._conn) host.netEnd(this._conn.id); process.nextTick(() => this.emit('close', false)); }
    write(chunk, enc, cb) {
      if (typeof enc === 'function') { cb = enc; enc = undefined; }
      const data = typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk;
      if (!this._conn) { this._pending.push([data, cb]); return true; }
      if (this._closed) { if (cb) process.nextTick(cb, new Error('This socket has been ended by the other party')); return false; }
      this.bytesWritten += data.length;
      host.netWrite(this._conn.id, data).then(() => cb && cb(), (e) => { if (cb) cb(e); });
      return true;
    }
    end(chunk, enc, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (chunk) this.write(chunk, enc);
      if (!this._conn) { this._endPending = true; return this; }
      const id = this._conn.id;
      host.netWrite(id, new Uint8Array(0)).then(() => { this._close(); this.emit('finish'); if (cb) cb(); });
      this.writableEnded = true;
      return this;
    }
    destroy(err) { this._close(); if (err) process.nextTick(() => this.emit('error', err)); this.destroyed = true; return this; }
    setTimeout(ms, cb) { if (cb) this.once('timeout', cb); return this; }
    setNoDelay() { return this; }
    setKeepAlive() { return this; }
    ref() { return this; } unref() { return this; }
    address() { return { address: this.localAddress, family: 'IPv4', port: this.localPort }; }
    connect(...args) {
      const o = typeof args[0] === 'object' ? args[0] : { port: args[0], host: typeof args[1] === 'string' ? args[1] : undefined };
      const cb = args.find((a) => typeof a === 'function');
      if (cb) this.once('connect', cb);
      this.connecting = true;
      host.netConnect(o.host || 'localhost', Number(o.port)).then((conn) => {
        this.connecting = false;
        this._attach(conn);
        this.emit('connect');
        this.emit('ready');
        if (this._endPending) this.end();
      }, (e) => { this.connecting = false; this.destroy(e); });
      return this;
    }
  }
  class Server extends EventEmitter {
    constructor(opts, listener) {
      super();
      if (typeof opts === 'function') listener = opts;
      if (listener) this.on('connection', listener);
      this._listener = null;
      this.listening = false;
      this._connections = new Set();
    }
    listen(...args) {
      const cb = args.find((a) => typeof a === 'function');
      let port = 0, address;
      if (typeof args[0] === 'object' && args[0] !== null) { port = args[0].port || 0; address = args[0].host; }
      else { port = args[0] === undefined ? 0 : Number(args[0]); if (typeof args[1] === 'string') address = args[1]; }
      if (cb) this.once('listening', cb);
      try {
        this._listener = host.netListen(port, address);
      } catch (e) {
        process.nextTick(() => this.emit('error', e));
        return this;
      }
      this._address = address;
      this.listening = true;
      const accept = () => host.netAccept(this._listener.id).then((conn) => {
        if (!conn) return;
        const socket = new Socket();
        socket._attach(conn);
        socket.server = this;
        this._connections.add(socket);
        socket.on('close', () => this._connections.delete(socket));
        this.emit('connection', socket);
        accept();
      });
      accept();
      process.nextTick(() => this.emit('listening'));
      return this;
    }
    address() {
      if (!this._listener) return null;
      const any = this._address === undefined || this._address === '::' || this._address === '0.0.0.0' && false;
      return any ? { address: '::', family: 'IPv6', port: this._listener.port } : { address: this._listener.address, family: 'IPv4', port: this._listener.port };
    }
    close(cb) {
      if (!this._listener) { if (cb) process.nextTick(cb, Object.assign(new Error('Server is not running.'), { code: 'ERR_SERVER_NOT_RUNNING' })); return this; }
      host.netClose(this._listener.id);
      this._listener = null;
      this.listening = false;
      const done = () => { this.emit('close'); if (cb) cb(); };
      if (this._connections.size === 0) process.nextTick(done);
      else { let left = this._connections.size; for (const s of this._connections) s.once('close', () => { if (--left === 0) done(); }); }
      return this;
    }
    closeAllConnections() { for (const s of this._connections) s.destroy(); }
    closeIdleConnections() { for (const s of this._connections) if (!s._busy) s.destroy(); }
    getConnections(cb) { cb(null, this._connections.size); }
    ref() { return this; } unref() { return this; }
  }
  const createServer = (o, l) => new Server(o, l);
  const connect = (...args) => new Socket().connect(...args);
  return { Socket, Server, Stream: Socket, createServer, connect, createConnection: connect, isIP: (s) => (/^\d+\.\d+\.\d+\.\d+$/.test(s) ? 4 : s.includes(':') ? 6 : 0), isIPv4: (s) => /^\d+\.\d+\.\d+\.\d+$/.test(s), isIPv6: (s) => s.includes(':') };
});
`;
