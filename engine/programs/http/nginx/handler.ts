import { httpDate } from '../../../network/http/date.ts';
import { headerValue, keepsAlive, utf8, EMPTY_BODY, type Header, type Request } from '../../../network/http/message.ts';
import type { Connection, Reply } from '../../../network/http/serve.ts';
import type { NetStack } from '../../../network/socket.ts';
import { resolvePath } from '../../../fs/path.ts';
import type { Fs, Stat } from '../../../fs/types.ts';
import type { Location, NginxConf, Server } from './conf.ts';
import { findLocation, findServer, normalizeUri } from './locate.ts';
import { nginxContentType } from './mime.ts';
import { errorPage, hasErrorPage, nginxReason } from './pages.ts';
import { proxy } from './proxy.ts';

/**
 * One request through nginx's phases, as far as a static site and a reverse proxy need them: find the server and
 * location, then `return`, `proxy_pass`, `try_files`, the index module or the static module; errors become
 * nginx's built-in pages unless `error_page` sends them elsewhere. Problems are also reported to the error log in
 * nginx's words, with the client and request appended as nginx does.
 */

export interface NginxContext {
  readonly fs: Fs;
  readonly conf: NginxConf;
  /** `nginx/1.27.5` */
  readonly version: string;
  now(): number;
  /** An `[error]` line from the worker that handled the request. */
  error(message: string): Promise<void>;
  /** The namespace upstream connections (proxy_pass) are made from. */
  readonly net: NetStack;
}

interface Exchange {
  readonly ctx: NginxContext;
  readonly server: Server;
  readonly request: Request;
  readonly connection: Connection;
  /** The method the content phase sees: an error page is fetched with GET whatever the request was. */
  method: string;
  args: string;
  redirects: number;
  /** Serving an error_page: a failure now gets the built-in page, not another redirect. */
  inErrorPage: boolean;
}

export async function handle(ctx: NginxContext, request: Request, connection: Connection): Promise<Reply> {
  const server = findServer(ctx.conf.servers, connection.local.port, headerValue(request.headers, 'Host'));
  const [path, query] = splitTarget(request.target);
  const uri = normalizeUri(path);
  if (!server || uri === null) return builtIn(ctx, request, 400);
  const x: Exchange = { ctx, server, request, connection, method: request.method, args: query, redirects: 0, inErrorPage: false };
  return route(x, uri);
}

function splitTarget(target: string): [string, string] {
  const q = target.indexOf('?');
  return q < 0 ? [target, ''] : [target.slice(0, q), target.slice(q + 1)];
}

/** Finds the location and runs its content handler; internal redirects (index, try_files, error_page) come back here. */
async function route(x: Exchange, uri: string): Promise<Reply> {
  if (++x.redirects > 10) {
    await report(x, `rewrite or internal redirection cycle while internally redirecting to "${uri}"`);
    return builtIn(x.ctx, x.request, 500);
  }
  const loc = findLocation(x.server, uri);
  if (loc.ret) return returned(x, loc, uri);
  if (loc.proxyPass) {
    const p = await proxy(x.ctx, loc, x.request, uri, x.args, (m, upstream) => report(x, m, upstream));
    return 'status' in p ? p : fail(x, loc, p.fail);
  }
  if (loc.tryFiles) return tryFiles(x, loc, uri);
  if (uri.endsWith('/')) return index(x, loc, uri);
  return staticFile(x, loc, uri);
}

async function returned(x: Exchange, loc: Location, uri: string): Promise<Reply> {
  const { code, text } = loc.ret!;
  const expanded = text === undefined ? undefined : expand(text, x, uri);
  if ([301, 302, 303, 307, 308].includes(code)) {
    return page(x.ctx, x.request, code, [['Location', absoluteLocation(x, expanded ?? '')]], loc);
  }
  if (expanded === undefined) return fail(x, loc, code);
  const body = utf8(expanded);
  return reply(x.ctx, x.request, code, [['Content-Type', loc.defaultType], ['Content-Length', String(body.length)]], body, loc);
}

/** The few variables a `return` or `try_files` commonly uses. */
function expand(text: string, x: Exchange, uri: string): string {
  const host = (headerValue(x.request.headers, 'Host') ?? x.server.names[0] ?? '').replace(/:\d+$/, '');
  const vars: Record<string, string> = {
    uri,
    request_uri: x.request.target,
    args: x.args,
    is_args: x.args ? '?' : '',
    host,
    scheme: 'http',
    server_port: String(x.connection.local.port),
    remote_addr: x.connection.remote.address,
    request_method: x.request.method,
  };
  return text.replace(/\$\{?([a-z_]+)\}?/g, (all, name: string) => vars[name] ?? all);
}

