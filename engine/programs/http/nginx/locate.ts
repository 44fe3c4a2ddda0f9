import type { Location, Server } from './conf.ts';

/**
 * Which location a URI falls in (ngx_http_core_find_location): an exact `=` match wins; otherwise the longest
 * prefix, unless regular expressions, tried in order, match first (a `^~` prefix switches them off). No match
 * leaves the server's own settings.
 */
export function findLocation(server: Server, uri: string): Location {
  const exact = server.locations.find((l) => l.modifier === '=' && l.pattern === uri);
  if (exact) return exact;
  let best: Location | undefined;
  for (const l of server.locations) {
    if ((l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.pattern) && (!best || l.pattern.length > best.pattern.length)) best = l;
  }
  if (best?.modifier !== '^~') {
    for (const l of server.locations) {
      if (l.modifier !== '~' && l.modifier !== '~*') continue;
      try {
        if (new RegExp(l.pattern, l.modifier === '~*' ? 'i' : '').test(uri)) return l;
      } catch {
        // A pattern JavaScript cannot compile (PCRE-only syntax) never matches.
      }
    }
  }
  return best ?? server.fallback;
}

/** The server for a connection's local port and the request's Host: by server_name, else the port's default. */
export function findServer(servers: readonly Server[], port: number, host: string | undefined): Server | undefined {
  const onPort = servers.filter((s) => s.listens.some((l) => l.port === port));
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  return onPort.find((s) => s.names.some((n) => n.toLowerCase() === name)) ?? onPort.find((s) => s.listens.some((l) => l.port === port && l.defaultServer)) ?? onPort[0];
}

/**
 * Decodes and normalises a request path as nginx does before matching: %XX decoded, `//` merged, `.` and `..`
 * resolved. Null when the path is invalid or climbs above the root (nginx answers 400).
 */
export function normalizeUri(path: string): string | null {
  if (!path.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const out: string[] = [];
  const parts = decoded.split('/');
  for (const [i, part] of parts.entries()) {
    if (part === '' || part === '.') {
      if (i === parts.length - 1) out.push('');
      continue;
    }
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
      if (i === parts.length - 1) out.push('');
      continue;
    }
    out.push(part);
  }
  return '/' + out.join('/');
}
