/**
 * redis-cli: `redis-cli [-h host] [-p port] [-n db] [-a password] [-u uri] [--raw|--no-raw] [cmd [arg...]]`. With a
 * command it prints the reply and exits; without one it reads commands from stdin, showing the
 * `127.0.0.1:6379> ` prompt when stdin is a terminal. Replies print typed and quoted on a terminal, raw otherwise.
 */
import { NetError, netOf } from '../../network/socket.ts';
import type { Process, Program } from '../process.ts';
import { readLines, type Readable } from '../streams.ts';
import { RedisConnection, parseRedisUrl } from './client.ts';
import { formatRaw, formatTty } from './cli-format.ts';
import type { Reply } from './resp.ts';
import { splitArgs } from './split-args.ts';
import { redisBuild } from './version.ts';

interface Options {
  host: string;
  port: number;
  db: number;
  user?: string;
  password?: string;
  raw: boolean;
  authWarning: boolean;
  command: string[];
}

/** Commands redis-cli always prints raw: their replies are text meant to be read as is. */
function printsRaw(args: readonly string[]): boolean {
  const [c = '', sub = ''] = args.map((a) => a.toLowerCase());
  return c === 'info' || c === 'lolwut' || (c === 'client' && (sub === 'list' || sub === 'info')) || (c === 'memory' && (sub === 'doctor' || sub === 'malloc-stats'));
}

const HELP = (version: string) => `redis-cli ${version}
To get help about Redis commands type:
      "help @<group>" to get a list of commands in <group>
      "help <command>" for help on <command>
      "help <tab>" to get a list of possible help topics
      "quit" to exit

To set redis-cli preferences:
      ":set hints" enable online hints
      ":set nohints" disable online hints
Set your preferences in ~/.redisclirc
`;

function parseOptions(p: Process, args: readonly string[]): Options | string {
  const o: Options = { host: '127.0.0.1', port: 6379, db: 0, raw: !p.stdout.tty, authWarning: true, command: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    const last = i === args.length - 1;
    if (a === '-h' && !last) o.host = args[++i]!;
    else if (a === '-p' && !last) o.port = Number.parseInt(args[++i]!, 10) || 0;
    else if (a === '-n' && !last) o.db = Number.parseInt(args[++i]!, 10) || 0;
    else if ((a === '-a' || a === '--pass') && !last) o.password = args[++i]!;
    else if (a === '--user' && !last) o.user = args[++i]!;
    else if (a === '-u' && !last) {
      try {
        const u = parseRedisUrl(args[++i]!);
        Object.assign(o, { host: u.host, port: u.port, db: u.database }, u.password !== undefined ? { password: u.password } : {}, u.username ? { user: u.username } : {});
      } catch {
        return 'Invalid URI scheme\n';
      }
    } else if (a === '--raw') o.raw = true;
    else if (a === '--no-raw') o.raw = false;
    else if (a === '--no-auth-warning') o.authWarning = false;
    else if (a.startsWith('-') && a.length > 1) return `Unrecognized option or bad number of args for: '${a}'\n`;
    else break;
  }
  o.command = args.slice(i);
  return o;
}

/** hiredis's errstr for a failed connect: strerror, or gai_strerror (glibc's or musl's words) for a name. */
function connectError(p: Process, e: unknown): string {
  if (!(e instanceof NetError)) return e instanceof Error ? e.message : String(e);
  const musl = p.fs.exists('/etc/alpine-release');
  switch (e.code) {
    case 'ECONNREFUSED':
      return 'Connection refused';
    case 'ENOTFOUND':
      return musl ? 'Name does not resolve' : 'Name or service not known';
    case 'EAI_AGAIN':
      return musl ? 'Try again' : 'Temporary failure in name resolution';
    case 'ETIMEDOUT':
      return 'Connection timed out';
    case 'EHOSTUNREACH':
      return 'No route to host';
    case 'ENETUNREACH':
      return 'Network is unreachable';
    case 'ECONNRESET':
      return 'Connection reset by peer';
    default:
      return e.message;
  }
}

