import { SERVER } from '../../../core/version-info.ts';
import { HttpServer } from '../../../network/http/serve.ts';
import { parseUrl } from '../../../network/http/url.ts';
import { NetError, netOf, type Listener } from '../../../network/socket.ts';
import type { Process, Program } from '../../process.ts';
import { openLog, type LogWriter } from '../log-target.ts';
import { accessLine } from './access-log.ts';
import { ConfError, parseConf, parseConfFile } from './conf-parser.ts';
import { readConf, type NginxConf } from './conf.ts';
import { ErrorLog } from './error-log.ts';
import { builtIn, handle, type NginxContext } from './handler.ts';

/**
 * nginx as the official images run it (`nginx -g 'daemon off;'`): reads /etc/nginx/nginx.conf and what it
 * includes, listens where the servers say, serves files and proxies, writes the access log in its log_format and
 * notices to the error log (both symlinked to the container's output in the images). SIGQUIT (the images'
 * STOPSIGNAL) is a graceful shutdown, SIGTERM and SIGINT a fast one; either way nginx exits 0.
 *
 * There is no process table to show, so the master is PID 1 (as in a container) and its workers take the PIDs a
 * fresh nginx container shows for them (29 on), one per CPU for `worker_processes auto`.
 */

const CONF = '/etc/nginx/nginx.conf';
/** The packages' compiled-in error log: where messages go before (and while) the configuration is read. */
const DEFAULT_ERROR_LOG = '/var/log/nginx/error.log';
const PID_FILE = '/run/nginx.pid';
const MASTER = 1;
const FIRST_WORKER = 29;
/** Docker Engine on Ubuntu gives containers containerd's unlimited-turned-1048576 open-file limit. */
const NOFILE = '1048576:1048576';

interface Options {
  test: boolean;
  dump: boolean;
  quiet: boolean;
  conf: string;
  globals: string;
  signal?: string;
}

