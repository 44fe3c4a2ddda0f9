import type { MongoshArgs } from './args.ts';

/**
 * The connection string mongosh builds from its arguments (its uri-generator): 127.0.0.1:27017 by default,
 * `directConnection=true` for one host, `serverSelectionTimeoutMS=2000` when every host is local. mongosh adds
 * `appName=mongosh <version>` afterwards.
 */
export class MongoshInvalidInputError extends Error {
  override readonly name = 'MongoshInvalidInputError';
}

const CONFLICT = 'Cannot supply host or port with a connection string';

export function generateUri(args: MongoshArgs): string {
  const { base, params } = normalized(args);
  const hosts = base.slice('mongodb://'.length).split('/')[0]!.replace(/^.*@/, '').split(',');
  if (hosts.every((h) => ['localhost', '127.0.0.1'].includes(h.split(':')[0]!)) && !params.some(([k]) => k === 'serverSelectionTimeoutMS')) params.push(['serverSelectionTimeoutMS', '2000']);
  return withParams(base, params);
}

function withParams(base: string, params: [string, string][]): string {
  return params.length ? `${base}?${params.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%20/g, '+')}`).join('&')}` : base;
}

function normalized(args: MongoshArgs): { base: string; params: [string, string][] } {
  const uri = args.connectionSpecifier;
  if (args.host && /^[A-Za-z0-9._-]+(:\d+)?(,[A-Za-z0-9._-]+(:\d+)?)*$/.test(args.host)) {
    const hosts = args.host.split(',').map((h) => {
      const [name, port] = h.split(':');
      if (args.port && port !== undefined && port !== args.port) throw new MongoshInvalidInputError('The host list contains different ports than provided by --port');
      return port || args.port ? `${name}:${port || args.port}` : name!;
    });
    return { base: `mongodb://${hosts.join(',')}/${encodeURIComponent(uri ?? '')}`, params: [['directConnection', 'true']] };
  }
  if (!uri) return { base: `mongodb://127.0.0.1:${args.port ?? '27017'}/`, params: [['directConnection', 'true']] };
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) {
    if (args.host || args.port) throw new MongoshInvalidInputError(CONFLICT);
    const q = uri.indexOf('?');
    const path = q >= 0 ? uri.slice(0, q) : uri;
    const authorityEnd = path.indexOf('/', path.indexOf('//') + 2);
    const base = authorityEnd < 0 ? `${path}/` : path;
    const params: [string, string][] = (q >= 0 ? uri.slice(q + 1).split('&') : []).filter(Boolean).map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i < 0 ? p.length : i), i < 0 ? '' : decodeURIComponent(p.slice(i + 1).replace(/\+/g, ' '))];
    });
    const single = !base.slice(base.indexOf('//') + 2).split('/')[0]!.includes(',');
    if (uri.startsWith('mongodb://') && single && !params.some(([k]) => ['replicaSet', 'directConnection', 'loadBalanced'].includes(k))) params.push(['directConnection', 'true']);
    return { base, params };
  }
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]+)(?::(\d+))?(?:\/(\S*))?$/.exec(uri);
  let host: string | undefined;
  let port: string | undefined;
  let db: string | undefined;
  if (!m) {
    if (/[/\\. "$]/.test(uri)) throw new MongoshInvalidInputError(`Invalid URI: ${uri}`);
    db = uri;
  } else {
    [, host, port, db] = m;
    // A bare word without a dot is a database name (the legacy shell's rule).
    if (!port && !db && !host!.includes('.')) {
      db = host;
      host = undefined;
    }
  }
  if ((host || port) && (args.host || args.port)) throw new MongoshInvalidInputError(CONFLICT);
  return { base: `mongodb://${host ?? args.host ?? '127.0.0.1'}:${port ?? args.port ?? '27017'}/${encodeURIComponent(db ?? '')}`, params: [['directConnection', 'true']] };
}
