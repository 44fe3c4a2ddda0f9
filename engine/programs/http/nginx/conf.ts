import { resolvePath } from '../../../fs/path.ts';
import { ConfError, PREFIX, type Directive } from './conf-parser.ts';

/**
 * What the server needs from its configuration: the `http` block's servers and their locations, with nginx's
 * inheritance (a location takes root, index, error_page and access_log from its server, the server from `http`
 * unless it sets its own) and defaults (root `html` under the prefix, `index index.html`, `listen *:80`).
 */

export interface Listen {
  readonly address: string;
  readonly port: number;
  readonly defaultServer: boolean;
}

export interface AccessLog {
  /** `off` turns logging off. */
  readonly path: string | 'off';
  readonly format: string;
}

export interface Location {
  /** '' (prefix), '=' (exact), '^~' (prefix that stops the regex search), '~' and '~*' (regular expressions). */
  readonly modifier: '' | '=' | '^~' | '~' | '~*';
  readonly pattern: string;
  readonly root: string;
  /** `alias` replaces the location's prefix instead of appending the URI to a root. */
  readonly alias?: string;
  readonly index: readonly string[];
  readonly tryFiles?: readonly string[];
  readonly ret?: { readonly code: number; readonly text?: string };
  readonly autoindex: boolean;
  readonly errorPages: ReadonlyMap<number, string>;
  readonly accessLogs: readonly AccessLog[];
  readonly proxyPass?: string;
  /** Where proxy_pass was written (`file:line`), for the error when its host does not resolve. */
  readonly proxyPassAt?: string;
  readonly addHeaders: readonly (readonly [string, string])[];
  readonly defaultType: string;
}

export interface Server {
  readonly listens: readonly Listen[];
  readonly names: readonly string[];
  readonly locations: readonly Location[];
  /** What a request that matches no location gets: the server's own settings. */
  readonly fallback: Location;
}

export interface NginxConf {
  readonly servers: readonly Server[];
  readonly logFormats: ReadonlyMap<string, string>;
  readonly errorLog: { readonly path: string; readonly level: string };
  /** `auto` is the number of CPUs. */
  readonly workerProcesses: number | 'auto';
  readonly daemon: boolean;
  readonly types: ReadonlyMap<string, string> | undefined;
  readonly serverTokens: boolean;
}

/** nginx's built-in `combined` format. */
export const COMBINED = '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';

type Inherited = Omit<Location, 'modifier' | 'pattern' | 'tryFiles' | 'ret' | 'alias' | 'proxyPass' | 'proxyPassAt'>;

export function readConf(main: readonly Directive[], globals: readonly Directive[] = []): NginxConf {
  const all = [...main, ...globals];
  const logFormats = new Map<string, string>([['combined', COMBINED]]);
  let errorLog = { path: resolvePath(PREFIX, 'logs/error.log'), level: 'error' };
  let workerProcesses: number | 'auto' = 1;
  let daemon = true;
  for (const d of all) {
    if (d.name === 'error_log' && d.args[0]) errorLog = { path: resolvePath(PREFIX, d.args[0]), level: d.args[1] ?? 'error' };
    if (d.name === 'worker_processes') workerProcesses = d.args[0] === 'auto' ? 'auto' : Number(d.args[0]) || 1;
    if (d.name === 'daemon') daemon = d.args[0] !== 'off';
  }
  const http = all.find((d) => d.name === 'http');
  const servers: Server[] = [];
  let types: Map<string, string> | undefined;
  let serverTokens = true;
  if (http?.block) {
    for (const d of http.block) {
      if (d.name === 'log_format' && d.args.length >= 2) logFormats.set(d.args[0]!, d.args.slice(1).join(''));
      if (d.name === 'types' && d.block) {
        types ??= new Map();
        for (const t of d.block) for (const ext of t.args) types.set(ext.toLowerCase(), t.name);
      }
      if (d.name === 'server_tokens') serverTokens = d.args[0] !== 'off';
    }
    const base = inherit(defaults(), http.block);
    for (const d of http.block) if (d.name === 'server' && d.block) servers.push(readServer(d.block, base));
  }
  return { servers, logFormats, errorLog, workerProcesses, daemon, types, serverTokens };
}

function defaults(): Inherited {
  return {
    root: resolvePath(PREFIX, 'html'),
    index: ['index.html'],
    autoindex: false,
    errorPages: new Map(),
    accessLogs: [{ path: resolvePath(PREFIX, 'logs/access.log'), format: 'combined' }],
    addHeaders: [],
    defaultType: 'text/plain',
  };
}