export const nginx: Program = Object.assign(
  async (p: Process): Promise<number> => {
    const version = `nginx/${p.env.NGINX_VERSION || '1.27.5'}`;
    const parsed = parseArgs(p.argv.slice(1));
    if ('invalid' in parsed) {
      await p.stderr.write(`nginx: invalid option: "${parsed.invalid}"\n`);
      return 1;
    }
    if ('show' in parsed) {
      await p.stderr.write(`nginx version: ${version}\n`);
      if (parsed.show === 'Version') await p.stderr.write(buildInfo(p));
      if (parsed.show === 'help') await p.stderr.write(USAGE);
      return 0;
    }
    const o = parsed;
    const stderrLog: LogWriter = (t) => p.stderr.write(t);
    const errors = new ErrorLog(safeOpen(p, DEFAULT_ERROR_LOG) ?? stderrLog, 'notice', () => p.clock.now());
    const emerg = async (message: string) => {
      await errors.log('emerg', MASTER, message);
      await p.stderr.write(`nginx: [emerg] ${message}\n`);
    };

    if (o.signal !== undefined) return signalMaster(p, o.signal);

    let conf: NginxConf;
    try {
      const globals = o.globals ? parseConf(o.globals, 'command line') : [];
      conf = readConf(parseConfFile(p.fs, o.conf), globals);
      await resolveUpstreams(p, conf);
    } catch (e) {
      if (!(e instanceof ConfError)) throw e;
      await emerg(e.message);
      if (o.test) await p.stderr.write(`nginx: configuration file ${o.conf} test failed\n`);
      return 1;
    }
    if (o.test) {
      if (!o.quiet) await p.stderr.write(`nginx: the configuration file ${o.conf} syntax is ok\nnginx: configuration file ${o.conf} test is successful\n`);
      if (o.dump) await p.stdout.write(`# configuration file ${o.conf}:\n${p.fs.readText(o.conf)}\n`);
      return 0;
    }

    const errorLog = safeOpen(p, conf.errorLog.path);
    if (!errorLog) {
      await emerg(`open() "${conf.errorLog.path}" failed (2: No such file or directory)`);
      return 1;
    }
    const accessLogs = new Map<string, LogWriter>();
    for (const s of conf.servers) {
      for (const l of [s.fallback, ...s.locations]) {
        for (const a of l.accessLogs) {
          if (a.path === 'off' || accessLogs.has(a.path)) continue;
          const w = safeOpen(p, a.path);
          if (!w) {
            await emerg(`open() "${a.path}" failed (2: No such file or directory)`);
            return 1;
          }
          accessLogs.set(a.path, w);
        }
      }
    }

    // Without `daemon off;` the master forks into the background and the process started here returns at once:
    // in a container that ends PID 1, and with it the container.
    if (conf.daemon) return 0;

    const listeners = await bindAll(p, conf, errors);
    if (!listeners) return 1;
    errors.reopen(errorLog, conf.errorLog.level);

    const workers = conf.workerProcesses === 'auto' ? SERVER.cpus : conf.workerProcesses;
    const pids = Array.from({ length: workers }, (_, i) => FIRST_WORKER + i);
    const notice = (pid: number, m: string) => errors.log('notice', pid, m);
    await notice(MASTER, 'using the "epoll" event method');
    await notice(MASTER, version);
    await notice(MASTER, `built by ${compiler(p)} `);
    await notice(MASTER, `OS: Linux ${p.system.kernel?.release ?? SERVER.kernelVersion}`);
    await notice(MASTER, `getrlimit(RLIMIT_NOFILE): ${NOFILE}`);
    await notice(MASTER, 'start worker processes');
    for (const pid of pids) await notice(MASTER, `start worker process ${pid}`);
    writePid(p);

    const ctx: NginxContext = {
      fs: p.fs,
      conf,
      version,
      now: () => p.clock.now(),
      error: (m) => errors.log('error', pids[0]!, m),
      net: netOf(p),
    };
    const server = new HttpServer(listeners, {
      handle: (request, connection) => handle(ctx, request, connection),
      malformed: async () => builtIn(ctx, undefined, 400),
      sent: async (request, reply, connection) => {
        const s = conf.servers.find((x) => x.listens.some((l) => l.port === connection.local.port));
        for (const a of s?.fallback.accessLogs ?? []) {
          if (a.path === 'off') continue;
          const format = conf.logFormats.get(a.format) ?? conf.logFormats.get('combined')!;
          await accessLogs.get(a.path)?.(accessLine(format, request, reply, connection, p.clock.now()));
        }
      },
    });
    const serving = server.serve();

    const reason = await new Promise<string>((resolve) => {
      if (p.signal.aborted) resolve(String(p.signal.reason));
      else p.signal.addEventListener('abort', () => resolve(String(p.signal.reason)), { once: true });
    });
    const graceful = reason === 'SIGQUIT';
    const number = { SIGQUIT: 3, SIGTERM: 15, SIGINT: 2 }[reason] ?? 15;
    await notice(MASTER, `signal ${number} (${reason}) received, ${graceful ? 'shutting down' : 'exiting'}`);
    if (graceful) for (const pid of pids) await notice(pid, 'gracefully shutting down');
    server.stop(graceful);
    await serving;
    for (const pid of pids) await notice(pid, 'exiting');
    for (const pid of pids) await notice(pid, 'exit');
    for (const pid of [...pids].reverse()) {
      await notice(MASTER, `signal 17 (SIGCHLD) received from ${pid}`);
      await notice(MASTER, `worker process ${pid} exited with code 0`);
    }
    await notice(MASTER, 'exit');
    try {
      p.fs.rm(PID_FILE, { force: true });
    } catch {
      // A read-only /run keeps its file.
    }
    return 0;
  },
  { handledSignals: ['SIGQUIT', 'SIGTERM', 'SIGINT'] as const },
);

type Parsed = Options | { readonly show: 'version' | 'Version' | 'help' } | { readonly invalid: string };

/** nginx's own option parser: single-letter flags, which may be bundled (`-tq`); -c, -g, -p, -s take a value. */
function parseArgs(args: readonly string[]): Parsed {
  const o: Options = { test: false, dump: false, quiet: false, conf: CONF, globals: '' };
  let show: 'version' | 'Version' | 'help' | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) return { invalid: arg };
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      if (c === 'v') show ??= 'version';
      else if (c === 'V') show = 'Version';
      else if (c === 'h' || c === '?') show = 'help';
      else if (c === 't') o.test = true;
      else if (c === 'T') o.test = o.dump = true;
      else if (c === 'q') o.quiet = true;
      else if ('cgpes'.includes(c)) {
        const value = arg.slice(j + 1) || args[++i];
        if (value === undefined) return { invalid: `-${c}" requires ${c === 'g' ? 'directives' : c === 's' ? 'signal' : c === 'p' ? 'prefix' : 'file name'}` };
        if (c === 'c') o.conf = value;
        if (c === 'g') o.globals = value;
        if (c === 's') o.signal = value;
        break;
      } else return { invalid: arg.slice(j) };
    }
  }
  return show ? { show } : o;
}