/** cliConnect: connect, AUTH, SELECT; prints why it failed and gives undefined. */
async function connect(p: Process, o: Options): Promise<RedisConnection | undefined> {
  let c: RedisConnection;
  try {
    c = await RedisConnection.connect(netOf(p), { host: o.host, port: o.port, database: 0 }, { signal: p.signal });
  } catch (e) {
    if (p.signal.aborted) throw e;
    await p.stderr.write(`Could not connect to Redis at ${o.host}:${o.port}: ${connectError(p, e)}\n`);
    return undefined;
  }
  try {
    if (o.password !== undefined) {
      const r = await c.call(o.user ? ['AUTH', o.user, o.password] : ['AUTH', o.password]);
      if (r.kind === 'error') {
        await p.stderr.write(`AUTH failed: ${r.text}\n`);
        c.close();
        return undefined;
      }
    }
    if (o.db !== 0) {
      const r = await c.call(['SELECT', String(o.db)]);
      if (r.kind === 'error') {
        await p.stderr.write(`SELECT ${o.db} failed: ${r.text}\n`);
        c.close();
        return undefined;
      }
    }
  } catch {
    c.close();
    return undefined;
  }
  return c;
}

function format(o: Options, args: readonly string[], r: Reply): string {
  if (printsRaw(args)) return `${formatRaw(r)}\n`;
  return o.raw ? `${formatRaw(r)}\n` : formatTty(r);
}

/** Sends one command; undefined when the connection is gone (the caller reports it). */
async function send(c: RedisConnection, args: readonly string[]): Promise<Reply | undefined> {
  try {
    return await c.call(args);
  } catch {
    return undefined;
  }
}

async function once(p: Process, o: Options): Promise<number> {
  const c = await connect(p, o);
  if (!c) return 1;
  const reply = await send(c, o.command);
  c.close();
  if (!reply) {
    if (o.command[0]?.toLowerCase() === 'shutdown') return 0;
    await p.stderr.write('Error: Server closed the connection\n');
    return 1;
  }
  await p.stdout.write(format(o, o.command, reply));
  return 0;
}

/** Ctrl-C at the prompt ends redis-cli even while it waits for a line. */
function interruptible(input: Readable, signal: AbortSignal): Readable {
  return {
    read: () =>
      new Promise((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason as Error);
        const onAbort = () => reject(signal.reason as Error);
        signal.addEventListener('abort', onAbort, { once: true });
        input.read().then(
          (chunk) => {
            signal.removeEventListener('abort', onAbort);
            resolve(chunk);
          },
          (e: unknown) => reject(e as Error),
        );
      }),
  };
}

async function repl(p: Process, o: Options): Promise<number> {
  const tty = p.stdin.tty !== undefined;
  const version = redisBuild(p).version;
  let c = await connect(p, o);
  let db = o.db;
  const prompt = () => (c ? `${o.host}:${o.port}${db !== 0 ? `[${db}]` : ''}> ` : 'not connected> ');
  if (tty) await p.stdout.write(prompt());
  for await (const line of readLines(interruptible(p.stdin, p.signal))) {
    const args = splitArgs(line);
    if (!args) await p.stdout.write('Invalid argument(s)\n');
    else if (args.length > 0) {
      const name = args[0]!.toLowerCase();
      if (name === 'quit' || name === 'exit') break;
      if (name === 'help' || name === '?') await p.stdout.write(HELP(version));
      else if (c && !c.isOpen) {
        // The server went away since the last command: hiredis finds out on this one, then redis-cli reconnects on the next.
        c = undefined;
        if (name !== 'shutdown') await p.stdout.write('Error: Server closed the connection\n');
      } else {
        c ??= await connect(p, { ...o, db });
        if (c) {
          const reply = await send(c, args);
          if (!reply) {
            c = undefined;
            if (name !== 'shutdown') await p.stdout.write('Error: Server closed the connection\n');
          } else {
            await p.stdout.write(format(o, args, reply));
            if (name === 'select' && args.length === 2 && reply.kind !== 'error') db = Number.parseInt(args[1]!, 10) || 0;
          }
        }
      }
    }
    if (tty) await p.stdout.write(prompt());
  }
  c?.close();
  return 0;
}

async function main(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  if (args[0] === '-v' || args[0] === '--version') {
    await p.stdout.write(`redis-cli ${redisBuild(p).version}\n`);
    return 0;
  }
  const o = parseOptions(p, args);
  if (typeof o === 'string') {
    await p.stderr.write(o);
    return 1;
  }
  if (o.password !== undefined && o.authWarning) await p.stderr.write("Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n");
  return o.command.length > 0 ? once(p, o) : repl(p, o);
}

export const redisCli: Program = (p) => main(p);
