import { MongoParseError } from './errors.ts';

/**
 * `mongodb://[user:pass@]host[:port][/db][?options]`, parsed as mongodb-connection-string-url does for one host, with
 * the driver's MongoParseError wording. Multiple hosts and `mongodb+srv://` are not simulated.
 */
export interface ConnectionString {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  /** The path's database (`test` when absent, as the driver's default). */
  readonly dbName?: string;
  /** Query options in the order given (names as written). */
  readonly options: ReadonlyArray<readonly [string, string]>;
}

export function parseConnectionString(uri: string): ConnectionString {
  const m = /^mongodb:\/\/([^/?]*)(?:\/([^?]*))?(?:\?(.*))?$/s.exec(uri);
  if (!m) {
    if (uri.startsWith('mongodb+srv://')) throw new MongoParseError('mongodb+srv:// connection strings are not simulated by Dockyard');
    throw new MongoParseError('Invalid scheme, expected connection string to start with "mongodb://" or "mongodb+srv://"');
  }
  const authority = m[1]!;
  const at = authority.lastIndexOf('@');
  const hostPart = at >= 0 ? authority.slice(at + 1) : authority;
  let username: string | undefined;
  let password: string | undefined;
  if (at >= 0) {
    const creds = authority.slice(0, at);
    const colon = creds.indexOf(':');
    username = decode(colon >= 0 ? creds.slice(0, colon) : creds);
    password = colon >= 0 ? decode(creds.slice(colon + 1)) : undefined;
    if (username === '') throw new MongoParseError('URI contained empty userinfo section');
  }
  if (hostPart === '') throw new MongoParseError('URI must include hostname, domain name, and tld');
  if (hostPart.includes(',')) throw new MongoParseError('Dockyard simulates connection strings with a single host');
  const hp = /^(\[[^\]]+\]|[^:]+)(?::(\d*))?$/.exec(hostPart);
  if (!hp) throw new MongoParseError(`Invalid URL: ${uri}`);
  const portText = hp[2];
  if (portText !== undefined && (portText === '' || Number(portText) > 65535)) throw new MongoParseError(`Invalid URL: ${uri}`);
  const options: [string, string][] = [];
  for (const pair of (m[3] ?? '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    options.push([decode(eq >= 0 ? pair.slice(0, eq) : pair), decode(eq >= 0 ? pair.slice(eq + 1) : '')]);
  }
  const dbName = m[2] ? decode(m[2]) : undefined;
  return { host: hp[1]!.replace(/^\[|\]$/g, ''), port: portText ? Number(portText) : 27017, ...(username !== undefined ? { username } : {}), ...(password !== undefined ? { password } : {}), ...(dbName ? { dbName } : {}), options };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new MongoParseError('URI malformed');
  }
}

export function option(cs: ConnectionString, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (let i = cs.options.length - 1; i >= 0; i--) if (cs.options[i]![0].toLowerCase() === lower) return cs.options[i]![1];
  return undefined;
}

/** The URI with its credentials hidden, as mongosh prints it (`mongodb://<credentials>@host/...`). */
export function redactCredentials(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/?]*@/, '$1<credentials>@');
}
