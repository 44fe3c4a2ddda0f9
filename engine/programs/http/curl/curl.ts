import { BufferedReader } from '../../../network/http/buffered-reader.ts';
import { formatRequestHead, messageBytes } from '../../../network/http/format.ts';
import { headerValue, utf8, type Header, type ResponseHead } from '../../../network/http/message.ts';
import { HttpParseError, readBody, readResponseHead, responseFraming } from '../../../network/http/parse.ts';
import { hostHeader, parseUrl, resolveLocation, type HttpUrl } from '../../../network/http/url.ts';
import { NetError, netOf, type Socket } from '../../../network/socket.ts';
import { dirname, resolvePath } from '../../../fs/path.ts';
import { exitStatusForSignal, type Process, type Program } from '../../process.ts';
import { parseCurlArgs, type CurlArgs } from './args.ts';
import { METER_HEADER, meterLine } from './progress.ts';
import { curlVersion, isCurl8 } from './version.ts';
import { writeOut, type TransferInfo } from './write-out.ts';

/**
 * curl for HTTP: one request per URL (following redirects with -L), the body to stdout or a file, curl's error
 * texts and exit codes (6 resolve, 7 connect, 22 -f, 28 timeouts, 52 empty reply, 56 reset, 18 short body), the
 * progress meter on stderr when the body does not go to a terminal, -v's `*`, `>` and `<` lines.
 */

/** A failed transfer: curl's exit code and the text after `curl: (N) `. */
class CurlError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const CONNECT_ERRNO_TEXT: Partial<Record<string, string>> = {
  ECONNREFUSED: 'Connection refused',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  ETIMEDOUT: 'Connection timed out',
};

interface Transfer {
  readonly p: Process;
  readonly a: CurlArgs;
  readonly version: string;
  readonly started: number;
  /** The meter is on: stderr gets its header and lines. */
  readonly meter: boolean;
  info: Partial<Omit<TransferInfo, 'exitCode' | 'errorMessage'>>;
  /** Bytes of the body written so far (for timeouts' "with N bytes received"). */
  received: number;
  expected?: number;
  connected: boolean;
}

