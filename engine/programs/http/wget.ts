import { BufferedReader } from '../../network/http/buffered-reader.ts';
import { formatRequestHead, messageBytes } from '../../network/http/format.ts';
import { headerValue, type ResponseHead } from '../../network/http/message.ts';
import { readBody, readResponseHead, responseFraming } from '../../network/http/parse.ts';
import { hostHeader, parseUrl, resolveLocation, type HttpUrl } from '../../network/http/url.ts';
import { NetError, netOf, type Socket } from '../../network/socket.ts';
import { resolvePath } from '../../fs/path.ts';
import { exitStatusForSignal, type Process, type Program } from '../process.ts';

/**
 * BusyBox's wget applet (networking/wget.c): `wget [-q] [-O file] [-S] [--spider] [-T sec] URL`, its messages on
 * stderr (`Connecting to host:port (addr:port)`, `saving to '...'`, the progress bar, `'...' saved`) and its
 * failures (`bad address`, `can't connect to remote host`, `server returned error`), each exiting 1.
 */

class WgetError extends Error {}

interface Options {
  quiet: boolean;
  output?: string;
  serverResponse: boolean;
  spider: boolean;
  timeoutSec: number;
  userAgent: string;
  headers: string[];
  url?: string;
}

const USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	--post-data STR	Send STR using POST method
	--post-file FILE	Send FILE using POST method
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`;

export const wget: Program = async (p) => {
  const o = parse(p.argv.slice(1));
  if (!o || o.url === undefined) {
    await p.stderr.write(USAGE);
    return 1;
  }
  const say = (text: string) => (o.quiet ? Promise.resolve() : p.stderr.write(text));
  try {
    let url = checkUrl(o.url);
    for (let redirects = 0; ; redirects++) {
      const { head, body } = await fetchOnce(p, o, url, say);
      const location = headerValue(head.headers, 'Location');
      if (head.status >= 300 && head.status < 400 && location !== undefined) {
        if (redirects >= 20) throw new WgetError('too many redirections');
        const next = resolveLocation(url, location);
        if (typeof next === 'string') throw new WgetError(`bad address '${location}'`);
        url = next;
        continue;
      }
      if (head.status !== 200 && head.status !== 204 && head.status !== 206) throw new WgetError(`server returned error: ${head.version} ${head.status} ${head.reason}`.trimEnd());
      if (o.spider) {
        await say('remote file exists\n');
        return 0;
      }
      await save(p, o, url, body.bytes, say);
      return 0;
    }
  } catch (e) {
    if (p.signal.aborted) return exitStatusForSignal(p.signal.reason);
    if (!(e instanceof WgetError)) throw e;
    await p.stderr.write(`wget: ${e.message}\n`);
    return 1;
  }
};

function parse(args: readonly string[]): Options | null {
  const o: Options = { quiet: false, serverResponse: false, spider: false, timeoutSec: 900, userAgent: 'Wget', headers: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => args[++i];
    if (a === '--spider') o.spider = true;
    else if (a === '--header') o.headers.push(value() ?? '');
    else if (a === '--output-document') o.output = value();
    else if (a === '--timeout') o.timeoutSec = Number(value());
    else if (a === '--user-agent') o.userAgent = value() ?? 'Wget';
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--server-response') o.serverResponse = true;
    else if (a.startsWith('--')) return null;
    else if (a.startsWith('-') && a.length > 1) {
      // getopt: short options cluster (`-qO-`); one that takes a value takes the rest of the word or the next one.
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if ('OTUoPY'.includes(c)) {
          const v = k + 1 < a.length ? a.slice(k + 1) : value();
          if (v === undefined) return null;
          if (c === 'O') o.output = v;
          else if (c === 'T') o.timeoutSec = Number(v);
          else if (c === 'U') o.userAgent = v;
          break;
        }
        if (c === 'q') o.quiet = true;
        else if (c === 'S') o.serverResponse = true;
        else if (c !== 'c') return null;
      }
    } else o.url = a;
  }
  return o;
}

function checkUrl(text: string): HttpUrl {
  const url = parseUrl(text);
  if (typeof url === 'string') throw new WgetError(`bad address '${text}'`);
  if (url.scheme !== 'http' && url.scheme !== 'https') throw new WgetError(`not an http or ftp url: ${text}`);
  return url;
}

async function fetchOnce(p: Process, o: Options, url: HttpUrl, say: (t: string) => Promise<void>): Promise<{ head: ResponseHead; body: { bytes: Uint8Array } }> {
  const net = netOf(p);
  let address: string;
  try {
    address = (await net.resolve(url.host))[0]!;
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    throw new WgetError(`bad address '${url.host}'`);
  }
  await say(`Connecting to ${hostHeader(url)} (${address}:${url.port})\n`);
  const socket = await timed(p, o, (signal) => net.connect(address, url.port, { signal })).catch((e: unknown) => {
    if (e instanceof WgetError) throw e;
    if (!(e instanceof NetError)) throw e;
    throw new WgetError(`can't connect to remote host (${address}): ${ERRNO_TEXT[e.code] ?? 'Connection refused'}`);
  });
  try {
    if (url.scheme === 'https') throw new WgetError('error getting response: Connection reset by peer');
    const head = formatRequestHead({ method: o.spider ? 'HEAD' : 'GET', target: url.target, version: 'HTTP/1.1', headers: [['Host', hostHeader(url)], ['User-Agent', o.userAgent], ['Connection', 'close'], ...o.headers.map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()] as const)] });
    await socket.output.write(messageBytes(head, new Uint8Array(0)));
    return await timed(p, o, () => receive(socket, o, say));
  } finally {
    socket.close();
  }
}