/** Connection targets are resolved when the configuration is read: a name that does not resolve stops nginx. */
async function resolveUpstreams(p: Process, conf: NginxConf): Promise<void> {
  for (const s of conf.servers) {
    for (const l of s.locations) {
      if (!l.proxyPass || l.proxyPass.includes('$')) continue;
      const url = parseUrl(l.proxyPass);
      if (typeof url === 'string') throw new ConfError(`invalid URL prefix in ${l.proxyPassAt}`);
      try {
        await netOf(p).resolve(url.host);
      } catch (e) {
        if (!(e instanceof NetError)) throw e;
        throw new ConfError(`host not found in upstream "${url.host}${url.explicitPort ? `:${url.port}` : ''}" in ${l.proxyPassAt}`);
      }
    }
  }
}

/** bind() on each listen address; a port in use is retried five times, half a second apart, as nginx does. */
async function bindAll(p: Process, conf: NginxConf, errors: ErrorLog): Promise<Listener[] | null> {
  const wanted = new Map<string, { address: string; port: number }>();
  for (const s of conf.servers) for (const l of s.listens) wanted.set(`${l.address}:${l.port}`, l);
  const emerg = async (m: string) => {
    await errors.log('emerg', MASTER, m);
    await p.stderr.write(`nginx: [emerg] ${m}\n`);
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    const listeners: Listener[] = [];
    let busy = false;
    for (const { address, port } of wanted.values()) {
      try {
        listeners.push(netOf(p).listen(port, address));
      } catch (e) {
        if (!(e instanceof NetError)) throw e;
        for (const l of listeners) l.close();
        if (e.code === 'EADDRNOTAVAIL') {
          await emerg(`bind() to ${address}:${port} failed (99: Cannot assign requested address)`);
          return null;
        }
        await emerg(`bind() to ${address}:${port} failed (98: Address already in use)`);
        busy = true;
        break;
      }
    }
    if (!busy) return listeners;
    try {
      await p.clock.sleep(500, p.signal);
    } catch {
      return null;
    }
  }
  await emerg('still could not bind()');
  return null;
}

/** `nginx -s`: the master is found through its pid file; signals between processes are not simulated. */
async function signalMaster(p: Process, signal: string): Promise<number> {
  if (!['stop', 'quit', 'reopen', 'reload'].includes(signal)) {
    await p.stderr.write(`nginx: [emerg] invalid option: "-s ${signal}"\n`);
    return 1;
  }
  await p.stderr.write('nginx: [notice] signal process started\n');
  if (!p.fs.exists(PID_FILE)) {
    await p.stderr.write(`nginx: [error] open() "${PID_FILE}" failed (2: No such file or directory)\n`);
    return 1;
  }
  return 0;
}

function writePid(p: Process): void {
  try {
    p.fs.writeFile(PID_FILE, `${MASTER}\n`);
  } catch {
    // No /run (a trimmed image): nginx would complain; serving does not depend on it here.
  }
}

function safeOpen(p: Process, path: string): LogWriter | undefined {
  try {
    return openLog(p, path);
  } catch {
    return undefined;
  }
}

function compiler(p: Process): string {
  return p.fs.exists('/etc/alpine-release') ? 'gcc 14.2.0 (Alpine 14.2.0)' : 'gcc 12.2.0 (Debian 12.2.0-14)';
}

/** `nginx -V` after the version line; the configure arguments are the packages' main ones, not the full list. */
function buildInfo(p: Process): string {
  return (
    `built by ${compiler(p)} \n` +
    'built with OpenSSL 3.0.15 3 Sep 2024\n' +
    'TLS SNI support enabled\n' +
    'configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/run/nginx.pid --lock-path=/run/nginx.lock --user=nginx --group=nginx --with-compat --with-file-aio --with-threads --with-http_realip_module --with-http_ssl_module --with-http_stub_status_module --with-http_v2_module --with-stream\n'
  );
}

const USAGE = `Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

`;