export const curl: Program = async (p) => {
  const parsed = parseCurlArgs(p.argv.slice(1));
  const version = curlVersion(p);
  if ('error' in parsed) {
    await p.stderr.write(`curl: ${parsed.error}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return parsed.code;
  }
  const a = parsed;
  if (a.version) {
    await p.stdout.write(`curl ${version} (x86_64-pc-linux-gnu) libcurl/${version} OpenSSL/3.0.16 zlib/1.3.1\nRelease-Date: [unreleased]\nProtocols: dict file ftp ftps gopher gophers http https imap imaps mqtt pop3 pop3s rtsp smb smbs smtp smtps telnet tftp\nFeatures: alt-svc AsynchDNS HSTS HTTPS-proxy IPv6 Largefile libz NTLM SSL threadsafe TLS-SRP UnixSockets\n`);
    return 0;
  }
  if (a.help) {
    await p.stdout.write(HELP);
    return 0;
  }
  if (a.urls.length === 0) {
    await p.stderr.write(`curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  let status = 0;
  for (const url of a.urls) {
    const t: Transfer = { p, a, version, started: p.clock.now(), meter: !a.silent && !a.noProgress && (a.output !== undefined || a.remoteName || !p.stdout.tty), info: {}, received: 0, connected: false };
    if (t.meter) await p.stderr.write(METER_HEADER);
    let code = 0;
    let message = '';
    try {
      await transfer(t, url);
    } catch (e) {
      if (p.signal.aborted) return exitStatusForSignal(p.signal.reason);
      if (!(e instanceof CurlError)) throw e;
      code = e.code;
      message = e.message;
    }
    const ms = p.clock.now() - t.started;
    if (t.meter) await p.stderr.write(`\r${meterLine(t.received, t.expected, ms)}\n`);
    if (code !== 0 && (!a.silent || a.showError)) {
      if (a.verbose) await p.stderr.write(`* ${message}\n`);
      await p.stderr.write(`curl: (${code}) ${message}\n`);
    }
    if (a.writeOut !== undefined) {
      const i = t.info;
      await p.stdout.write(
        writeOut(a.writeOut, {
          httpCode: i.httpCode ?? 0,
          urlEffective: i.urlEffective ?? url,
          contentType: i.contentType ?? '',
          sizeDownload: t.received,
          sizeHeader: i.sizeHeader ?? 0,
          timeTotalMs: ms,
          remoteIp: i.remoteIp ?? '',
          remotePort: i.remotePort ?? 0,
          redirects: i.redirects ?? 0,
          method: i.method ?? 'GET',
          exitCode: code,
          errorMessage: message,
        }),
      );
    }
    if (code !== 0) status = code;
  }
  return status;
};

async function transfer(t: Transfer, text: string): Promise<void> {
  const { a } = t;
  let url = checkUrl(text);
  let method = a.method ?? (a.head ? 'HEAD' : a.data.length > 0 ? 'POST' : 'GET');
  let body = a.data.length > 0 ? utf8(a.data.map((d) => dataArg(t.p, d)).join('&')) : new Uint8Array(0);
  for (let redirects = 0; ; redirects++) {
    t.info = { ...t.info, urlEffective: urlText(url), method, redirects };
    const { head, bytes } = await exchange(t, url, method, body);
    const location = headerValue(head.headers, 'Location');
    if (a.location && location !== undefined && head.status >= 300 && head.status < 400) {
      if (redirects >= 50) throw new CurlError(47, 'Maximum (50) redirects followed');
      const next = resolveLocation(url, location);
      if (typeof next === 'string') throw new CurlError(3, 'URL rejected: Malformed input to a URL function');
      if (t.a.verbose) await t.p.stderr.write(`* Issue another request to this URL: '${urlText(next)}'\n`);
      // 301, 302 and 303 turn a POST into a GET, as browsers do; -X keeps its method.
      if (a.method === undefined && [301, 302, 303].includes(head.status) && method === 'POST') {
        method = 'GET';
        body = new Uint8Array(0);
      }
      url = next;
      continue;
    }
    if (head.status >= 400 && (a.fail || a.failWithBody)) {
      if (a.failWithBody) await deliver(t, url, bytes);
      // -f gives up as soon as the status line is in: the body never counts as received.
      else t.received = 0;
      throw new CurlError(22, `The requested URL returned error: ${head.status}`);
    }
    await deliver(t, url, bytes);
    return;
  }
}

function checkUrl(text: string): HttpUrl {
  const url = parseUrl(text);
  if (url === 'bad-port') throw new CurlError(3, 'URL rejected: Port number was not a decimal number between 0 and 65535');
  if (url === 'bad-host') throw new CurlError(3, 'URL rejected: Bad hostname');
  if (url === 'malformed') throw new CurlError(3, 'URL rejected: Malformed input to a URL function');
  if (url.scheme !== 'http' && url.scheme !== 'https') throw new CurlError(1, `Protocol "${url.scheme}" not supported`);
  return url;
}

function urlText(url: HttpUrl): string {
  const host = url.host.includes(':') ? `[${url.host}]` : url.host;
  return `${url.scheme}://${host}${url.explicitPort ? `:${url.port}` : ''}${url.target}`;
}

/** `-d @file` reads the file (newlines dropped, as -d does); `-d @-` would read stdin, not simulated. */
function dataArg(p: Process, d: string): string {
  if (!d.startsWith('@')) return d;
  try {
    return p.fs.readText(resolvePath(p.cwd, d.slice(1))).replace(/[\r\n]/g, '');
  } catch {
    return '';
  }
}

async function exchange(t: Transfer, url: HttpUrl, method: string, body: Uint8Array): Promise<{ head: ResponseHead; bytes: Uint8Array }> {
  const { p, a } = t;
  const net = netOf(p);
  const v = (line: string) => (a.verbose ? p.stderr.write(line + '\n') : Promise.resolve());
  const maxMs = a.maxTime !== undefined ? a.maxTime * 1000 : Infinity;
  const connectMs = Math.min(maxMs, a.connectTimeout !== undefined ? a.connectTimeout * 1000 : 300_000);
  const deadline = t.started + maxMs;

  let addresses: string[];
  try {
    addresses = await net.resolve(url.host);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    throw new CurlError(6, `Could not resolve host: ${url.host}`);
  }
  const address = addresses[0]!;
  if (!/^\d/.test(url.host)) {
    await v(`* Host ${url.host}:${url.port} was resolved.`);
    await v('* IPv6: (none)');
    await v(`* IPv4: ${addresses.join(', ')}`);
  }
  await v(`*   Trying ${address}:${url.port}...`);

  const socket = await withTimeout(t, connectMs - (p.clock.now() - t.started), 'connect', (signal) => net.connect(address, url.port, { signal })).catch(async (e: unknown) => {
    if (e instanceof CurlError) throw e;
    if (!(e instanceof NetError)) throw e;
    const ms = p.clock.now() - t.started;
    const why = isCurl8(t.version) ? "Couldn't connect to server" : (CONNECT_ERRNO_TEXT[e.code] ?? 'Connection refused');
    throw new CurlError(e.code === 'ETIMEDOUT' ? 28 : 7, `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: ${why}`);
  });
  t.connected = true;
  t.info = { ...t.info, remoteIp: socket.remote.address, remotePort: socket.remote.port };
  try {
    await v(`* Connected to ${url.host} (${socket.remote.address}) port ${url.port}`);
    if (url.scheme === 'https') {
      // No TLS here: what curl says when the peer does not speak it (a plain HTTP server on that port).
      throw new CurlError(35, 'OpenSSL/3.0.16: error:0A00010B:SSL routines::wrong version number');
    }
    await v('* using HTTP/1.x');
    const headers = requestHeaders(t, url, body);
    const head = formatRequestHead({ method, target: url.target, version: 'HTTP/1.1', headers });
    if (a.verbose) await p.stderr.write(head.split('\r\n').slice(0, -1).map((l) => `> ${l}\n`).join(''));
    await socket.output.write(messageBytes(head, body));
    if (body.length > 0) await v(`* upload completely sent off: ${body.length} bytes`);
    else await v('* Request completely sent off');
    return await withTimeout(t, deadline - p.clock.now(), 'transfer', () => receive(t, socket, method, url));
  } finally {
    socket.close();
  }
}

/** curl's request headers: Host, User-Agent, Accept, then -H's (which replace or, as `Name:`, remove a default). */
function requestHeaders(t: Transfer, url: HttpUrl, body: Uint8Array): Header[] {
  const custom = t.a.headers.map((h) => {
    const colon = h.search(/[:;]/);
    return colon < 0 ? null : { name: h.slice(0, colon).trim(), value: h.slice(colon + 1).trim(), empty: h[colon] === ';' };
  });
  const overridden = new Set(custom.filter((c) => c !== null).map((c) => c!.name.toLowerCase()));
  const defaults: Header[] = [
    ['Host', hostHeader(url)],
    ['User-Agent', t.a.userAgent ?? `curl/${t.version}`],
    ['Accept', '*/*'],
  ];
  const out: Header[] = defaults.filter(([n]) => !overridden.has(n.toLowerCase()));
  for (const c of custom) {
    if (!c) continue;
    if (c.value !== '' || c.empty) out.push([c.name, c.value]);
  }
  if (body.length > 0) {
    if (!overridden.has('content-length')) out.push(['Content-Length', String(body.length)]);
    if (!overridden.has('content-type')) out.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  return out;
}

async function receive(t: Transfer, socket: Socket, method: string, url: HttpUrl): Promise<{ head: ResponseHead; bytes: Uint8Array }> {
  const { p, a } = t;
  const reader = new BufferedReader(socket.input);
  let head: ResponseHead | null;
  try {
    head = await readResponseHead(reader);
  } catch (e) {
    if (e instanceof HttpParseError) throw new CurlError(1, 'Received HTTP/0.9 when not allowed');
    throw recvFailure(e);
  }
  if (!head) throw new CurlError(52, 'Empty reply from server');
  const headText = `${head.version} ${head.status} ${head.reason}`.trimEnd() + '\r\n' + head.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('') + '\r\n';
  t.info = { ...t.info, httpCode: head.status, contentType: headerValue(head.headers, 'Content-Type') ?? '', sizeHeader: headText.length };
  if (a.verbose) await p.stderr.write(headText.split('\r\n').slice(0, -1).map((l) => `< ${l}\n`).join(''));
  const length = headerValue(head.headers, 'Content-Length');
  if (length !== undefined && /^\d+$/.test(length)) t.expected = Number(length);
  // -i and -I print the head where the body goes.
  if (a.include || a.head) await output(t, url, utf8(headText), true);
  let body;
  try {
    body = await readBody(reader, responseFraming(head, method), (n) => (t.received += n));
  } catch (e) {
    throw recvFailure(e);
  }
  if (!body.complete) throw new CurlError(18, body.missing !== undefined ? `end of response with ${body.missing} bytes missing` : 'transfer closed with outstanding read data remaining');
  if (a.verbose && body.bytes.length > 0 && !p.stdout.tty) await p.stderr.write(`{ [${body.bytes.length} bytes data]\n`);
  if (a.verbose) await p.stderr.write(`* Connection #0 to host ${url.host} left intact\n`);
  return { head, bytes: body.bytes };
}

function recvFailure(e: unknown): unknown {
  if (e instanceof NetError && e.code === 'ECONNRESET') return new CurlError(56, 'Recv failure: Connection reset by peer');
  return e;
}

/**
 * Runs `work` against curl's clock: --connect-timeout while connecting, --max-time overall. The work is abandoned
 * (its socket closed by the caller) when time runs out, and Ctrl-C interrupts it.
 */
async function withTimeout<T>(t: Transfer, ms: number, phase: 'connect' | 'transfer', work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { p } = t;
  const abort = new AbortController();
  const onInterrupt = () => abort.abort(p.signal.reason);
  p.signal.addEventListener('abort', onInterrupt, { once: true });
  let cancel = () => {};
  const timedOut = new Promise<never>((_, reject) => {
    if (ms === Infinity) return;
    cancel = p.clock.after(Math.max(0, ms), () => {
      abort.abort('timeout');
      // curl notices on its next poll, a millisecond or so after the deadline.
      const elapsed = p.clock.now() - t.started + 1;
      if (phase === 'connect') reject(new CurlError(28, `Connection timed out after ${elapsed} milliseconds`));
      else {
        const got = t.expected !== undefined ? `${t.received} out of ${t.expected}` : `${t.received}`;
        reject(new CurlError(28, `Operation timed out after ${elapsed} milliseconds with ${got} bytes received`));
      }
    });
  });
  const interrupted = new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => p.signal.aborted && reject(p.signal.reason), { once: true }));
  try {
    return await Promise.race([work(abort.signal), timedOut, interrupted]);
  } finally {
    cancel();
    p.signal.removeEventListener('abort', onInterrupt);
  }
}

/** The body (or -i's head) to stdout, or to the -o / -O file. */
async function output(t: Transfer, url: HttpUrl, bytes: Uint8Array, isHead = false): Promise<void> {
  const { p, a } = t;
  const file = a.output ?? (a.remoteName ? (url.target.replace(/[?#].*$/, '').split('/').pop() ?? '') : undefined);
  if (file === undefined || file === '-') {
    await p.stdout.write(bytes);
    return;
  }
  if (file === '') throw new CurlError(23, 'Remote file name has no length');
  const path = resolvePath(p.cwd, file);
  try {
    if (file === '/dev/null') return;
    if (!p.fs.exists(dirname(path))) throw new Error('no dir');
    p.fs.writeFile(path, bytes, { append: isHead ? false : outputStarted.has(t) });
    outputStarted.add(t);
  } catch {
    throw new CurlError(23, `Failure writing output to destination, passed ${bytes.length} returned 0`);
  }
}

const outputStarted = new WeakSet<Transfer>();

async function deliver(t: Transfer, url: HttpUrl, bytes: Uint8Array): Promise<void> {
  if (t.a.head) return;
  await output(t, url, bytes);
}

const HELP = `Usage: curl [options...] <url>
 -d, --data <data>           HTTP POST data
 -f, --fail                  Fail fast with no output on HTTP errors
 -h, --help <subject>        Get help for commands
 -i, --include               Include response headers in output
 -o, --output <file>         Write to file instead of stdout
 -O, --remote-name           Write output to file named as remote file
 -s, --silent                Silent mode
 -T, --upload-file <file>    Transfer local FILE to destination
 -u, --user <user:password>  Server user and password
 -A, --user-agent <name>     Send User-Agent <name> to server
 -v, --verbose               Make the operation more talkative
 -V, --version               Show version number and quit

This is not the full help; this menu is split into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;