async function receive(socket: Socket, o: Options, say: (t: string) => Promise<void>): Promise<{ head: ResponseHead; body: { bytes: Uint8Array } }> {
  const reader = new BufferedReader(socket.input);
  let head: ResponseHead | null;
  try {
    head = await readResponseHead(reader);
  } catch {
    throw new WgetError('server returned error: malformed response');
  }
  if (!head) throw new WgetError('error getting response');
  if (o.serverResponse) await say([`${head.version} ${head.status} ${head.reason}`.trimEnd(), ...head.headers.map(([n, v]) => `${n}: ${v}`)].map((l) => `  ${l}\n`).join(''));
  const body = await readBody(reader, responseFraming(head, o.spider ? 'HEAD' : 'GET'));
  return { head, body };
}

const ERRNO_TEXT: Partial<Record<string, string>> = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
};

/** -T: BusyBox gives up on a stalled connect or read with "download timed out". */
async function timed<T>(p: Process, o: Options, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const relay = () => abort.abort(p.signal.reason);
  p.signal.addEventListener('abort', relay, { once: true });
  let cancel = () => {};
  const timeout = new Promise<never>((_, reject) => {
    cancel = p.clock.after(o.timeoutSec * 1000, () => {
      abort.abort('timeout');
      reject(new WgetError('download timed out'));
    });
  });
  const interrupted = new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => p.signal.aborted && reject(p.signal.reason), { once: true }));
  try {
    return await Promise.race([work(abort.signal), timeout, interrupted]);
  } finally {
    cancel();
    p.signal.removeEventListener('abort', relay);
  }
}

async function save(p: Process, o: Options, url: HttpUrl, bytes: Uint8Array, say: (t: string) => Promise<void>): Promise<void> {
  const toStdout = o.output === '-';
  const name = o.output ?? (url.target.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
  if (toStdout) await say('writing to stdout\n');
  else {
    const path = resolvePath(p.cwd, name);
    // Without -O BusyBox opens with O_EXCL: an existing file is not overwritten.
    if (o.output === undefined && p.fs.exists(path)) throw new WgetError(`can't open '${name}': File exists`);
    try {
      p.fs.writeFile(path, bytes);
    } catch {
      throw new WgetError(`can't open '${name}': No such file or directory`);
    }
    await say(`saving to '${name}'\n`);
  }
  if (toStdout) await p.stdout.write(bytes);
  await say(`${progressBar(toStdout ? '-' : name, bytes.length)}\n`);
  await say(toStdout ? 'written to stdout\n' : `'${name}' saved\n`);
}

/** The finished bar: the name in 20 columns, 100%, 32 stars, the size and the ETA column. */
function progressBar(name: string, size: number): string {
  let n = size;
  let unit = 0;
  while (n >= 100_000) {
    n = Math.floor(n / 1024);
    unit++;
  }
  return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${String(n).padStart(5)}${' kMGTPEZY'[unit]} 0:00:00 ETA`;
}
