/**
 * Guest source of `process` and `console`. Writes go to the container's stdout/stderr through the host in order;
 * signal handlers are reported to the host so that PID 1 receives SIGTERM only once the app listens for it.
 */
export const PROCESS = String.raw`
const EventEmitter = requireBuiltin('events');
const process = new EventEmitter();
{
  const info = host.info();
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];
  function stream(fd) {
    const s = new EventEmitter();
    s.fd = fd;
    s.isTTY = info.tty[fd] || undefined;
    if (s.isTTY) { s.columns = info.columns; s.rows = info.rows; }
    s.writable = true;
    s.write = function (chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        const e = new TypeError('The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ' + (chunk === undefined ? 'undefined' : typeof chunk));
        e.code = 'ERR_INVALID_ARG_TYPE'; throw e;
      }
      host.write(fd, typeof chunk === 'string' && encoding && encoding !== 'utf8' ? Buffer.from(chunk, encoding) : chunk);
      if (cb) process.nextTick(cb);
      return true;
    };
    s.end = function (chunk, cb) { if (chunk && typeof chunk !== 'function') s.write(chunk); return s; };
    s.cork = s.uncork = () => {};
    s.hasColors = () => false;
    s.getColorDepth = () => 1;
    return s;
  }
  process.title = 'node';
  process.version = 'v' + info.version;
  process.versions = info.versions;
  process.arch = 'x64';
  process.platform = 'linux';
  process.release = { name: 'node', lts: info.lts, sourceUrl: '', headersUrl: '' };
  process.argv = info.argv;
  process.argv0 = 'node';
  process.execArgv = info.execArgv;
  process.execPath = info.execPath;
  process.env = info.env;
  process.pid = info.pid;
  process.ppid = 0;
  process.exitCode = undefined;
  process.config = { variables: {} };
  process.features = {};
  process.stdout = stream(1);
  process.stderr = stream(2);
  process.stdin = Object.assign(new EventEmitter(), { fd: 0, isTTY: info.tty[0] || undefined, setEncoding() { return this; }, resume() { return this; }, pause() { return this; }, setRawMode() { return this; } });
  process.cwd = () => host.cwd();
  process.chdir = (d) => host.chdir(String(d));
  process.umask = () => 0o22;
  process.getuid = process.geteuid = () => info.uid;
  process.getgid = process.getegid = () => info.gid;
  process.uptime = () => host.uptime();
  const hrtime = (prev) => {
    const ns = BigInt(Math.round(host.uptime() * 1e6)) * 1000n;
    let s = Number(ns / 1000000000n), n = Number(ns % 1000000000n);
    if (prev) { s -= prev[0]; n -= prev[1]; if (n < 0) { s--; n += 1e9; } }
    return [s, n];
  };
  hrtime.bigint = () => BigInt(Math.round(host.uptime() * 1e6)) * 1000n;
  process.hrtime = hrtime;
  process.memoryUsage = () => ({ rss: 45000000, heapTotal: 6000000, heapUsed: 4500000, external: 1500000, arrayBuffers: 10000 });
  process.cpuUsage = () => ({ user: 30000, system: 10000 });
  process.emitWarning = (w) => { host.write(2, '(node:' + info.pid + ') ' + (typeof w === 'string' ? 'Warning: ' + w : w.name + ': ' + w.message) + '\n'); };
  process.nextTick = function nextTick(fn, ...args) {
    if (typeof fn !== 'function') { const e = new TypeError('The "callback" argument must be of type function. Received ' + (fn === undefined ? 'undefined' : typeof fn)); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
    Promise.resolve().then(() => fn(...args));
  };
  process.exit = function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exiting) { process._exiting = true; process.emit('exit', process.exitCode === undefined ? 0 : Number(process.exitCode) | 0); }
    host.exit(process.exitCode === undefined ? 0 : Number(process.exitCode) | 0);
    throw new Error('process.exit');
  };
  process.kill = (pid, sig) => { host.kill(pid, sig || 'SIGTERM'); return true; };
  process.abort = () => host.exit(134);
  process.binding = (name) => host.binding(String(name));
  process.on('newListener', (type) => { if (SIGNALS.includes(type)) host.signal(type, true); });
  process.on('removeListener', (type) => { if (SIGNALS.includes(type) && process.listenerCount(type) === 0) host.signal(type, false); });
  globalThis.process = process;
}

// ---- console --------------------------------------------------------------------------------------------------------
{
  const util = requireBuiltin('util');
  const counts = new Map(), timers = new Map();
  let indent = '';
  const out = (fd) => (...args) => {
    let s = util.format(...args);
    if (indent) s = s.split('\n').map((l) => indent + l).join('\n');
    host.write(fd, s + '\n');
  };
  function table(data) {
    if (data === null || typeof data !== 'object') return out(1)(data);
    const rows = Object.keys(data);
    const cols = [];
    let hasValues = false;
    for (const r of rows) {
      const v = data[r];
      if (v !== null && typeof v === 'object') { for (const c of Object.keys(v)) if (!cols.includes(c)) cols.push(c); }
      else hasValues = true;
    }
    const fmt = (v) => (v === undefined ? '' : util.inspect(v, { depth: 1, breakLength: Infinity }));
    const header = ['(index)', ...cols, ...(hasValues ? ['Values'] : [])];
    const body = rows.map((r) => { const v = data[r]; const isObj = v !== null && typeof v === 'object'; return [r, ...cols.map((c) => (isObj && c in v ? fmt(v[c]) : '')), ...(hasValues ? [isObj ? '' : fmt(v)] : [])]; });
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)) + 2);
    const cell = (s, w) => { const l = Math.floor((w - s.length) / 2); return ' '.repeat(l) + s + ' '.repeat(w - s.length - l); };
    const line = (l, m, r) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
    const lines = [line('┌', '┬', '┐'), '│' + header.map((h, i) => cell(h, widths[i])).join('│') + '│', line('├', '┼', '┤'), ...body.map((b) => '│' + b.map((c, i) => cell(c, widths[i])).join('│') + '│'), line('└', '┴', '┘')];
    host.write(1, lines.join('\n') + '\n');
  }
  const console = {
    log: out(1), info: out(1), debug: out(1), error: out(2), warn: out(2), trace: (...a) => out(2)('Trace: ' + util.format(...a)),
    dir: (v, o) => host.write(1, util.inspect(v, o) + '\n'),
    table,
    assert: (ok, ...a) => { if (!ok) out(2)(a.length ? 'Assertion failed: ' + util.format(...a) : 'Assertion failed'); },
    count: (l = 'default') => { counts.set(l, (counts.get(l) || 0) + 1); out(1)(l + ': ' + counts.get(l)); },
    countReset: (l = 'default') => counts.delete(l),
    time: (l = 'default') => timers.set(l, performance.now()),
    timeEnd: (l = 'default') => { const t = timers.get(l); if (t !== undefined) { timers.delete(l); out(1)(l + ': ' + (performance.now() - t).toFixed(3) + 'ms'); } },
    timeLog: (l = 'default', ...a) => { const t = timers.get(l); if (t !== undefined) out(1)(l + ': ' + (performance.now() - t).toFixed(3) + 'ms', ...a); },
    group: (...a) => { if (a.length) out(1)(...a); indent += '  '; },
    groupEnd: () => { indent = indent.slice(2); },
  };
  console.groupCollapsed = console.group;
  globalThis.console = console;
  builtin('console', () => console);
}
`;
