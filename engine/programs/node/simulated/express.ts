/**
 * Our own express, as JavaScript that runs in the node sandbox from node_modules/express/index.js. It follows
 * express 4 and 5 as users see them: routing (app/Router, params, `*`, optional params), middleware and
 * `next(err)`, express.json/urlencoded/static, req.query/params/body, res.status/json/send/sendStatus/set/redirect,
 * the X-Powered-By and ETag headers, and finalhandler's default 404 (`Cannot GET /x`) and 500 pages. Express 5
 * differences it keeps: rejected promises from handlers reach the error handler, req.body is undefined until a
 * parser runs, `*` must be named.
 */
export const EXPRESS = String.raw`'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const querystring = require('querystring');
const EventEmitter = require('events');
const VERSION = require('./package.json').version;
const V5 = Number(VERSION.split('.')[0]) >= 5;
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head'];
const MIME = { '.html': 'text/html', '.htm': 'text/html', '.css': 'text/css', '.js': 'application/javascript', '.mjs': 'application/javascript', '.json': 'application/json', '.txt': 'text/plain', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.webp': 'image/webp', '.woff2': 'font/woff2', '.map': 'application/json', '.xml': 'application/xml', '.pdf': 'application/pdf' };
const TYPES = { html: 'text/html', json: 'application/json', text: 'text/plain', txt: 'text/plain', js: 'application/javascript', css: 'text/css', xml: 'application/xml' };
const CHARSET = (t) => (/^(text\/|application\/(json|javascript))/.test(t) && !/charset/.test(t) ? t + '; charset=utf-8' : t);

function escapeHtml(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'); }
function etag(body) { const b = Buffer.isBuffer(body) ? body : Buffer.from(body); if (b.length === 0) return 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"'; return 'W/"' + b.length.toString(16) + '-' + require('crypto').createHash('sha1').update(b).digest('base64').substring(0, 27) + '"'; }

// Path patterns: ':name', ':name?', '*' (express 4) or '*name'/'{...}' (express 5), or a RegExp.
function compile(pattern, end) {
  if (pattern instanceof RegExp) return { re: pattern, keys: [] };
  if (Array.isArray(pattern)) { const parts = pattern.map((p) => compile(p, end)); return { re: new RegExp(parts.map((p) => p.re.source).join('|'), 'i'), keys: parts[0] ? parts[0].keys : [] }; }
  const keys = [];
  let src = '';
  let p = String(pattern);
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === ':') {
      const m = /^:([A-Za-z0-9_$]+)(\([^)]*\))?(\?)?/.exec(p.slice(i));
      keys.push(m[1]);
      const group = m[2] ? m[2] : '([^/]+?)';
      if (m[3] && src.endsWith('/')) src = src.slice(0, -1) + '(?:/' + group + ')?';
      else src += group + (m[3] ? '?' : '');
      i += m[0].length - 1;
    } else if (c === '*') {
      const m = /^\*([A-Za-z0-9_$]+)?/.exec(p.slice(i));
      keys.push(m[1] || 0);
      src += '(.*)';
      i += m[0].length - 1;
    } else if (c === '{' && V5) { const close = p.indexOf('}', i); const inner = compile(p.slice(i + 1, close), false); keys.push(...inner.keys); src += '(?:' + inner.re.source.replace(/^\^/, '').replace(/\(\?:\/\(\?=\$\)\)\?\$?$/, '') + ')?'; i = close; }
    else src += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return { re: new RegExp('^' + src + (end ? '\\/?$' : '(?:\\/(?=.*)|\\/?$)'), 'i'), keys };
}
function match(layer, pathname) {
  if (layer.all) return { params: {}, matched: '' };
  const m = layer.compiled.re.exec(pathname);
  if (!m) return null;
  const params = {};
  layer.compiled.keys.forEach((k, i) => { if (m[i + 1] !== undefined) { try { params[k] = decodeURIComponent(m[i + 1]); } catch (e) { params[k] = m[i + 1]; } } });
  return { params, matched: m[0].replace(/\/$/, '') };
}

function Router(options) {
  const router = function (req, res, next) { router.handle(req, res, next); };
  Object.setPrototypeOf(router, Router.prototype);
  router.stack = [];
  router.params = {};
  router.mergeParams = !!(options && options.mergeParams);
  return router;
}
Router.prototype = Object.create(Function.prototype);
Router.prototype.use = function (...args) {
  let at = '/';
  if (typeof args[0] === 'string' || args[0] instanceof RegExp || Array.isArray(args[0])) at = args.shift();
  const fns = args.flat(Infinity);
  if (fns.length === 0) throw new TypeError('Router.use() requires a middleware function');
  for (const fn of fns) {
    if (typeof fn !== 'function') throw new TypeError('Router.use() requires a middleware function but got a ' + (fn === null ? 'null' : typeof fn));
    this.stack.push({ kind: 'use', path: at, all: at === '/', compiled: compile(at, false), handle: fn });
  }
  return this;
};
Router.prototype.route = function (p) {
  const route = { path: p, stack: [], methods: {} };
  const self = this;
  const api = {};
  for (const m of METHODS.concat('all')) api[m] = function (...fns) { for (const fn of fns.flat(Infinity)) { if (typeof fn !== 'function') throw new Error('Route.' + m + '() requires a callback function but got a [object ' + (fn === undefined ? 'Undefined' : typeof fn === 'object' ? 'Object' : typeof fn) + ']'); self.stack.push({ kind: 'route', method: m, path: p, compiled: compile(p, true), handle: fn }); } return api; };
  return api;
};
for (const m of METHODS.concat('all')) {
  Router.prototype[m] = function (p, ...fns) { this.route(p)[m](...fns); return this; };
}
Router.prototype.param = function (name, fn) { this.params[name] = fn; return this; };
Router.prototype.handle = function (req, res, out) {
  const stack = this.stack;
  let i = 0;
  const parentUrl = req.url, parentBase = req.baseUrl || '', parentParams = req.params || {};
  const restore = () => { req.url = parentUrl; req.baseUrl = parentBase; req.params = parentParams; };
  const next = (err) => {
    if (err === 'route') err = undefined;
    if (err === 'router') { restore(); return out(); }
    restore();
    const pathname = (req.url || '/').split('?')[0] || '/';
    while (i < stack.length) {
      const layer = stack[i++];
      if (layer.kind === 'route') {
        const method = req.method.toLowerCase();
        if (layer.method !== 'all' && layer.method !== method && !(method === 'head' && layer.method === 'get')) continue;
      }
      const m = match(layer, pathname);
      if (!m) continue;
      const isErrorHandler = layer.handle.length === 4;
      if (err ? !isErrorHandler : isErrorHandler) continue;
      req.params = Object.assign({}, this.mergeParams ? parentParams : {}, m.params);
      if (layer.kind === 'use' && m.matched) {
        req.baseUrl = parentBase + m.matched;
        req.url = (req.url.slice(m.matched.length) || '/');
        if (req.url[0] !== '/') req.url = '/' + req.url;
      }
      return call(layer.handle, err, req, res, next);
    }
    restore();
    out(err);
  };
  next();
};
function call(fn, err, req, res, next) {
  try {
    const r = err ? fn(err, req, res, next) : fn(req, res, next);
    if (V5 && r && typeof r.then === 'function') r.then(undefined, (e) => next(e || new Error('Rejected promise')));
  } catch (e) {
    next(e);
  }
}

function finalhandler(req, res, app) {
  return (err) => {
    let status = 404, msg = 'Cannot ' + req.method + ' ' + escapeHtml(req.originalUrl.split('?')[0]);
    if (err) {
      status = err.status || err.statusCode || 500;
      if (status < 400 || status > 599) status = 500;
      const env = app.get('env');
      msg = env === 'production' ? http.STATUS_CODES[status] : escapeHtml(err.stack || String(err)).replace(/\n/g, '<br>').replace(/\x20{2}/g, ' &nbsp;');
      if (env !== 'test') console.error(err.stack || String(err));
    }
    if (res.headersSent) { res.socket && res.socket.destroy(); return; }
    const body = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>' + msg + '</pre>\n</body>\n</html>\n';
    for (const h of res.getHeaderNames()) res.removeHeader(h);
    res.statusCode = status;
    res.statusMessage = http.STATUS_CODES[status];
    res.setHeader('Content-Security-Policy', "default-src 'none'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

const request = {
  get(name) { const n = String(name).toLowerCase(); if (n === 'referer' || n === 'referrer') return this.headers.referer || this.headers.referrer; return this.headers[n]; },
  is(type) { const ct = (this.headers['content-type'] || '').split(';')[0]; if (!ct) return null; const t = TYPES[type] || type; return ct === t || (t.endsWith('/*') && ct.startsWith(t.slice(0, -1))) || ct.endsWith('/' + type) ? type : false; },
  accepts(...types) { const a = this.headers.accept || '*/*'; types = types.flat(); if (!types.length) return a.split(','); return types.find((t) => a.includes(TYPES[t] || t) || a.includes('*/*')) || false; },
};
request.header = request.get;
const response = {
  status(code) { this.statusCode = code; return this; },
  set(field, value) {
    if (typeof field === 'object') { for (const k of Object.keys(field)) this.set(k, field[k]); return this; }
    let v = Array.isArray(value) ? value.map(String) : String(value);
    if (String(field).toLowerCase() === 'content-type' && typeof v === 'string') v = CHARSET(v.includes('/') ? v : TYPES[v] || v);
    this.setHeader(field, v);
    return this;
  },
  get(field) { return this.getHeader(field); },
  type(t) { return this.set('Content-Type', t.includes('/') ? t : TYPES[t.replace(/^\./, '')] || 'application/octet-stream'); },
  send(body) {
    if (typeof body === 'number' && !V5 && arguments.length === 1) { this.statusCode = body; body = http.STATUS_CODES[body]; }
    if (body === null || body === undefined) body = '';
    else if (typeof body === 'boolean' || typeof body === 'number' || (typeof body === 'object' && !Buffer.isBuffer(body))) return this.json(body);
    if (typeof body === 'string' && !this.getHeader('content-type')) this.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (Buffer.isBuffer(body) && !this.getHeader('content-type')) this.setHeader('Content-Type', 'application/octet-stream');
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
    if (this.statusCode !== 204 && this.statusCode !== 304) this.setHeader('Content-Length', buf.length);
    if (buf.length > 0 && !this.getHeader('etag') && this.req.app.get('etag') !== false) this.setHeader('ETag', etag(buf));
    const fresh = this.req.headers['if-none-match'] && this.req.headers['if-none-match'] === this.getHeader('etag');
    if (fresh && (this.req.method === 'GET' || this.req.method === 'HEAD') && this.statusCode >= 200 && this.statusCode < 300) { this.statusCode = 304; }
    if (this.statusCode === 204 || this.statusCode === 304) { this.removeHeader('Content-Type'); this.removeHeader('Content-Length'); this.removeHeader('Transfer-Encoding'); return this.end(); }
    this.end(this.req.method === 'HEAD' ? undefined : buf);
    return this;
  },
  json(obj) {
    const app = this.req.app;
    const text = JSON.stringify(obj, app.get('json replacer'), app.get('json spaces'));
    if (!this.getHeader('content-type')) this.setHeader('Content-Type', 'application/json; charset=utf-8');
    return this.send(text === undefined ? '' : text);
  },
  sendStatus(code) { this.statusCode = code; this.type('txt'); return this.send(http.STATUS_CODES[code] || String(code)); },
  redirect(a, b) {
    let status = 302, url = a;
    if (typeof a === 'number') { status = a; url = b; }
    if (url === 'back') url = this.req.get('referrer') || '/';
    this.statusCode = status;
    this.setHeader('Location', encodeURI(url));
    const body = this.req.accepts('html') ? '<p>' + http.STATUS_CODES[status] + '. Redirecting to ' + escapeHtml(url) + '</p>' : http.STATUS_CODES[status] + '. Redirecting to ' + url;
    if (this.req.accepts('html')) this.setHeader('Content-Type', 'text/html; charset=utf-8'); else this.setHeader('Content-Type', 'text/plain; charset=utf-8');
    this.setHeader('Content-Length', Buffer.byteLength(body));
    this.end(this.req.method === 'HEAD' ? undefined : body);
  },
  location(url) { this.setHeader('Location', encodeURI(url)); return this; },
  links() { return this; },
  vary(f) { this.append('Vary', f); return this; },
  append(field, value) { const prev = this.getHeader(field); this.setHeader(field, prev ? [].concat(prev, value) : value); return this; },
  cookie(name, value, opts) { const o = opts || {}; this.append('Set-Cookie', name + '=' + encodeURIComponent(typeof value === 'object' ? 'j:' + JSON.stringify(value) : value) + '; Path=' + (o.path || '/') + (o.httpOnly ? '; HttpOnly' : '') + (o.maxAge ? '; Max-Age=' + Math.floor(o.maxAge / 1000) : '')); return this; },
  clearCookie(name) { return this.cookie(name, '', { maxAge: 0 }); },
  sendFile(file, opts, cb) {
    if (typeof opts === 'function') { cb = opts; opts = {}; }
    const full = opts && opts.root ? path.join(opts.root, file) : file;
    if (!(opts && opts.root) && !path.isAbsolute(file)) throw new TypeError('path must be absolute or specify root to res.sendFile');
    let data;
    try { data = fs.readFileSync(full); } catch (e) { e.status = 404; e.statusCode = 404; if (cb) return cb(e); return this.req.next(e); }
    if (!this.getHeader('content-type')) this.setHeader('Content-Type', CHARSET(MIME[path.extname(full)] || 'application/octet-stream'));
    this.send(data);
    if (cb) process.nextTick(cb);
  },
  render() { throw new Error('res.render: view engines are not simulated in Dockyard'); },
  format(obj) { const k = Object.keys(obj).find((t) => this.req.accepts(t)); if (k) obj[k](); else if (obj.default) obj.default(); else this.sendStatus(406); return this; },
  attachment(f) { this.setHeader('Content-Disposition', f ? 'attachment; filename="' + path.basename(f) + '"' : 'attachment'); return this; },
};
response.header = response.set;
response.contentType = response.type;

function createApplication() {
  const app = function (req, res, next) { app.handle(req, res, next); };
  const router = Router();
  const settings = { 'x-powered-by': true, etag: 'weak', env: process.env.NODE_ENV || 'development', 'json spaces': undefined, 'subdomain offset': 2 };
  Object.assign(app, EventEmitter.prototype);
  EventEmitter.call(app);
  app.locals = { settings };
  app.mountpath = '/';
  app._router = router;
  app.router = router;
  app.set = function (k, v) { if (arguments.length === 1) return settings[k]; settings[k] = v; return app; };
  app.get = function (p, ...fns) { if (fns.length === 0 && typeof p === 'string') return settings[p]; router.get(p, ...fns); return app; };
  app.enable = (k) => app.set(k, true);
  app.disable = (k) => app.set(k, false);
  app.enabled = (k) => !!settings[k];
  app.disabled = (k) => !settings[k];
  app.use = function (...args) {
    let at = '/';
    if (typeof args[0] === 'string' || args[0] instanceof RegExp || Array.isArray(args[0])) at = args.shift();
    for (const fn of args.flat(Infinity)) {
      if (fn && typeof fn.handle === 'function' && typeof fn.set === 'function') { fn.mountpath = at; fn.parent = app; fn.emit('mount', app); }
      router.use(at, fn);
    }
    return app;
  };
  app.route = (p) => router.route(p);
  app.param = (n, fn) => { router.param(n, fn); return app; };
  for (const m of METHODS.concat('all')) if (m !== 'get') app[m] = function (p, ...fns) { router[m](p, ...fns); return app; };
  app.engine = () => app;
  app.render = () => { throw new Error('app.render: view engines are not simulated in Dockyard'); };
  app.path = () => '';
  app.handle = function (req, res, callback) {
    if (settings['x-powered-by']) res.setHeader('X-Powered-By', 'Express');
    req.app = res.app = app; req.res = res; res.req = req;
    req.originalUrl = req.originalUrl || req.url;
    if (!req.__express) {
      req.__express = true;
      for (const k of Object.keys(request)) req[k] = request[k];
      for (const k of Object.keys(response)) res[k] = response[k];
      const [p, q] = req.url.split('?');
      req.path = p;
      const parser = settings['query parser'] === 'simple' || V5 ? querystring.parse : querystring.parse;
      req.query = Object.assign({}, parser(q || ''));
      req.hostname = (req.headers.host || '').replace(/:\d+$/, '');
      req.ip = (req.socket && req.socket.remoteAddress) || '127.0.0.1';
      req.ips = [];
      req.protocol = 'http';
      req.secure = false;
      req.xhr = (req.headers['x-requested-with'] || '').toLowerCase() === 'xmlhttprequest';
      req.params = {};
      res.locals = Object.create(null);
      if (!V5) req.body = req.body === undefined ? {} : req.body;
    }
    const done = callback || finalhandler(req, res, app);
    req.next = done;
    Object.defineProperty(req, 'path', { configurable: true, enumerable: true, get() { return (this.url || '/').split('?')[0]; } });
    router.handle(req, res, done);
  };
  app.listen = function (...args) { const server = http.createServer(app); return server.listen(...args); };
  return app;
}

function readBody(req, cb) {
  if (req._body) return cb(null, null);
  req._body = true;
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => cb(null, Buffer.concat(chunks)));
  req.on('error', cb);
}
function typeMatches(req, type) {
  const ct = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
  if (!ct) return false;
  const want = [].concat(type);
  return want.some((t) => (t.endsWith('/*') ? ct.startsWith(t.slice(0, -1)) : t.startsWith('*/') ? ct.endsWith(t.slice(1)) : ct === t || (t === 'json' && ct === 'application/json')));
}
function json(options) {
  const o = options || {};
  const type = o.type || 'application/json';
  return function jsonParser(req, res, next) {
    if (req._body || !typeMatches(req, type) || (req.headers['content-length'] === '0')) { if (!V5 && req.body === undefined) req.body = {}; return next(); }
    readBody(req, (err, buf) => {
      if (err) return next(err);
      const text = buf ? buf.toString() : '';
      if (text.length === 0) { req.body = {}; return next(); }
      if (o.strict !== false && !/^[\s\uFEFF]*[\[{]/.test(text)) {
        const first = text.trim()[0];
        const e = new SyntaxError('Unexpected token \'' + first + '\', "' + text.slice(0, 40) + '" is not valid JSON');
        e.status = e.statusCode = 400; e.type = 'entity.parse.failed'; e.body = text; e.expose = true;
        return next(e);
      }
      try { req.body = JSON.parse(text, o.reviver); next(); }
      catch (e) { e.status = e.statusCode = 400; e.type = 'entity.parse.failed'; e.body = text; e.expose = true; next(e); }
    });
  };
}
function urlencoded(options) {
  const o = options || {};
  return function urlencodedParser(req, res, next) {
    if (req._body || !typeMatches(req, o.type || 'application/x-www-form-urlencoded')) { if (!V5 && req.body === undefined) req.body = {}; return next(); }
    readBody(req, (err, buf) => { if (err) return next(err); req.body = Object.assign({}, querystring.parse(buf ? buf.toString() : '')); next(); });
  };
}
function text(options) {
  const o = options || {};
  return function textParser(req, res, next) {
    if (req._body || !typeMatches(req, o.type || 'text/plain')) return next();
    readBody(req, (err, buf) => { if (err) return next(err); req.body = buf ? buf.toString() : ''; next(); });
  };
}
function raw(options) {
  const o = options || {};
  return function rawParser(req, res, next) {
    if (req._body || !typeMatches(req, o.type || 'application/octet-stream')) return next();
    readBody(req, (err, buf) => { if (err) return next(err); req.body = buf || Buffer.alloc(0); next(); });
  };
}
function serveStatic(root, options) {
  const o = options || {};
  const base = path.resolve(root);
  return function serveStatic(req, res, next) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return o.fallthrough === false ? next(Object.assign(new Error('Method Not Allowed'), { status: 405 })) : next();
    let rel;
    try { rel = decodeURIComponent(req.path); } catch (e) { return next(); }
    let file = path.join(base, rel);
    if (!file.startsWith(base)) return next();
    let st;
    try { st = fs.statSync(file); } catch (e) { return next(); }
    if (st.isDirectory()) {
      if (!req.originalUrl.split('?')[0].endsWith('/') && o.redirect !== false) {
        const loc = req.originalUrl.split('?')[0] + '/';
        const body = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Redirecting</title>\n</head>\n<body>\n<pre>Redirecting to ' + escapeHtml(loc) + '</pre>\n</body>\n</html>\n';
        res.statusCode = 301;
        res.setHeader('Content-Type', 'text/html; charset=UTF-8'); res.setHeader('Content-Length', Buffer.byteLength(body));
        res.setHeader('Content-Security-Policy', "default-src 'none'"); res.setHeader('X-Content-Type-Options', 'nosniff'); res.setHeader('Location', loc);
        return res.end(body);
      }
      if (o.index === false) return next();
      file = path.join(file, typeof o.index === 'string' ? o.index : 'index.html');
      try { st = fs.statSync(file); } catch (e) { return next(); }
    }
    const data = fs.readFileSync(file);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'public, max-age=' + Math.floor((o.maxAge || 0) / 1000));
    res.setHeader('Last-Modified', st.mtime.toUTCString ? st.mtime.toUTCString() : new Date(st.mtimeMs).toUTCString());
    res.setHeader('ETag', 'W/"' + st.size.toString(16) + '-' + Math.floor(st.mtimeMs).toString(16) + '"');
    res.setHeader('Content-Type', CHARSET(MIME[path.extname(file).toLowerCase()] || 'application/octet-stream'));
    res.setHeader('Content-Length', data.length);
    res.end(req.method === 'HEAD' ? undefined : data);
  };
}

module.exports = exports = createApplication;
exports.application = {};
exports.request = request;
exports.response = response;
exports.Router = Router;
exports.json = json;
exports.urlencoded = urlencoded;
exports.text = text;
exports.raw = raw;
exports.static = serveStatic;
`;
