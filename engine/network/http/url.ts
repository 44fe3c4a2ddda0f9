/**
 * URLs as the command-line clients take them: curl and wget accept a bare `host:port/path` and assume http.
 * Only what HTTP needs: scheme, user info, host (a name, an IPv4 address or a bracketed IPv6 one), port, and the
 * path with its query (the fragment is never sent).
 */

export interface HttpUrl {
  readonly scheme: string;
  readonly host: string;
  /** The port given, or the scheme's default. */
  readonly port: number;
  /** Whether the URL named its port (the Host header then carries it). */
  readonly explicitPort: boolean;
  /** Path and query, at least `/`. */
  readonly target: string;
  readonly user?: string;
}

export const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, ftp: 21 };

export type UrlProblem = 'bad-port' | 'bad-host' | 'malformed';

export function parseUrl(text: string): HttpUrl | UrlProblem {
  let rest = text.trim();
  let scheme = 'http';
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    scheme = m[1]!.toLowerCase();
    rest = rest.slice(m[0].length);
  }
  const end = rest.search(/[/?#]/);
  let authority = end < 0 ? rest : rest.slice(0, end);
  let target = end < 0 ? '/' : rest.slice(end);
  target = target.replace(/#.*$/, '');
  if (target.startsWith('?')) target = '/' + target;
  if (target === '') target = '/';
  let user: string | undefined;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    user = authority.slice(0, at);
    authority = authority.slice(at + 1);
  }
  let host = authority;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return 'malformed';
    host = authority.slice(1, close);
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return 'malformed';
    portText = after === '' ? undefined : after.slice(1);
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      host = authority.slice(0, colon);
      portText = authority.slice(colon + 1);
    }
  }
  if (host === '') return 'malformed';
  if (!/^[A-Za-z0-9._~%!$&'()*+,;=:-]+$/.test(host)) return 'bad-host';
  let port = DEFAULT_PORTS[scheme] ?? 0;
  const explicitPort = portText !== undefined && portText !== '';
  if (explicitPort) {
    if (!/^\d+$/.test(portText!) || Number(portText) > 65535) return 'bad-port';
    port = Number(portText);
  }
  return { scheme, host: host.toLowerCase(), port, explicitPort, target, ...(user !== undefined ? { user } : {}) };
}

/** The Host header a client sends: the port only when the URL gave one other than the scheme's default. */
export function hostHeader(url: HttpUrl): string {
  const host = url.host.includes(':') ? `[${url.host}]` : url.host;
  return url.explicitPort && url.port !== DEFAULT_PORTS[url.scheme] ? `${host}:${url.port}` : host;
}

/** Resolves a Location header against the URL it answered (RFC 3986 §5, enough for redirects). */
export function resolveLocation(base: HttpUrl, location: string): HttpUrl | UrlProblem {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return parseUrl(location);
  const origin = `${base.scheme}://${base.host.includes(':') ? `[${base.host}]` : base.host}:${base.port}`;
  if (location.startsWith('//')) return parseUrl(`${base.scheme}:${location}`);
  if (location.startsWith('/')) return parseUrl(origin + location);
  const dir = base.target.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  return parseUrl(origin + dir + location);
}
