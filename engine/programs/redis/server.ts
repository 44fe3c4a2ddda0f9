/**
 * redis-server: reads its configuration, logs its start as Redis 7.4/8.0 do, loads what persistence left in its
 * `dir`, serves RESP on its port through the process's network namespace, and on SIGTERM/SIGINT or SHUTDOWN
 * saves as configured and exits 0.
 */
import { resolvePath } from '../../fs/path.ts';
import { FsError } from '../../fs/types.ts';
import { NetError, netOf, type Listener, type Socket } from '../../network/socket.ts';
import type { Process, Program } from '../process.ts';
import { ConfigError, loadConfig, parseServerArgs, RedisConfig } from './config.ts';
import { serveClient } from './connection.ts';
import { RedisInstance } from './instance.ts';
import { Logger } from './log.ts';
import { logo, moduleLines, OVERCOMMIT_WARNING, SERVER_USAGE } from './startup-text.ts';
import { redisBuild, serverVersionLine, type RedisBuild } from './version.ts';

async function main(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  const build = redisBuild(p);
  if (args[0] === '-v' || args[0] === '--version') {
    await p.stdout.write(serverVersionLine(build));
    return 0;
  }
  if (args[0] === '-h' || args[0] === '--help') {
    await p.stderr.write(SERVER_USAGE);
    return 1;
  }
  const log = new Logger(p.stdout, () => p.clock.now());
  const config = await readConfig(p, args, build, log);
  if (!config) return 1;

  await log.warning(OVERCOMMIT_WARNING);
  await log.notice('oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  await log.notice(`Redis version=${build.version}, bits=64, commit=00000000, modified=${build.modified}, pid=1, just started`);
  // The 8.0 image starts the server with its bundled modules configured, so it always reports a configuration.
  if (args.length === 0 && build.major < 8) await log.warning(`Warning: no config file specified, using the default config. In order to specify a config file use ${p.argv[0] ?? 'redis-server'} /path/to/redis.conf`);
  else await log.notice('Configuration loaded');
  log.role = 'M';

  const dir = resolvePath(p.cwd, config.get('dir')!);
  if (!p.fs.exists(dir) || p.fs.stat(dir).type !== 'dir') {
    await log.warning(`Can't chdir to '${config.get('dir')}': ${p.fs.exists(dir) ? 'Not a directory' : 'No such file or directory'}`);
    return 1;
  }
  config.apply('dir', [dir]);

  await log.notice('monotonic clock: POSIX clock_gettime');
  if (p.stdout.tty) await log.raw(logo(build, config.port));
  else await log.notice(`Running mode=standalone, port=${config.port}.`);
  const listeners = await listen(p, config, log);
  if (!listeners) return 1;
  if (build.major >= 8) for (const line of moduleLines(build.version)) await log.notice(line);
  await log.notice('Server initialized');

  const server = new RedisInstance({ fs: p.fs, clock: p.clock, config, build, log, dir, ...(p.system.kernel ? { hostKernel: p.system.kernel.release } : {}) });
  if (!(await server.loadData())) {
    for (const l of listeners) l.close();
    return 1;
  }
  await server.openAof();
  await log.notice('Ready to accept connections tcp');
  return serve(p, server, listeners);
}

async function readConfig(p: Process, args: readonly string[], build: RedisBuild, log: Logger): Promise<RedisConfig | undefined> {
  const parsed = parseServerArgs(args);
  const config = new RedisConfig();
  let text = '';
  if (parsed.configFile !== undefined) {
    const path = resolvePath(p.cwd, parsed.configFile);
    try {
      text = p.fs.readText(path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await log.warning(`Fatal error, can't open config file '${path}': ${e.text}`);
      return undefined;
    }
    config.configFile = path;
  }
  try {
    // As config.c: the file's text, a newline, then the options (which therefore start on line 2 without a file).
    loadConfig(config, [text, ...parsed.optionLines].join('\n'));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    await p.stderr.write(e.report(build.version));
    return undefined;
  }
  return config;
}

/** Binds each `bind` address (`*` is every IPv4 address; IPv6 ones and optional `-` ones are skipped). */
async function listen(p: Process, config: RedisConfig, log: Logger): Promise<Listener[] | undefined> {
  const addresses = (config.get('bind') ?? '*').split(/\s+/).filter((a) => a !== '' && !a.startsWith('-') && !a.includes(':'));
  const listeners: Listener[] = [];
  for (const address of addresses.length > 0 ? addresses : ['*']) {
    try {
      listeners.push(netOf(p).listen(config.port, address === '*' ? '0.0.0.0' : address));
    } catch (e) {
      if (!(e instanceof NetError)) throw e;
      const why = e.code === 'EADDRINUSE' ? 'Address already in use' : 'Cannot assign requested address';
      await log.warning(`Warning: Could not create server TCP listening socket ${address}:${config.port}: bind: ${why}`);
      await log.warning(`Failed listening on port ${config.port} (tcp), aborting.`);
      for (const l of listeners) l.close();
      return undefined;
    }
  }
  return listeners;
}

async function serve(p: Process, server: RedisInstance, listeners: Listener[]): Promise<number> {
  const sockets = new Set<Socket>();
  const stopped = new Promise<number>((resolve) => {
    server.onStop = resolve;
    const onAbort = () => {
      const reason = String(p.signal.reason);
      // SIGKILL cannot be handled: no log, no save.
      if (reason === 'SIGKILL') return resolve(137);
      void server.log.signal(reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
      server.shutdown('default');
    };
    if (p.signal.aborted) onAbort();
    else p.signal.addEventListener('abort', onAbort, { once: true });
  });
  for (const listener of listeners) {
    void (async () => {
      for (let s = await listener.accept(); s; s = await listener.accept()) {
        const socket = s;
        sockets.add(socket);
        void serveClient(server, socket).finally(() => sockets.delete(socket));
      }
    })();
  }
  const status = await stopped;
  for (const l of listeners) l.close();
  for (const s of sockets) s.close();
  await server.log.raw('');
  return status;
}

export const redisServer: Program = Object.assign((p: Process) => main(p), { handledSignals: ['SIGTERM', 'SIGINT'] as const });
