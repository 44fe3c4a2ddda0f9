import { sha256Hex } from '../../core/ids.ts';
import { resolvePath } from '../../fs/path.ts';
import { FsError } from '../../fs/types.ts';
import { netOf, NetError, type Listener, type Socket } from '../../network/socket.ts';
import { exitStatusForSignal, SIGNAL_NUMBERS, type Process, type Program } from '../process.ts';
import { readLines } from '../streams.ts';
import { isDoc, type Doc } from './bson.ts';
import { CommandError } from './command-error.ts';
import { Databases } from './database.ts';
import { formatLogLine, type LogEntry } from './log.ts';
import { parseMongodArgs, type MongodOptions } from './mongod-options.ts';
import { DbPath } from './storage.ts';
import { installedMongodVersion, mongodBuild, type MongodBuild } from './version.ts';
import { decodeRequest, encodeReply } from './wire.ts';

/**
 * mongod: keeps its databases as files under --dbpath (read back at startup, rewritten as each write is
 * acknowledged), listens through the namespace's sockets, logs mongod 7/8's JSON lines on stdout, and stops cleanly on
 * SIGTERM/SIGINT. Whether data outlives a container therefore depends only on what is mounted at the dbpath.
 */

/** mongod's exit code for a failed start (ExitCode::kDBException... EXIT_UNCAUGHT is 100). */
const EXIT_FAILED_START = 100;
const EXIT_BADOPTIONS = 2;
/** In a container mongod is PID 1 once the entrypoint's `exec gosu` chain has run. */
const PID = 1;

const SIGNAL_TEXT: Record<string, string> = { SIGTERM: 'Terminated', SIGINT: 'Interrupt' };

export const mongod: Program = Object.assign(
  async (p: Process): Promise<number> => {
    const parsed = parseMongodArgs(p.argv.slice(1));
    if (!parsed.ok) {
      await p.stderr.write(`${parsed.error}\ntry '${p.argv[0] ?? 'mongod'} --help' for more information\n`);
      return EXIT_BADOPTIONS;
    }
    const build = mongodBuild(installedMongodVersion(p.fs));
    if (parsed.options.version) {
      await p.stdout.write(versionText(build));
      return 0;
    }
    if (parsed.options.help) {
      await p.stdout.write(`Options:\n\nGeneral options:\n  -h [ --help ]                         Show this usage information\n  --version                             Show version information\n  --quiet                               Quieter output\n  --port arg                            Specify port number - 27017 by default\n  --bind_ip arg                         Comma separated list of ip addresses to listen on - localhost by default\n  --bind_ip_all                         Bind to all ip addresses\n  --auth                                Run with security\n  --dbpath arg                          Directory for datafiles - defaults to /data/db\n`);
      return 0;
    }
    return new Mongod(p, parsed.options, build).run();
  },
  { handledSignals: ['SIGTERM', 'SIGINT'] as const },
);

function versionText(b: MongodBuild): string {
  const info = { version: b.version, gitVersion: b.gitVersion, openSSLVersion: b.openSSLVersion, modules: [], allocator: b.allocator, environment: { distmod: b.distmod, distarch: 'x86_64', target_arch: 'x86_64' } };
  return `db version v${b.version}\nBuild Info: ${JSON.stringify(info, null, 4)}\n`;
}

class Mongod {
  readonly #p: Process;
  readonly #o: MongodOptions;
  readonly #build: MongodBuild;
  readonly #dbpath: string;
  readonly #warnings: string[] = [];
  readonly #sockets = new Set<Socket>();
  #listeners: Listener[] = [];
  #connections = 0;
  #nextConnection = 1;
  #out: Promise<void> = Promise.resolve();

  constructor(p: Process, o: MongodOptions, build: MongodBuild) {
    this.#p = p;
    this.#o = o;
    this.#build = build;
    this.#dbpath = resolvePath(p.cwd, o.dbpath);
  }

  /** Writes one log line; lines are queued so they keep their order whatever awaits them. */
  #log(e: LogEntry): void {
    const line = formatLogLine(this.#p.clock.now(), e);
    if (e.tags?.includes('startupWarnings')) this.#warnings.push(line.trimEnd());
    this.#out = this.#out.then(() => this.#p.stdout.write(line)).catch(() => {});
  }

