/** Guest source of `http`: a server and a client speaking HTTP/1.1 over `net` sockets, with Node's default headers. */
export const HTTP = String.raw`
builtin('http', () => {
  const net = requireBuiltin('net');
  const { Readable, Writable } = requireBuiltin('stream');
  const STATUS_CODES = { 100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 418: "I'm a Teapot", 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
  const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n) => String(n).padStart(2, '0');
  const httpDate = (d = new Date()) => DAYS[d.getUTCDay()] + ', ' + p2(d.getUTCDate()) + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear() + ' ' + p2(d.getUTCHours()) + ':' + p2(d.getUTCMinutes()) + ':' + p2(d.getUTCSeconds()) + ' GMT';

  // Incremental parser of one direction of a connection: a head, then a body by length, chunked, or to the end.
  function Parser(kind, onMessage) {
    let buf = new Uint8Array(0), state = 'head', msg = null, left = 0, chunked = false;
    const concat = (a, b) => { const o = new Uint8Array(a.length + b.length); o.set(a); o.set(b, a.length); return o; };
    const find = (b, seq, from = 0) => { outer: for (let i = from; i <= b.length - seq.length; i++) { for (let j = 0; j < seq.length; j++) if (b[i + j] !== seq[j]) continue outer; return i; } return -1; };
    const CRLFCRLF = [13, 10, 13, 10], CRLF = [13, 10];
    return {
      feed(chunk) {
        buf = concat(buf, chunk);
        for (;;) {
          if (state === 'head') {
            const end = find(buf, CRLFCRLF);
            if (end < 0) return;
            const lines = Buffer.from(buf.subarray(0, end)).toString('latin1').split('\r\n');
            buf = buf.subarray(end + 4);
            const first = lines.shift();
            const headers = {}, raw = [];
            for (const l of lines) { const i = l.indexOf(':'); if (i < 0) continue; const k = l.slice(0, i).trim(), v = l.slice(i + 1).trim(); raw.push(k, v); const lk = k.toLowerCase(); if (lk in headers) headers[lk] += (lk === 'cookie' ? '; ' : ', ') + v; else headers[lk] = v; }
            msg = new IncomingMessage();
            msg.headers = headers; msg.rawHeaders = raw;
            if (kind === 'request') { const [method, url, version] = first.split(' '); msg.method = method; msg.url = url; msg.httpVersion = (version || 'HTTP/1.1').replace('HTTP/', ''); }
            else { const m = /^HTTP\/(\d\.\d) (\d{3}) ?(.*)$/.exec(first) || []; msg.httpVersion = m[1]; msg.statusCode = Number(m[2]); msg.statusMessage = m[3] || ''; }
            const [maj, min] = (msg.httpVersion || '1.1').split('.');
            msg.httpVersionMajor = Number(maj); msg.httpVersionMinor = Number(min);
            chunked = /chunked/i.test(headers['transfer-encoding'] || '');
            left = headers['content-length'] !== undefined ? Number(headers['content-length']) : kind === 'response' && !chunked && msg.statusCode !== 204 && msg.statusCode !== 304 ? Infinity : 0;
            state = chunked ? 'size' : 'body';
            onMessage(msg);
            if (!chunked && left === 0) { msg.complete = true; msg.push(null); state = 'head'; }
            continue;
          }
          if (state === 'body') {
            if (buf.length === 0) return;
            const n = Math.min(left, buf.length);
            msg.push(Buffer.from(buf.subarray(0, n)));
            buf = buf.subarray(n);
            left -= n;
            if (left === 0) { msg.complete = true; msg.push(null); state = 'head'; continue; }
            return;
          }
          if (state === 'size') {
            const end = find(buf, CRLF);
            if (end < 0) return;
            left = parseInt(Buffer.from(buf.subarray(0, end)).toString('latin1'), 16) || 0;
            buf = buf.subarray(end + 2);
            state = left === 0 ? 'trailer' : 'chunk';
            continue;
          }
          if (state === 'chunk') {
            if (buf.length < left + 2) return;
            msg.push(Buffer.from(buf.subarray(0, left)));
            buf = buf.subarray(left + 2);
            state = 'size';
            continue;
          }
          if (state === 'trailer') {
            const end = find(buf, CRLF);
            if (end < 0) return;
            buf = buf.subarray(end + 2);
            if (end === 0) { msg.complete = true; msg.push(null); state = 'head'; }
            continue;
          }
        }
      },
      end() { if (msg && state === 'body' && left === Infinity) { msg.complete = true; msg.push(null); } },
    };
  }

  class IncomingMessage extends Readable {
    constructor(socket) { super(); this.socket = this.connection = socket; this.headers = {}; this.rawHeaders = []; this.trailers = {}; this.complete = false; this.aborted = false; }
    setTimeout() { return this; }
  }
  class OutgoingMessage extends Writable {
    constructor() { super(); this._headers = new Map(); this.headersSent = false; this.finished = false; this.sendDate = true; this._body = []; this._chunked = false; this.chunkedEncoding = false; }
    setHeader(name, value) {
      if (this.headersSent) { const e = new Error('Cannot set headers after they are sent to the client'); e.code = 'ERR_HTTP_HEADERS_SENT'; throw e; }
      if (value === undefined) { const e = new TypeError('Invalid value "undefined" for header "' + name + '"'); e.code = 'ERR_HTTP_INVALID_HEADER_VALUE'; throw e; }
      this._headers.set(String(name).toLowerCase(), [String(name), value]);
      return this;
    }
    appendHeader(name, value) { const h = this._headers.get(String(name).toLowerCase()); this.setHeader(name, h ? [].concat(h[1], value) : value); return this; }
    getHeader(name) { const h = this._headers.get(String(name).toLowerCase()); return h ? h[1] : undefined; }
    getHeaders() { const o = Object.create(null); for (const [k, [, v]] of this._headers) o[k] = v; return o; }
    getHeaderNames() { return [...this._headers.keys()]; }
    hasHeader(name) { return this._headers.has(String(name).toLowerCase()); }
    removeHeader(name) { if (this.headersSent) { const e = new Error('Cannot remove headers after they are sent to the client'); e.code = 'ERR_HTTP_HEADERS_SENT'; throw e; } this._headers.delete(String(name).toLowerCase()); }
    flushHeaders() { this._sendHead(false); }
    _headLines() { const out = []; for (const [, [n, v]] of this._headers) for (const x of [].concat(v)) out.push(n + ': ' + x); return out; }
  }
  class ServerResponse extends OutgoingMessage {
    constructor(req, socket) { super(); this.req = req; this.socket = this.connection = socket; this.statusCode = 200; this.statusMessage = undefined; this._keepAlive = req.httpVersion !== '1.0' && !/close/i.test(req.headers.connection || ''); }
    get writableEnded() { return this.finished; }
    set writableEnded(v) {}
    writeHead(code, msg, headers) {
      if (this.headersSent) { const e = new Error('Cannot write headers after they are sent to the client'); e.code = 'ERR_HTTP_HEADERS_SENT'; throw e; }
      if (typeof msg !== 'string') { headers = msg; msg = undefined; }
      this.statusCode = code;
      if (msg !== undefined) this.statusMessage = msg;
      if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
      else if (headers) for (const k of Object.keys(headers)) this.setHeader(k, headers[k]);
      return this;
    }
    writeContinue() {}
    _sendHead(bodyLength) {
      if (this.headersSent) return;
      this.headersSent = true;
      const lines = ['HTTP/1.1 ' + this.statusCode + ' ' + (this.statusMessage || STATUS_CODES[this.statusCode] || 'unknown'), ...this._headLines()];
      if (this.sendDate && !this.hasHeader('date')) lines.push('Date: ' + httpDate());
      if (!this.hasHeader('connection')) lines.push(this._keepAlive ? 'Connection: keep-alive' : 'Connection: close');
      if (this._keepAlive && !this.hasHeader('keep-alive')) lines.push('Keep-Alive: timeout=5');
      const noBody = this.statusCode === 204 || this.statusCode === 304 || (this.statusCode >= 100 && this.statusCode < 200);
      if (!noBody && !this.hasHeader('content-length') && !this.hasHeader('transfer-encoding')) {
        if (bodyLength === false) { this._chunked = true; this.chunkedEncoding = true; lines.push('Transfer-Encoding: chunked'); }
        else lines.push('Content-Length: ' + bodyLength);
      } else if (/chunked/i.test(String(this.getHeader('transfer-encoding') || ''))) this._chunked = true;
      this.socket.write(lines.join('\r\n') + '\r\n\r\n');
    }
    write(chunk, enc, cb) {
      if (typeof enc === 'function') { cb = enc; enc = undefined; }
      if (this.finished) { const e = new Error('write after end'); e.code = 'ERR_STREAM_WRITE_AFTER_END'; process.nextTick(() => this.emit('error', e)); return false; }
      const data = typeof chunk === 'string' ? Buffer.from(chunk, enc) : Buffer.from(chunk);
      this._sendHead(false);
      if (this.req.method === 'HEAD') { if (cb) process.nextTick(cb); return true; }
      if (this._chunked) { if (data.length) this.socket.write(data.length.toString(16) + '\r\n'); if (data.length) this.socket.write(data); if (data.length) this.socket.write('\r\n', cb); else if (cb) process.nextTick(cb); }
      else this.socket.write(data, cb);
      return true;
    }
    end(chunk, enc, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (typeof enc === 'function') { cb = enc; enc = undefined; }
      if (this.finished) return this;
      const data = chunk === undefined || chunk === null ? Buffer.alloc(0) : typeof chunk === 'string' ? Buffer.from(chunk, enc) : Buffer.from(chunk);
      if (!this.headersSent) this._sendHead(data.length);
      if (this.req.method !== 'HEAD') {
        if (this._chunked) { if (data.length) this.socket.write(data.length.toString(16) + '\r\n' + data.toString('latin1') + '\r\n', 'latin1'); this.socket.write('0\r\n\r\n'); }
        else if (data.length) this.socket.write(data);
      }
      this.finished = true;
      process.nextTick(() => { this.writableFinished = true; this.emit('finish'); if (cb) cb(); this.emit('close'); this._done(); });
      return this;
    }
  }
  class Server extends net.Server {
    constructor(opts, handler) {
      if (typeof opts === 'function') { handler = opts; opts = {}; }
      super();
      if (handler) this.on('request', handler);
      this.keepAliveTimeout = 5000; this.headersTimeout = 60000; this.requestTimeout = 300000; this.timeout = 0; this.maxHeadersCount = null;
      this.on('connection', (socket) => this._serve(socket));
    }
    setTimeout(ms, cb) { this.timeout = ms; if (cb) this.on('timeout', cb); return this; }
    _serve(socket) {
      const queue = [];
      let busy = false;
      const next = () => {
        if (busy || !queue.length) return;
        busy = true; socket._busy = true;
        const req = queue.shift();
        const res = new ServerResponse(req, socket);
        res._done = () => { busy = false; socket._busy = false; if (!res._keepAlive) socket.end(); else next(); };
        this.emit('request', req, res);
      };
      const parser = Parser('request', (req) => { req.socket = req.connection = socket; queue.push(req); next(); });
      socket.on('data', (c) => parser.feed(c));
      socket.on('end', () => { parser.end(); if (!busy) socket.end(); });
      socket.on('error', () => {});
    }
  }
  class ClientRequest extends OutgoingMessage {
    constructor(input, options, cb) {
      super();
      if (typeof input === 'string' || input instanceof URL) {
        const u = input instanceof URL ? input : new URL(input);
        if (typeof options === 'function') { cb = options; options = {}; }
        options = Object.assign({ protocol: u.protocol, hostname: u.hostname, port: u.port, path: u.pathname + u.search }, options || {});
      } else { cb = options; options = input || {}; }
      if (options.protocol && options.protocol !== 'http:') { const e = new TypeError('Protocol "' + options.protocol + '" not supported. Expected "http:"'); e.code = 'ERR_INVALID_PROTOCOL'; throw e; }
      if (cb) this.once('response', cb);
      this.method = (options.method || 'GET').toUpperCase();
      this.path = options.path || '/';
      this.host = options.hostname || (options.host || 'localhost').replace(/:\d+$/, '');
      this.port = Number(options.port || 80);
      for (const [k, v] of Object.entries(options.headers || {})) this.setHeader(k, v);
      this.reusedSocket = false;
      this.socket = net.connect({ host: this.host, port: this.port });
      this.socket.on('error', (e) => this.emit('error', e));
      const parser = Parser('response', (res) => { res.socket = this.socket; res.req = this; this.res = res; res.on('end', () => this.socket.end()); this.emit('response', res); if (this.listenerCount('response') === 0) res.resume(); });
      this.socket.on('data', (c) => parser.feed(c));
      this.socket.on('end', () => parser.end());
    }
    _sendHead(bodyLength) {
      if (this.headersSent) return;
      this.headersSent = true;
      const lines = [this.method + ' ' + this.path + ' HTTP/1.1', ...this._headLines()];
      if (!this.hasHeader('host')) lines.push('Host: ' + this.host + (this.port !== 80 ? ':' + this.port : ''));
      if (!this.hasHeader('connection')) lines.push('Connection: keep-alive');
      if (!this.hasHeader('content-length') && !this.hasHeader('transfer-encoding')) {
        if (bodyLength === false) { this._chunked = true; lines.push('Transfer-Encoding: chunked'); }
        else if (bodyLength > 0 || ['POST', 'PUT', 'PATCH'].includes(this.method)) lines.push('Content-Length: ' + bodyLength);
      }
      this.socket.write(lines.join('\r\n') + '\r\n\r\n');
    }
    write(chunk, enc, cb) { const data = typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk; this._sendHead(false); if (this._chunked) this.socket.write(data.length.toString(16) + '\r\n' + Buffer.from(data).toString('latin1') + '\r\n', 'latin1'); else this.socket.write(data); if (typeof cb === 'function') process.nextTick(cb); return true; }
    end(chunk, enc, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      const data = chunk === undefined || chunk === null ? Buffer.alloc(0) : typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk;
      if (!this.headersSent) this._sendHead(data.length);
      else if (this._chunked) { if (data.length) this.write(data); this.socket.write('0\r\n\r\n'); }
      if (!this._chunked && data.length) this.socket.write(data);
      if (!this._chunked || !this.headersSent) {}
      this.finished = true;
      if (cb) process.nextTick(cb);
      return this;
    }
    setTimeout(ms, cb) { if (cb) this.once('timeout', cb); return this; }
    abort() { this.destroy(); }
    destroy(e) { this.socket.destroy(); if (e) process.nextTick(() => this.emit('error', e)); return this; }
  }
  const request = (a, b, c) => new ClientRequest(a, b, c);
  const get = (a, b, c) => { const r = request(a, b, c); r.end(); return r; };
  class Agent { constructor(o) { this.options = o || {}; } destroy() {} }
  return { STATUS_CODES, METHODS, Server, IncomingMessage, ServerResponse, OutgoingMessage, ClientRequest, Agent, globalAgent: new Agent(), createServer: (o, h) => new Server(o, h), request, get, maxHeaderSize: 16384, validateHeaderName() {}, validateHeaderValue() {} };
});

// fetch over http (no https: Dockyard has no outside network).
{
  class Headers {
    constructor(init) { this._m = new Map(); if (init) for (const [k, v] of (init instanceof Headers ? init.entries() : Symbol.iterator in Object(init) ? init : Object.entries(init))) this.append(k, v); }
    append(k, v) { k = String(k).toLowerCase(); this._m.set(k, this._m.has(k) ? this._m.get(k) + ', ' + v : String(v)); }
    set(k, v) { this._m.set(String(k).toLowerCase(), String(v)); }
    get(k) { const v = this._m.get(String(k).toLowerCase()); return v === undefined ? null : v; }
    has(k) { return this._m.has(String(k).toLowerCase()); }
    delete(k) { this._m.delete(String(k).toLowerCase()); }
    entries() { return this._m.entries(); } keys() { return this._m.keys(); } values() { return this._m.values(); }
    forEach(fn) { for (const [k, v] of this._m) fn(v, k, this); }
    [Symbol.iterator]() { return this._m.entries(); }
  }
  class Response {
    constructor(body, init = {}) { this._body = body instanceof Uint8Array ? body : Buffer.from(body === undefined || body === null ? '' : String(body)); this.status = init.status || 200; this.statusText = init.statusText || ''; this.headers = new Headers(init.headers); this.ok = this.status >= 200 && this.status < 300; this.url = init.url || ''; this.redirected = false; this.bodyUsed = false; this.type = 'basic'; }
    async text() { this.bodyUsed = true; return Buffer.from(this._body).toString(); }
    async json() { return JSON.parse(await this.text()); }
    async arrayBuffer() { this.bodyUsed = true; return this._body.slice().buffer; }
  }
  function fetch(input, init = {}) {
    return new Promise((resolve, reject) => {
      let url;
      try { url = new URL(String(input && input.url ? input.url : input)); } catch (e) { return reject(Object.assign(new TypeError('Failed to parse URL from ' + input), { cause: e })); }
      const http = requireBuiltin('http');
      const headers = {};
      new Headers(init.headers).forEach((v, k) => (headers[k] = v));
      let req;
      try { req = http.request(url, { method: init.method || 'GET', headers }); } catch (e) { return reject(Object.assign(new TypeError('fetch failed'), { cause: e })); }
      req.on('response', (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, statusText: res.statusMessage, headers: res.headers, url: url.href })));
      });
      req.on('error', (e) => reject(Object.assign(new TypeError('fetch failed'), { cause: e })));
      req.end(init.body === undefined ? undefined : init.body);
    });
  }
  globalThis.fetch = fetch;
  globalThis.Headers = Headers;
  globalThis.Response = Response;
}
`;
