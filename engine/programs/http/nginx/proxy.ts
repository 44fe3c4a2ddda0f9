import { receiveResponse, sendRequest } from '../../../network/http/client.ts';
import { chunked } from '../../../network/http/format.ts';
import type { Header, Request } from '../../../network/http/message.ts';
import type { Reply } from '../../../network/http/serve.ts';
import { hostHeader, parseUrl } from '../../../network/http/url.ts';
import { NetError } from '../../../network/socket.ts';
import type { Location } from './conf.ts';
import { reply, type NginxContext } from './handler.ts';

/**
 * `proxy_pass http://app:3000;`: the request goes to the upstream over HTTP/1.0 with `Host: $proxy_host` and
 * `Connection: close` (nginx's defaults), and the answer comes back with nginx's own Server and Date. When the
 * upstream cannot be reached the client gets 502 (504 on a timeout) and the error log says why in nginx's words.
 */

/** What connect(2) failing says in nginx's log: errno and strerror. */
const CONNECT_ERRORS: Partial<Record<string, string>> = {
  ECONNREFUSED: '111: Connection refused',
  EHOSTUNREACH: '113: No route to host',
  ENETUNREACH: '101: Network is unreachable',
  ETIMEDOUT: '110: Connection timed out',
};

/** Response headers nginx does not pass on (proxy_hide_header's defaults, and hop-by-hop ones it sets itself). */
const HIDDEN = new Set(['server', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-type', 'x-pad', 'x-accel-expires', 'x-accel-redirect', 'x-accel-limit-rate', 'x-accel-buffering', 'x-accel-charset']);

/** Request headers nginx replaces or drops on the way up. */
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'te', 'upgrade', 'proxy-connection']);

export type ProxyResult = Reply | { readonly fail: number };

export async function proxy(ctx: NginxContext, loc: Location, request: Request, uri: string, args: string, report: (message: string, upstream?: string) => Promise<void>): Promise<ProxyResult> {
  const target = parseUrl(loc.proxyPass!);
  if (typeof target === 'string') return { fail: 500 };
  // With a URI in proxy_pass the location's prefix is replaced by it; without one the request's URI goes as is.
  const hasUri = /^[a-z]+:\/\/[^/]+\//i.test(loc.proxyPass!);
  const path = hasUri && loc.modifier !== '~' && loc.modifier !== '~*' ? target.target + uri.slice(loc.pattern.length) : request.target.split('?')[0]!;
  const upstreamTarget = hasUri ? path + (args ? `?${args}` : '') : request.target;
  let address = target.host;
  try {
    address = (await ctx.net.resolve(target.host))[0] ?? target.host;
  } catch {
    // Names were resolved when the configuration was read; one gone since then fails the connect below.
  }
  const upstream = `http://${address}:${target.port}${upstreamTarget}`;
  let socket;
  try {
    socket = await ctx.net.connect(address, target.port);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    const timedOut = e.code === 'ETIMEDOUT';
    await report(`${timedOut ? 'upstream timed out' : 'connect() failed'} (${CONNECT_ERRORS[e.code] ?? '111: Connection refused'}) while connecting to upstream`, upstream);
    return { fail: timedOut ? 504 : 502 };
  }
  try {
    const headers: Header[] = [['Host', hostHeader(target)], ['Connection', 'close'], ...request.headers.filter(([n]) => !NOT_FORWARDED.has(n.toLowerCase()))];
    await sendRequest(socket, { method: request.method, target: upstreamTarget, version: 'HTTP/1.0', headers }, request.body);
    const got = await receiveResponse(socket, request.method);
    if (!got.head) {
      await report('upstream prematurely closed connection while reading response header from upstream', upstream);
      return { fail: 502 };
    }
    const head = got.head;
    const type = head.headers.find(([n]) => n.toLowerCase() === 'content-type');
    const length = head.headers.find(([n]) => n.toLowerCase() === 'content-length');
    const content: Header[] = [...(type ? [['Content-Type', type[1]] as const] : []), ...(length ? [['Content-Length', length[1]] as const] : [['Transfer-Encoding', 'chunked'] as const])];
    const passed = head.headers.filter(([n]) => !HIDDEN.has(n.toLowerCase()));
    const body = request.method === 'HEAD' ? new Uint8Array(0) : length ? got.body.bytes : chunked(got.body.bytes);
    return reply(ctx, request, head.status, content, body, loc, passed);
  } catch {
    await report('upstream prematurely closed connection while reading response header from upstream', upstream);
    return { fail: 502 };
  } finally {
    socket.close();
  }
}