  async run(): Promise<number> {
    const p = this.#p;
    const o = this.#o;
    const b = this.#build;
    this.#log({ c: 'CONTROL', id: 23285, ctx: 'main', msg: "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'" });
    const wire = { minWireVersion: 0, maxWireVersion: b.maxWireVersion };
    this.#log({ c: 'NETWORK', id: 4915701, ctx: 'main', msg: 'Initialized wire specification', attr: { spec: { incomingExternalClient: wire, incomingInternalClient: wire, outgoing: { minWireVersion: 6, maxWireVersion: b.maxWireVersion }, isInternalClient: true } } });
    this.#log({ c: 'NETWORK', id: 4648601, ctx: 'main', msg: 'Implicit TCP FastOpen unavailable. If TCP FastOpen is required, set tcpFastOpenServer, tcpFastOpenClient, and tcpFastOpenQueueSize.' });
    this.#log({ c: 'CONTROL', id: 4615611, ctx: 'initandlisten', msg: 'MongoDB starting', attr: { pid: PID, port: o.port, dbPath: o.dbpath, architecture: '64-bit', host: p.system.hostname } });
    this.#log({ c: 'CONTROL', id: 23403, ctx: 'initandlisten', msg: 'Build Info', attr: { buildInfo: { version: b.version, gitVersion: b.gitVersion, openSSLVersion: b.openSSLVersion, modules: [], allocator: b.allocator, environment: { distmod: b.distmod, distarch: 'x86_64', target_arch: 'x86_64' } } } });
    this.#log({ c: 'CONTROL', id: 51765, ctx: 'initandlisten', msg: 'Operating System', attr: { os: b.os } });
    this.#log({ c: 'CONTROL', id: 21951, ctx: 'initandlisten', msg: 'Options set by command line', attr: { options: o.logged } });

    const suffix = BigInt('0x' + sha256Hex(`ident:${p.system.hostname}:${this.#dbpath}:${p.clock.now()}`).slice(0, 15)).toString();
    const dbpath = new DbPath(p.fs, this.#dbpath, suffix, () => p.clock.nowSeconds());
    const failure = this.#checkDbPath(dbpath);
    if (failure) return this.#failStart(failure);
    let unclean: boolean;
    try {
      unclean = dbpath.lock(PID).unclean;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      return this.#failStart(`IllegalOperation: Attempted to create a lock file on a read-only directory: ${this.#dbpath}`);
    }
    if (unclean) this.#log({ s: 'W', c: 'STORAGE', id: 22271, ctx: 'initandlisten', msg: 'Detected unclean shutdown - Lock file is not empty', attr: { lockFile: `${this.#dbpath}/mongod.lock` } });
    // The real configuration string is much longer (eviction, statistics, log compressor...).
    this.#log({ c: 'STORAGE', id: 22315, ctx: 'initandlisten', msg: 'Opening WiredTiger', attr: { config: 'create,cache_size=3456M,session_max=33000,eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,remove=true,path=journal,compressor=snappy),builtin_extension_config=(zstd=(compression_level=6)),file_manager=(close_idle_time=600,close_scan_interval=10,close_handle_minimum=2000),statistics_log=(wait=0),json_output=(error,message),verbose=[recovery_progress:1,checkpoint_progress:1,compact_progress:1,backup:0,checkpoint:0,compact:0,evict:0,history_store:0,recovery:0,rts:0,salvage:0,tiered:0,timestamp:0,transaction:0,verify:0,log:0],' } });
    const fresh = !dbpath.initialized;
    const dbs = new Databases(dbpath, { version: b.version, gitVersion: b.gitVersion, maxWireVersion: b.maxWireVersion, startupWarnings: () => this.#warnings }, () => p.clock.now(), (e) => this.#log(e), `${p.system.hostname}:${this.#dbpath}:${p.clock.now()}`);
    if (fresh) dbpath.create();
    else dbs.load();
    this.#log({ c: 'STORAGE', id: 4795906, ctx: 'initandlisten', msg: 'WiredTiger opened', attr: { durationMillis: fresh ? 312 : 187 } });
    if (!o.auth) this.#log({ s: 'W', c: 'CONTROL', id: 22120, ctx: 'initandlisten', msg: 'Access control is not enabled for the database. Read and write access to data and configuration is unrestricted', tags: ['startupWarnings'] });
    const loopbackOnly = !o.bindIpAll && o.bindIp.every((a) => a === '127.0.0.1' || a === 'localhost' || a === '::1');
    if (loopbackOnly) {
      this.#log({ s: 'W', c: 'CONTROL', id: 22140, ctx: 'initandlisten', msg: 'This server is bound to localhost. Remote systems will be unable to connect to this server. Start the server with --bind_ip <address> to specify which IP addresses it should serve responses from, or with --bind_ip_all to bind to all interfaces. If this behavior is desired, start the server with --bind_ip 127.0.0.1 to disable this warning', tags: ['startupWarnings'] });
    }
    if (fresh) dbs.bootstrap(b.fcv);
    dbs.recordStartup(p.system.hostname, p.clock.now(), p.argv);
    dbpath.startDiagnostics(p.clock.now());
    this.#log({ c: 'FTDC', id: 20625, ctx: 'initandlisten', msg: 'Initializing full-time diagnostic data capture', attr: { dataDirectory: `${this.#dbpath}/diagnostic.data` } });

    const addresses = o.bindIpAll ? ['0.0.0.0'] : o.bindIp.map((a) => (a === 'localhost' ? '127.0.0.1' : a));
    try {
      this.#listeners = addresses.map((a) => netOf(p).listen(o.port, a));
    } catch (e) {
      for (const l of this.#listeners) l.close();
      if (!(e instanceof NetError)) throw e;
      const error = e.code === 'EADDRINUSE' ? `Address already in use` : `Cannot assign requested address`;
      this.#log({ s: 'E', c: 'NETWORK', id: 23024, ctx: 'initandlisten', msg: 'Failed to set up listener', attr: { error: { code: 9001, codeName: 'SocketException', errmsg: error } } });
      dbpath.unlock();
      return this.#exitLines(48, 'initandlisten');
    }
    // The Unix socket is only logged: Dockyard's sockets are TCP.
    this.#log({ c: 'NETWORK', id: 23015, ctx: 'listener', msg: 'Listening on', attr: { address: `/tmp/mongodb-${o.port}.sock` } });
    for (const a of addresses) this.#log({ c: 'NETWORK', id: 23015, ctx: 'listener', msg: 'Listening on', attr: { address: a } });
    this.#log({ c: 'NETWORK', id: 23016, ctx: 'listener', msg: 'Waiting for connections', attr: { port: o.port, ssl: 'off' } });

    const signal = await this.#serve(dbs);
    if (signal === 'SIGKILL' || !(signal in SIGNAL_TEXT)) {
      // Killed: no shutdown, no flush; mongod.lock keeps its pid, so the next start notices.
      this.#closeAll();
      return exitStatusForSignal(signal);
    }
    return this.#shutdown(signal, dbpath);
  }

  /** Null when the dbpath can be used; else the DBException mongod terminates with. */
  #checkDbPath(_dbpath: DbPath): string | null {
    let st;
    try {
      st = this.#p.fs.stat(this.#dbpath);
    } catch {
      st = undefined;
    }
    if (!st || st.type !== 'dir') {
      return `NonExistentPath: Data directory ${this.#dbpath} not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file.`;
    }
    return null;
  }

  async #failStart(error: string): Promise<number> {
    this.#log({ s: 'E', c: 'CONTROL', id: 20557, ctx: 'initandlisten', msg: 'DBException in initAndListen, terminating', attr: { error } });
    return this.#exitLines(EXIT_FAILED_START, 'initandlisten');
  }

  async #exitLines(exitCode: number, ctx: string): Promise<number> {
    this.#log({ c: 'CONTROL', id: 20565, ctx, msg: 'Now exiting' });
    this.#log({ c: 'CONTROL', id: 23138, ctx, msg: 'Shutting down', attr: { exitCode } });
    await this.#out;
    return exitCode;
  }

  /** Accepts connections until a signal arrives; resolves to the signal's name. */
  #serve(dbs: Databases): Promise<string> {
    const signal = this.#p.signal;
    for (const l of this.#listeners) void this.#acceptLoop(l, dbs);
    return new Promise((resolve) => {
      const done = () => resolve(String(signal.reason));
      if (signal.aborted) done();
      else signal.addEventListener('abort', done, { once: true });
    });
  }

  async #acceptLoop(listener: Listener, dbs: Databases): Promise<void> {
    for (let s = await listener.accept(); s; s = await listener.accept()) void this.#connection(s, dbs);
  }

