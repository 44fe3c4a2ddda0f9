/**
 * mongod's command line, parsed as boost::program_options does it (`--opt value` or `--opt=value`), with its error
 * wording. Only the options lessons use are known; anything else is refused the way mongod refuses a typo.
 */
export interface MongodOptions {
  readonly dbpath: string;
  readonly port: number;
  /** Addresses to bind; `--bind_ip_all` means every interface. */
  readonly bindIp: readonly string[];
  readonly bindIpAll: boolean;
  readonly auth: boolean;
  readonly quiet: boolean;
  readonly version: boolean;
  readonly help: boolean;
  /** The options as mongod logs them under "Options set by command line". */
  readonly logged: Record<string, Record<string, unknown>>;
}

export type ParsedMongod = { ok: true; options: MongodOptions } | { ok: false; error: string };

const WITH_VALUE = new Set(['dbpath', 'port', 'bind_ip']);
const FLAGS = new Set(['bind_ip_all', 'auth', 'noauth', 'quiet', 'version', 'help', 'ipv6', 'nounixsocket']);

export function parseMongodArgs(args: readonly string[]): ParsedMongod {
  let dbpath = '/data/db';
  let port = 27017;
  let bindIp: string[] = ['127.0.0.1'];
  let bindIpAll = false;
  let auth = false;
  let quiet = false;
  let version = false;
  let help = false;
  const logged: Record<string, Record<string, unknown>> = {};
  const set = (section: string, key: string, value: unknown) => ((logged[section] ??= {})[key] = value);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^--?([A-Za-z_][\w.]*)(?:=(.*))?$/s.exec(arg);
    if (!m) return { ok: false, error: `Error parsing command line: too many positional options have been specified on the command line` };
    const name = m[1]!;
    if (arg.startsWith('-') && !arg.startsWith('--') && name !== 'h' && name !== 'f') return { ok: false, error: `Error parsing command line: unrecognised option '${arg}'` };
    if (name === 'h') {
      help = true;
      continue;
    }
    if (WITH_VALUE.has(name)) {
      const value = m[2] ?? args[++i];
      if (value === undefined) return { ok: false, error: `Error parsing command line: the required argument for option '--${name}' is missing` };
      if (name === 'dbpath') {
        dbpath = value;
        set('storage', 'dbPath', value);
      } else if (name === 'port') {
        if (!/^\d+$/.test(value) || Number(value) > 65535) return { ok: false, error: `Error parsing command line: the argument ('${value}') for option '--port' is invalid` };
        port = Number(value);
        set('net', 'port', port);
      } else {
        bindIp = value.split(',').map((s) => s.trim()).filter(Boolean);
        set('net', 'bindIp', value);
      }
      continue;
    }
    if (!FLAGS.has(name)) return { ok: false, error: `Error parsing command line: unrecognised option '${arg.replace(/=.*$/s, '')}'` };
    if (m[2] !== undefined) return { ok: false, error: `Error parsing command line: option '--${name}' does not take any arguments` };
    if (name === 'bind_ip_all') {
      bindIpAll = true;
      set('net', 'bindIp', '*');
    } else if (name === 'auth') {
      auth = true;
      set('security', 'authorization', 'enabled');
    } else if (name === 'noauth') {
      auth = false;
      set('security', 'authorization', 'disabled');
    } else if (name === 'quiet') {
      quiet = true;
      set('systemLog', 'quiet', true);
    } else if (name === 'version') version = true;
    else if (name === 'help') help = true;
    else if (name === 'ipv6') set('net', 'ipv6', true);
    else if (name === 'nounixsocket') set('net', 'unixDomainSocket', { enabled: false });
  }
  return { ok: true, options: { dbpath, port, bindIp, bindIpAll, auth, quiet, version, help, logged } };
}
