/**
 * Guest source of `fs` (sync, callback and promises forms of the common calls) over the container's filesystem.
 * The host does each operation and throws Node's error objects (`ENOENT: no such file or directory, open '/x'`).
 */
export const FS = String.raw`
builtin('fs', function () {
  const fs = {};
  const toPath = (p) => { if (p instanceof URL) return decodeURIComponent(p.pathname); if (Buffer.isBuffer(p)) return p.toString(); if (typeof p !== 'string') { const e = new TypeError('The "path" argument must be of type string or an instance of Buffer or URL. Received ' + (p === undefined ? 'undefined' : typeof p)); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; } return p; };
  const enc = (o) => (typeof o === 'string' ? o : o && o.encoding) || null;
  class Stats {
    constructor(s) { Object.assign(this, s); const d = (ms) => new Date(ms); this.atime = d(s.atimeMs); this.mtime = d(s.mtimeMs); this.ctime = d(s.ctimeMs); this.birthtime = d(s.birthtimeMs); }
    isFile() { return this._type === 'file'; }
    isDirectory() { return this._type === 'dir'; }
    isSymbolicLink() { return this._type === 'symlink'; }
    isFIFO() { return false; } isSocket() { return false; } isBlockDevice() { return false; } isCharacterDevice() { return false; }
  }
  Object.defineProperty(Stats.prototype, '_type', { writable: true, enumerable: false, value: undefined });
  const stats = (s) => { const t = s._type; delete s._type; const st = new Stats(s); Object.defineProperty(st, '_type', { value: t }); return st; };
  class Dirent {
    constructor(name, type, dir) { this.name = name; this.parentPath = dir; this.path = dir; Object.defineProperty(this, '_type', { value: type }); }
    isFile() { return this._type === 'file'; } isDirectory() { return this._type === 'dir'; } isSymbolicLink() { return this._type === 'symlink'; }
  }
  const sync = {
    readFileSync(p, o) { const b = Buffer.from(host.fs('readFile', toPath(p))); const e = enc(o); return e ? b.toString(e) : b; },
    writeFileSync(p, data, o) { host.fs('writeFile', toPath(p), typeof data === 'string' ? Buffer.from(data, enc(o) || 'utf8') : data, !!(o && o.flag && o.flag[0] === 'a')); },
    appendFileSync(p, data, o) { host.fs('writeFile', toPath(p), typeof data === 'string' ? Buffer.from(data, enc(o) || 'utf8') : data, true); },
    existsSync(p) { try { return host.fs('exists', toPath(p)); } catch (e) { return false; } },
    statSync(p, o) { try { return stats(host.fs('stat', toPath(p))); } catch (e) { if (o && o.throwIfNoEntry === false && e.code === 'ENOENT') return undefined; throw e; } },
    lstatSync(p) { return stats(host.fs('lstat', toPath(p))); },
    readdirSync(p, o) { const dir = toPath(p); const names = host.fs('readdir', dir); return o && o.withFileTypes ? names.map((n) => new Dirent(n, host.fs('lstat', dir.replace(/\/$/, '') + '/' + n)._type, dir)) : names; },
    mkdirSync(p, o) { return host.fs('mkdir', toPath(p), !!(o && (o === true || o.recursive))); },
    rmSync(p, o) { host.fs('rm', toPath(p), !!(o && o.recursive), !!(o && o.force)); },
    rmdirSync(p, o) { host.fs('rmdir', toPath(p), !!(o && o.recursive)); },
    unlinkSync(p) { host.fs('unlink', toPath(p)); },
    renameSync(a, b) { host.fs('rename', toPath(a), toPath(b)); },
    copyFileSync(a, b) { host.fs('copyFile', toPath(a), toPath(b)); },
    cpSync(a, b) { host.fs('copyFile', toPath(a), toPath(b)); },
    realpathSync(p) { return host.fs('realpath', toPath(p)); },
    accessSync(p, mode) { host.fs('access', toPath(p), mode || 0); },
    symlinkSync(t, p) { host.fs('symlink', String(t), toPath(p)); },
    readlinkSync(p) { return host.fs('readlink', toPath(p)); },
    chmodSync(p, m) { host.fs('chmod', toPath(p), typeof m === 'string' ? parseInt(m, 8) : m); },
    utimesSync() {},
    mkdtempSync(prefix) { let n = 0; for (;;) { const p = prefix + Math.random().toString(36).slice(2, 8); if (!sync.existsSync(p)) { host.fs('mkdir', p, false); return p; } if (++n > 100) break; } },
    openSync(p) { host.fs('readFile', toPath(p)); return 20; },
    closeSync() {},
  };
  sync.realpathSync.native = sync.realpathSync;
  Object.assign(fs, sync);
  const async = (name) => function (...args) {
    const cb = args.pop();
    if (typeof cb !== 'function') { const e = new TypeError('The "cb" argument must be of type function. Received ' + (cb === undefined ? 'undefined' : typeof cb)); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
    let value, error = null;
    try { value = sync[name](...args); } catch (e) { error = e; }
    setImmediate(() => (name === 'existsSync' ? cb(value) : cb(error, value)));
  };
  const promises = {};
  for (const name of Object.keys(sync)) {
    const base = name.replace(/Sync$/, '');
    fs[base] = async(name);
    if (name !== 'existsSync') promises[base] = (...args) => new Promise((resolve, reject) => { try { resolve(sync[name](...args)); } catch (e) { reject(e); } });
  }
  fs.exists = function (p, cb) { const v = sync.existsSync(p); setImmediate(() => cb(v)); };
  fs.promises = promises;
  fs.Stats = Stats;
  fs.Dirent = Dirent;
  fs.constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, COPYFILE_EXCL: 1 };
  Object.assign(fs, fs.constants);
  fs.createReadStream = function (p, o) {
    const { Readable } = requireBuiltin('stream');
    const r = new Readable();
    r.path = toPath(p);
    setImmediate(() => { try { const data = sync.readFileSync(p); const e = enc(o); r.push(e ? data.toString(e) : data); r.push(null); } catch (e) { r.destroy(e); } });
    return r;
  };
  fs.createWriteStream = function (p, o) {
    const { Writable } = requireBuiltin('stream');
    const path = toPath(p);
    if (!(o && o.flags && o.flags[0] === 'a')) sync.writeFileSync(path, '');
    const w = new Writable({ write(chunk, e, cb) { try { sync.appendFileSync(path, chunk); cb(); } catch (x) { cb(x); } } });
    w.path = path;
    return w;
  };
  fs.watch = fs.watchFile = () => new (requireBuiltin('events'))();
  fs.unwatchFile = () => {};
  return fs;
});
builtin('fs/promises', () => requireBuiltin('fs').promises);
`;