  async #connection(socket: Socket, dbs: Databases): Promise<void> {
    const id = this.#nextConnection++;
    this.#connections++;
    this.#sockets.add(socket);
    const remote = `${socket.remote.address}:${socket.remote.port}`;
    const h = sha256Hex(`conn:${this.#p.system.hostname}:${id}:${this.#p.clock.now()}`);
    const uuid = { uuid: { $uuid: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}` } };
    const ctx = `conn${id}`;
    if (!this.#o.quiet) this.#log({ c: 'NETWORK', id: 22943, ctx: 'listener', msg: 'Connection accepted', attr: { remote, isLoadBalanced: false, uuid, connectionId: id, connectionCount: this.#connections } });
    let greeted = false;
    try {
      for await (const line of readLines(socket.input)) {
        if (line.trim() === '') continue;
        let request;
        try {
          request = decodeRequest(line);
        } catch {
          // Not our protocol (an HTTP client on the MongoDB port): a real server drops it too.
          break;
        }
        if (!greeted && isDoc(request.command.client)) {
          greeted = true;
          if (!this.#o.quiet) this.#log({ c: 'NETWORK', id: 51800, ctx, msg: 'client metadata', attr: { remote, client: ctx, negotiatedCompressors: [], doc: request.command.client } });
        }
        let reply: Doc;
        try {
          const { client: _client, ...command } = request.command;
          reply = dbs.run(request.db, command, ctx);
          if ('isWritablePrimary' in reply) reply = { ...reply, connectionId: id };
        } catch (e) {
          if (!(e instanceof CommandError)) throw e;
          reply = e.reply();
        }
        await socket.output.write(encodeReply({ responseTo: request.requestID, reply }));
      }
    } catch {
      // The peer went away mid-reply: the connection just ends.
    } finally {
      this.#sockets.delete(socket);
      socket.close();
      this.#connections--;
      if (!this.#o.quiet) this.#log({ c: 'NETWORK', id: 22944, ctx, msg: 'Connection ended', attr: { remote, isLoadBalanced: false, uuid, connectionId: id, connectionCount: this.#connections } });
    }
  }

  #closeAll(): void {
    for (const l of this.#listeners) l.close();
    for (const s of this.#sockets) s.close();
  }

  /** The clean shutdown a handled SIGTERM/SIGINT starts (abridged: the real server logs some sixty steps). */
  async #shutdown(signal: string, dbpath: DbPath): Promise<number> {
    const ctx = 'SignalHandler';
    this.#log({ c: 'CONTROL', id: 23377, ctx, msg: 'Received signal', attr: { signal: SIGNAL_NUMBERS[signal], error: SIGNAL_TEXT[signal] } });
    if (signal === 'SIGTERM') this.#log({ c: 'CONTROL', id: 23378, ctx, msg: 'Signal was sent by kill(2)', attr: { pid: 0, uid: 0 } });
    this.#log({ c: 'CONTROL', id: 23381, ctx, msg: 'will terminate after current cmd ends' });
    this.#log({ c: 'REPL', id: 4784900, ctx, msg: 'Stepping down the ReplicationCoordinator for shutdown', attr: { waitTimeMillis: 15000 } });
    this.#log({ c: 'REPL', id: 4794602, ctx, msg: 'Attempting to enter quiesce mode' });
    this.#log({ c: 'COMMAND', id: 4784901, ctx, msg: 'Shutting down the MirrorMaestro' });
    this.#log({ c: 'CONTROL', id: 4784903, ctx, msg: 'Shutting down the LogicalSessionCache' });
    this.#log({ c: 'NETWORK', id: 20562, ctx, msg: 'Shutdown: going to close listening sockets' });
    this.#log({ c: 'NETWORK', id: 23017, ctx: 'listener', msg: 'removing socket file', attr: { path: `/tmp/mongodb-${this.#o.port}.sock` } });
    this.#closeAll();
    this.#log({ c: 'NETWORK', id: 4784905, ctx, msg: 'Shutting down the global connection pool' });
    this.#log({ c: 'REPL', id: 4784909, ctx, msg: 'Shutting down the ReplicationCoordinator' });
    this.#log({ c: '-', id: 4784912, ctx, msg: 'Killing all operations for shutdown' });
    this.#log({ c: 'REPL', id: 4784917, ctx, msg: 'Attempting to mark clean shutdown' });
    this.#log({ c: 'STORAGE', id: 22261, ctx, msg: 'Timestamp monitor shutting down' });
    this.#log({ c: 'STORAGE', id: 22317, ctx, msg: 'WiredTigerKVEngine shutting down' });
    this.#log({ c: 'STORAGE', id: 22318, ctx, msg: 'Shutting down session sweeper thread' });
    this.#log({ c: 'STORAGE', id: 22319, ctx, msg: 'Finished shutting down session sweeper thread' });
    this.#log({ c: 'STORAGE', id: 22322, ctx, msg: 'Shutting down checkpoint thread' });
    this.#log({ c: 'STORAGE', id: 22323, ctx, msg: 'Finished shutting down checkpoint thread' });
    this.#log({ c: 'STORAGE', id: 4795902, ctx, msg: 'Closing WiredTiger', attr: { closeConfig: 'leak_memory=true,use_timestamp=false,' } });
    this.#log({ c: 'STORAGE', id: 4795901, ctx, msg: 'WiredTiger closed', attr: { durationMillis: 21 } });
    this.#log({ c: 'STORAGE', id: 22279, ctx, msg: 'shutdown: removing fs lock...' });
    try {
      dbpath.unlock();
    } catch {
      // A volume gone read-only: the lock just stays.
    }
    this.#log({ c: '-', id: 4784931, ctx, msg: 'Dropping the scope cache for shutdown' });
    return this.#exitLines(0, ctx);
  }
}