/** Applies the inheritable directives of one level over what the enclosing level set. */
function inherit(outer: Inherited, block: readonly Directive[]): Inherited {
  const here = (name: string) => block.filter((d) => d.name === name);
  const last = (name: string) => here(name).at(-1);
  const errorPages = here('error_page');
  const logs = here('access_log');
  const headers = here('add_header');
  const root = last('root');
  const index = here('index');
  const autoindex = last('autoindex');
  const defaultType = last('default_type');
  return {
    root: root?.args[0] !== undefined ? resolvePath(PREFIX, root.args[0]) : outer.root,
    index: index.length > 0 ? index.flatMap((d) => d.args) : outer.index,
    autoindex: autoindex ? autoindex.args[0] === 'on' : outer.autoindex,
    // error_page, access_log and add_header are inherited only when a level sets none of its own.
    errorPages: errorPages.length > 0 ? readErrorPages(errorPages) : outer.errorPages,
    accessLogs: logs.length > 0 ? logs.map((d) => ({ path: d.args[0] === 'off' ? 'off' : resolvePath(PREFIX, d.args[0] ?? ''), format: d.args[1] ?? 'combined' })) : outer.accessLogs,
    addHeaders: headers.length > 0 ? headers.map((d) => [d.args[0] ?? '', d.args[1] ?? ''] as const) : outer.addHeaders,
    defaultType: defaultType?.args[0] ?? outer.defaultType,
  };
}

function readErrorPages(ds: readonly Directive[]): Map<number, string> {
  const pages = new Map<number, string>();
  for (const d of ds) {
    const uri = d.args.at(-1)!;
    for (const code of d.args.slice(0, -1)) if (/^\d{3}$/.test(code)) pages.set(Number(code), uri);
  }
  return pages;
}

function readServer(block: readonly Directive[], http: Inherited): Server {
  const settings = inherit(http, block);
  const listens: Listen[] = [];
  for (const d of block.filter((x) => x.name === 'listen')) {
    const listen = parseListen(d);
    if (listen) listens.push(listen);
  }
  // Without `listen`, a server listens on *:80 (nginx run as root).
  if (!block.some((d) => d.name === 'listen')) listens.push({ address: '0.0.0.0', port: 80, defaultServer: false });
  const names = block.filter((d) => d.name === 'server_name').flatMap((d) => d.args);
  const locations = block.filter((d) => d.name === 'location' && d.block).map((d) => readLocation(d, settings));
  return { listens, names: names.length > 0 ? names : [''], locations, fallback: { ...settings, modifier: '', pattern: '' } };
}

/** `80`, `8080 default_server`, `127.0.0.1:80`, `*:80`; IPv6 (`[::]:80`) gives null: the namespace has no IPv6. */
function parseListen(d: Directive): Listen | null {
  const spec = d.args[0] ?? '';
  const defaultServer = d.args.includes('default_server') || d.args.includes('default');
  if (spec.startsWith('[')) return null;
  const m = /^(?:([^:]+):)?(\d+)$/.exec(spec) ?? /^([^:]+)$/.exec(spec);
  if (!m) throw new ConfError(`invalid port in "${spec}" of the "listen" directive in ${d.file}:${d.line}`);
  const [address, port] = m.length === 3 ? [m[1] ?? '*', m[2]!] : /^\d+$/.test(m[1]!) ? ['*', m[1]!] : [m[1]!, '80'];
  const n = Number(port);
  if (!(n >= 1 && n <= 65535)) throw new ConfError(`invalid port in "${spec}" of the "listen" directive in ${d.file}:${d.line}`);
  return { address: address === '*' ? '0.0.0.0' : address === 'localhost' ? '127.0.0.1' : address, port: n, defaultServer };
}

function readLocation(d: Directive, server: Inherited): Location {
  const [first, second] = d.args;
  const modifiers = ['=', '^~', '~', '~*'];
  const modifier = (second !== undefined && modifiers.includes(first!) ? first : '') as Location['modifier'];
  const pattern = (modifier ? second : first) ?? '';
  const block = d.block ?? [];
  const settings = inherit(server, block);
  const last = (name: string) => block.filter((x) => x.name === name).at(-1);
  const tryFiles = last('try_files')?.args;
  const ret = last('return');
  const alias = last('alias')?.args[0];
  const proxyDirective = last('proxy_pass');
  const proxyPass = proxyDirective?.args[0];
  return {
    ...settings,
    modifier,
    pattern,
    ...(tryFiles ? { tryFiles } : {}),
    ...(ret ? { ret: readReturn(ret) } : {}),
    ...(alias !== undefined ? { alias } : {}),
    ...(proxyPass !== undefined ? { proxyPass, proxyPassAt: `${proxyDirective!.file}:${proxyDirective!.line}` } : {}),
  };
}

/** `return 404;`, `return 200 "text";`, `return 301 http://...;`, `return http://...;` (302). */
function readReturn(d: Directive): { code: number; text?: string } {
  const [a, b] = d.args;
  if (a !== undefined && /^\d{3}$/.test(a)) return b === undefined ? { code: Number(a) } : { code: Number(a), text: b };
  return { code: 302, text: a ?? '' };
}