async function tryFiles(x: Exchange, loc: Location, uri: string): Promise<Reply> {
  const candidates = loc.tryFiles!.slice(0, -1);
  const last = loc.tryFiles!.at(-1)!;
  for (const c of candidates) {
    const candidate = expand(c, x, uri);
    const path = mapPath(loc, candidate);
    const st = stat(x.ctx.fs, path);
    if (candidate.endsWith('/') ? st?.type === 'dir' : st?.type === 'file') {
      return candidate.endsWith('/') ? index(x, loc, candidate) : staticFile(x, loc, candidate);
    }
  }
  if (/^=\d{3}$/.test(last)) return fail(x, loc, Number(last.slice(1)));
  const [path, query] = splitTarget(expand(last, x, uri));
  if (query) x.args = query;
  return route(x, path);
}

/** The index module: the first index file that exists is served by an internal redirect; none is a 403. */
async function index(x: Exchange, loc: Location, uri: string): Promise<Reply> {
  if (!['GET', 'HEAD', 'POST'].includes(x.method)) return fail(x, loc, 405);
  const dir = mapPath(loc, uri);
  for (const name of loc.index) {
    if (name.startsWith('/')) return route(x, name);
    const path = dir + name;
    if (stat(x.ctx.fs, path)?.type === 'file') return route(x, uri + name);
  }
  if (stat(x.ctx.fs, dir)?.type !== 'dir') {
    await report(x, `"${dir}${loc.index.at(-1) ?? 'index.html'}" is not found (2: No such file or directory)`);
    return fail(x, loc, 404);
  }
  if (loc.autoindex) return autoindex(x, loc, uri, dir);
  await report(x, `directory index of "${dir}" is forbidden`);
  return fail(x, loc, 403);
}

async function staticFile(x: Exchange, loc: Location, uri: string): Promise<Reply> {
  const path = mapPath(loc, uri);
  const st = stat(x.ctx.fs, path);
  if (!st) {
    await report(x, `open() "${path}" failed (2: No such file or directory)`);
    return fail(x, loc, 404);
  }
  if (st.type === 'dir') {
    // A directory asked for without its slash: nginx redirects to it (to its own port, not the one the client used).
    return page(x.ctx, x.request, 301, [['Location', absoluteLocation(x, uri + '/' + (x.args ? `?${x.args}` : ''))]], loc);
  }
  if (x.method !== 'GET' && x.method !== 'HEAD') return fail(x, loc, 405);
  let bytes: Uint8Array;
  try {
    bytes = x.ctx.fs.readFile(path);
  } catch {
    await report(x, `open() "${path}" failed (13: Permission denied)`);
    return fail(x, loc, 403);
  }
  const headers: Header[] = [
    ['Content-Type', nginxContentType(path, x.ctx.conf.types, loc.defaultType)],
    ['Content-Length', String(bytes.length)],
    ['Last-Modified', httpDate(st.mtime * 1000)],
  ];
  const etag = `"${st.mtime.toString(16)}-${bytes.length.toString(16)}"`;
  if (headerValue(x.request.headers, 'If-None-Match') === etag) return reply(x.ctx, x.request, 304, [['Last-Modified', httpDate(st.mtime * 1000)], ['ETag', etag]], EMPTY_BODY, loc);
  return reply(x.ctx, x.request, 200, headers, x.request.method === 'HEAD' ? EMPTY_BODY : bytes, loc, [['ETag', etag], ['Accept-Ranges', 'bytes']]);
}

