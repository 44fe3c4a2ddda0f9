/** Guest source of `os`, `url` (URL, URLSearchParams, fileURLToPath...), `querystring`, `timers`, `assert`, `crypto` basics. */
export const MISC = String.raw`
builtin('os', () => {
  const i = host.info();
  return {
    EOL: '\n', platform: () => 'linux', type: () => 'Linux', arch: () => 'x64', release: () => i.kernel, hostname: () => i.hostname,
    homedir: () => i.env.HOME || '/root', tmpdir: () => i.env.TMPDIR || '/tmp', endianness: () => 'LE', uptime: () => 1000 + Math.floor(process.uptime()),
    cpus: () => [0, 1].map(() => ({ model: 'Virtual CPU', speed: 2400, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } })),
    availableParallelism: () => 2,
    totalmem: () => 8 * 1024 * 1024 * 1024, freemem: () => 6 * 1024 * 1024 * 1024, loadavg: () => [0, 0, 0],
    networkInterfaces: () => ({ lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }] }),
    userInfo: () => ({ uid: i.uid, gid: i.gid, username: i.uid === 0 ? 'root' : 'node', homedir: i.env.HOME || '/', shell: '/bin/sh' }),
    constants: { signals: { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 } },
  };
});

builtin('querystring', () => {
  const unescape = (s) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; } };
  const escape = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const parse = (s, sep = '&', eq = '=') => {
    const out = Object.create(null);
    if (typeof s !== 'string' || s === '') return out;
    for (const part of s.split(sep)) {
      if (!part) continue;
      const i = part.indexOf(eq);
      const k = unescape(i < 0 ? part : part.slice(0, i)), v = i < 0 ? '' : unescape(part.slice(i + 1));
      if (k in out) out[k] = [].concat(out[k], v); else out[k] = v;
    }
    return out;
  };
  const stringify = (o, sep = '&', eq = '=') => Object.keys(o || {}).map((k) => [].concat(o[k]).map((v) => escape(k) + eq + escape(v === undefined || v === null ? '' : String(v))).join(sep)).filter(Boolean).join(sep);
  return { parse, stringify, decode: parse, encode: stringify, escape, unescape };
});

{
  const DEFAULT_PORTS = { 'http:': '80', 'https:': '443', 'ftp:': '21', 'ws:': '80', 'wss:': '443' };
  function invalid(input) { const e = new TypeError('Invalid URL'); e.code = 'ERR_INVALID_URL'; e.input = input; return e; }
  class URLSearchParams {
    constructor(init) {
      this._list = [];
      if (typeof init === 'string') { for (const part of init.replace(/^\?/, '').split('&')) { if (!part) continue; const i = part.indexOf('='); const d = (s) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; } }; this._list.push([d(i < 0 ? part : part.slice(0, i)), i < 0 ? '' : d(part.slice(i + 1))]); } }
      else if (init && typeof init === 'object') for (const [k, v] of (Symbol.iterator in init ? init : Object.entries(init))) this._list.push([String(k), String(v)]);
    }
    get size() { return this._list.length; }
    append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
    delete(k) { this._list = this._list.filter(([a]) => a !== k); this._update(); }
    get(k) { const e = this._list.find(([a]) => a === k); return e ? e[1] : null; }
    getAll(k) { return this._list.filter(([a]) => a === k).map(([, v]) => v); }
    has(k) { return this._list.some(([a]) => a === k); }
    set(k, v) { const i = this._list.findIndex(([a]) => a === k); if (i < 0) this._list.push([String(k), String(v)]); else { this._list[i][1] = String(v); this._list = this._list.filter(([a], j) => a !== k || j === i); } this._update(); }
    sort() { this._list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this._update(); }
    forEach(fn, self) { for (const [k, v] of this._list) fn.call(self, v, k, this); }
    keys() { return this._list.map(([k]) => k)[Symbol.iterator](); }
    values() { return this._list.map(([, v]) => v)[Symbol.iterator](); }
    entries() { return this._list.map((e) => e.slice())[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    toString() { const e = (s) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()); return this._list.map(([k, v]) => e(k) + '=' + e(v)).join('&'); }
    _update() { if (this._url) { const s = this.toString(); this._url._search = s ? '?' + s : ''; } }
    [Symbol.for('nodejs.util.inspect.custom')]() { return 'URLSearchParams {' + (this._list.length ? ' ' + this._list.map(([k, v]) => "'" + k + "' => '" + v + "'").join(', ') + ' ' : '') + '}'; }
  }
  class URL {
    constructor(input, base) {
      input = String(input).trim();
      const m = /^([A-Za-z][A-Za-z0-9+.-]*:)(.*)$/.exec(input);
      if (!m) {
        if (base === undefined) throw invalid(input);
        const b = base instanceof URL ? base : new URL(base);
        let path;
        if (input.startsWith('//')) return new URL(b.protocol + input);
        if (input.startsWith('/')) path = input;
        else if (input.startsWith('?') || input.startsWith('#') || input === '') path = b.pathname + (input.startsWith('#') ? b.search : '') + input;
        else path = b.pathname.replace(/[^/]*$/, '') + input;
        return new URL(b.protocol + (b.host || b.protocol === 'file:' ? '//' + b.host : '') + path);
      }
      this._protocol = m[1].toLowerCase();
      let rest = m[2];
      this._username = ''; this._password = ''; this._hostname = ''; this._port = '';
      const special = this._protocol in DEFAULT_PORTS || this._protocol === 'file:';
      if (rest.startsWith('//') || (special && rest.startsWith('/'))) {
        rest = rest.replace(/^\/+/, special ? '' : '').replace(/^\/\//, '');
        const end = rest.search(/[/?#]/);
        let auth = end < 0 ? rest : rest.slice(0, end);
        rest = end < 0 ? '' : rest.slice(end);
        const at = auth.lastIndexOf('@');
        if (at >= 0) { const cred = auth.slice(0, at); auth = auth.slice(at + 1); const c = cred.indexOf(':'); this._username = c < 0 ? cred : cred.slice(0, c); this._password = c < 0 ? '' : cred.slice(c + 1); }
        const pm = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(auth);
        if (!pm) throw invalid(input);
        this._hostname = pm[1].toLowerCase();
        this._port = pm[2] && DEFAULT_PORTS[this._protocol] !== pm[2] ? String(Number(pm[2])) : '';
        if (special && this._protocol !== 'file:' && !this._hostname) throw invalid(input);
        if (special && rest === '') rest = '/';
        else if (special && rest[0] !== '/') rest = '/' + rest;
      }
      const hash = rest.indexOf('#');
      this._hash = hash < 0 ? '' : rest.slice(hash);
      if (this._hash === '#') this._hash = '';
      if (hash >= 0) rest = rest.slice(0, hash);
      const q = rest.indexOf('?');
      this._search = q < 0 ? '' : rest.slice(q);
      if (this._search === '?') this._search = '';
      this._pathname = (q < 0 ? rest : rest.slice(0, q)).replace(/ /g, '%20');
      if (special) this._pathname = requireBuiltin('path').normalize(this._pathname).replace(/^\.$/, '/') || '/';
      this._params = null;
    }
    get protocol() { return this._protocol; } set protocol(v) { this._protocol = String(v).replace(/:?$/, ':'); }
    get username() { return this._username; } set username(v) { this._username = String(v); }
    get password() { return this._password; } set password(v) { this._password = String(v); }
    get hostname() { return this._hostname; } set hostname(v) { this._hostname = String(v); }
    get port() { return this._port; } set port(v) { this._port = String(v) === DEFAULT_PORTS[this._protocol] ? '' : String(v); }
    get host() { return this._hostname + (this._port ? ':' + this._port : ''); }
    set host(v) { const [h, p] = String(v).split(':'); this._hostname = h; this._port = p || ''; }
    get origin() { return this._protocol in DEFAULT_PORTS ? this._protocol + '//' + this.host : 'null'; }
    get pathname() { return this._pathname; } set pathname(v) { this._pathname = String(v).startsWith('/') ? String(v) : '/' + v; }
    get search() { return this._search; } set search(v) { v = String(v); this._search = v && !v.startsWith('?') ? '?' + v : v === '?' ? '' : v; this._params = null; }
    get hash() { return this._hash; } set hash(v) { v = String(v); this._hash = v && !v.startsWith('#') ? '#' + v : v; }
    get searchParams() { if (!this._params) { this._params = new URLSearchParams(this._search); this._params._url = this; } return this._params; }
    get href() {
      const auth = this._username ? this._username + (this._password ? ':' + this._password : '') + '@' : '';
      const slashes = this._protocol in DEFAULT_PORTS || this._protocol === 'file:' || this._hostname ? '//' : '';
      return this._protocol + slashes + auth + this.host + this._pathname + this._search + this._hash;
    }
    set href(v) { Object.assign(this, new URL(v)); }
    toString() { return this.href; }
    toJSON() { return this.href; }
    static canParse(u, b) { try { new URL(u, b); return true; } catch (e) { return false; } }
    [Symbol.for('nodejs.util.inspect.custom')]() {
      const f = (k, v) => '  ' + k + ': ' + "'" + v + "'";
      return 'URL {\n' + [f('href', this.href), f('origin', this.origin), f('protocol', this.protocol), f('username', this.username), f('password', this.password), f('host', this.host), f('hostname', this.hostname), f('port', this.port), f('pathname', this.pathname), f('search', this.search), '  searchParams: ' + this.searchParams[Symbol.for('nodejs.util.inspect.custom')](), f('hash', this.hash)].join(',\n') + '\n}';
    }
  }
  globalThis.URL = URL;
  globalThis.URLSearchParams = URLSearchParams;
  builtin('url', () => {
    const qs = requireBuiltin('querystring');
    return {
      URL, URLSearchParams,
      fileURLToPath: (u) => { const s = typeof u === 'string' ? new URL(u) : u; if (s.protocol !== 'file:') { const e = new TypeError('The URL must be of scheme file'); e.code = 'ERR_INVALID_URL_SCHEME'; throw e; } return decodeURIComponent(s.pathname); },
      pathToFileURL: (p) => new URL('file://' + requireBuiltin('path').resolve(p)),
      parse: (s, parseQuery) => {
        const m = /^(?:([a-z][a-z0-9+.-]*:)\/\/(?:([^@/]*)@)?([^:/?#]*)(?::(\d+))?)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(s) || [];
        const search = m[6] || null;
        return { protocol: m[1] || null, slashes: m[1] ? true : null, auth: m[2] || null, host: m[3] ? m[3] + (m[4] ? ':' + m[4] : '') : null, port: m[4] || null, hostname: m[3] || null, hash: m[7] || null, search, query: parseQuery ? qs.parse(search ? search.slice(1) : '') : search ? search.slice(1) : null, pathname: m[5] || (m[1] ? '/' : null), path: (m[5] || '') + (search || '') || null, href: s };
      },
      format: (u) => (u instanceof URL ? u.href : (u.protocol ? u.protocol + '//' : '') + (u.host || u.hostname || '') + (u.pathname || '') + (u.search || '')),
    };
  });
}

builtin('timers', () => ({ setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate }));
builtin('timers/promises', () => ({
  setTimeout: (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms)),
  setImmediate: (value) => new Promise((resolve) => setImmediate(() => resolve(value))),
  setInterval: async function* (ms, value) { for (;;) { await new Promise((r) => setTimeout(r, ms)); yield value; } },
}));

builtin('assert', () => {
  const util = requireBuiltin('util');
  class AssertionError extends Error { constructor(o) { super(o.message); this.name = 'AssertionError'; this.code = 'ERR_ASSERTION'; this.actual = o.actual; this.expected = o.expected; this.operator = o.operator; this.generatedMessage = !o.userMessage; } }
  const fail = (actual, expected, message, operator, dflt) => { if (message instanceof Error) throw message; throw new AssertionError({ message: message || dflt, actual, expected, operator, userMessage: !!message }); };
  const assert = (v, m) => { if (!v) fail(v, true, m, '==', 'The expression evaluated to a falsy value:\n\n  assert(' + util.inspect(v) + ')\n'); };
  assert.ok = assert;
  assert.equal = (a, b, m) => { if (a != b) fail(a, b, m, '==', util.inspect(a) + ' == ' + util.inspect(b)); };
  assert.notEqual = (a, b, m) => { if (a == b) fail(a, b, m, '!=', util.inspect(a) + ' != ' + util.inspect(b)); };
  assert.strictEqual = (a, b, m) => { if (!Object.is(a, b)) fail(a, b, m, 'strictEqual', 'Expected values to be strictly equal:\n\n' + util.inspect(a) + ' !== ' + util.inspect(b) + '\n'); };
  assert.notStrictEqual = (a, b, m) => { if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual', 'Expected "actual" to be strictly unequal to: ' + util.inspect(b)); };
  assert.deepStrictEqual = assert.deepEqual = (a, b, m) => { if (!util.isDeepStrictEqual(a, b)) fail(a, b, m, 'deepStrictEqual', 'Expected values to be strictly deep-equal:\n' + util.inspect(a) + '\n\nshould equal\n\n' + util.inspect(b)); };
  assert.throws = (fn, _e, m) => { try { fn(); } catch (e) { return; } fail(undefined, undefined, m, 'throws', 'Missing expected exception.'); };
  assert.rejects = async (p, _e, m) => { try { await (typeof p === 'function' ? p() : p); } catch (e) { return; } fail(undefined, undefined, m, 'rejects', 'Missing expected rejection.'); };
  assert.fail = (m) => fail(undefined, undefined, m, 'fail', 'Failed');
  assert.AssertionError = AssertionError;
  assert.strict = assert;
  return assert;
});

builtin('crypto', () => {
  const hex = (n) => { let s = ''; for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 256).toString(16).padStart(2, '0'); return s; };
  const randomBytes = (n, cb) => { const b = Buffer.from(hex(n), 'hex'); if (cb) { setImmediate(() => cb(null, b)); return undefined; } return b; };
  const randomUUID = () => { const h = hex(16); return h.slice(0, 8) + '-' + h.slice(8, 12) + '-4' + h.slice(13, 16) + '-' + ((parseInt(h[16], 16) & 3) | 8).toString(16) + h.slice(17, 20) + '-' + h.slice(20, 32); };
  const createHash = (alg) => { const chunks = []; return { update(d, e) { chunks.push(typeof d === 'string' ? Buffer.from(d, e) : Buffer.from(d)); return this; }, digest(e) { const b = Buffer.from(host.hash(String(alg), Buffer.concat(chunks))); return e ? b.toString(e) : b; } }; };
  const getRandomValues = (a) => { for (let i = 0; i < a.length; i++) a[i] = Math.floor(Math.random() * 256); return a; };
  globalThis.crypto = { randomUUID, getRandomValues, subtle: {} };
  return { randomBytes, randomUUID, createHash, getRandomValues, randomInt: (a, b) => (b === undefined ? Math.floor(Math.random() * a) : a + Math.floor(Math.random() * (b - a))), webcrypto: globalThis.crypto };
});
`;