/** ngx_http_autoindex_module's listing: names padded to 50 columns, then the date and the size. */
async function autoindex(x: Exchange, loc: Location, uri: string, dir: string): Promise<Reply> {
  const fs = x.ctx.fs;
  const rows = fs
    .readdir(dir)
    .filter((n) => !n.startsWith('.'))
    .map((n) => ({ n, st: stat(fs, `${dir}${n}`) }))
    .filter((r) => r.st)
    .sort((a, b) => (a.st!.type === 'dir' ? 0 : 1) - (b.st!.type === 'dir' ? 0 : 1) || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
  let html = `<html>\r\n<head><title>Index of ${uri}</title></head>\r\n<body>\r\n<h1>Index of ${uri}</h1><hr><pre><a href="../">../</a>\r\n`;
  for (const { n, st } of rows) {
    const name = st!.type === 'dir' ? n + '/' : n;
    const shown = name.length > 50 ? name.slice(0, 47) + '..>' : name;
    const d = new Date(st!.mtime * 1000);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}-${httpDate(st!.mtime * 1000).slice(8, 11)}-${d.getUTCFullYear()} ${httpDate(st!.mtime * 1000).slice(17, 22)}`;
    const size = st!.type === 'dir' ? '-' : String(st!.size);
    html += `<a href="${encodeURI(name)}">${shown}</a>${' '.repeat(Math.max(1, 51 - shown.length))}${date}${size.padStart(20)}\r\n`;
  }
  html += '</pre><hr></body>\r\n</html>\r\n';
  const body = utf8(html);
  return reply(x.ctx, x.request, 200, [['Content-Type', 'text/html'], ['Content-Length', String(body.length)]], x.request.method === 'HEAD' ? EMPTY_BODY : body, loc);
}

/** An error status: to the error_page URI if one is set for it, else nginx's own page. */
async function fail(x: Exchange, loc: Location, status: number): Promise<Reply> {
  const target = loc.errorPages.get(status);
  if (target && !x.inErrorPage) {
    x.inErrorPage = true;
    x.method = x.request.method === 'HEAD' ? 'HEAD' : 'GET';
    const inner = await route(x, target);
    if (inner.status === 200) return { ...inner, status, reason: nginxReason(status) };
  }
  return page(x.ctx, x.request, status, [], loc);
}

async function report(x: Exchange, message: string, upstream?: string): Promise<void> {
  const r = x.request;
  const host = headerValue(r.headers, 'Host');
  const via = upstream === undefined ? '' : `, upstream: "${upstream}"`;
  await x.ctx.error(`*${x.connection.serial} ${message}, client: ${x.connection.remote.address}, server: ${x.server.names[0] ?? ''}, request: "${r.method} ${r.target} ${r.version}"${via}${host !== undefined ? `, host: "${host}"` : ''}`);
}

/** The path a URI maps to: root + URI, or for `alias` the URI with the location's prefix swapped for the alias. */
function mapPath(loc: Location, uri: string): string {
  if (loc.alias !== undefined && loc.modifier !== '~' && loc.modifier !== '~*') return loc.alias + uri.slice(loc.pattern.length);
  return resolvePath('/', loc.root) + uri;
}

function stat(fs: Fs, path: string): Stat | undefined {
  try {
    return fs.stat(path);
  } catch {
    return undefined;
  }
}

/** nginx makes relative redirects absolute with the Host's name and the port the server listens on (port_in_redirect). */
function absoluteLocation(x: Exchange, location: string): string {
  if (/^[a-z]+:\/\//i.test(location)) return location;
  const host = (headerValue(x.request.headers, 'Host') ?? x.server.names[0] ?? x.connection.local.address).replace(/:\d+$/, '');
  const port = x.connection.local.port;
  return `http://${host}${port === 80 ? '' : `:${port}`}${location}`;
}

/** A built-in page before any server or location is known (a malformed request): always closes the connection. */
export function builtIn(ctx: NginxContext, request: Request | undefined, status: number): Reply {
  const body = utf8(errorPage(status, signature(ctx)));
  const headers: Header[] = [['Server', serverHeader(ctx)], ['Date', httpDate(ctx.now())], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'close']];
  return { status, reason: nginxReason(status), headers, body: request?.method === 'HEAD' ? EMPTY_BODY : body, close: true };
}

function page(ctx: NginxContext, request: Request, status: number, extra: Header[], loc: Location): Reply {
  if (!hasErrorPage(status)) return reply(ctx, request, status, [], EMPTY_BODY, loc);
  const body = utf8(errorPage(status, signature(ctx)));
  const headers: Header[] = [['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ...extra];
  return reply(ctx, request, status, headers, request.method === 'HEAD' ? EMPTY_BODY : body, loc);
}

/** nginx's header order: Server, Date, the content headers, Connection, then ETag and the rest; add_header last. */
export function reply(ctx: NginxContext, request: Request, status: number, content: readonly Header[], body: Uint8Array, loc: Location, after: readonly Header[] = []): Reply {
  const alive = keepsAlive(request.version, request.headers);
  const added = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308].includes(status) ? loc.addHeaders : [];
  const headers: Header[] = [['Server', serverHeader(ctx)], ['Date', httpDate(ctx.now())], ...content, ['Connection', alive ? 'keep-alive' : 'close'], ...after, ...added.map(([n, v]) => [n, v] as const)];
  return { status, reason: nginxReason(status), headers, body, close: !alive };
}

function serverHeader(ctx: NginxContext): string {
  return ctx.conf.serverTokens ? ctx.version : 'nginx';
}

function signature(ctx: NginxContext): string {
  return ctx.conf.serverTokens ? ctx.version : 'nginx';
}
