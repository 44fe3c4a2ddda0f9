/**
 * curl's command line, the options a Docker course uses: short ones bundle (`-fsSL`), a value follows its letter
 * or comes as the next word, long ones take `--name value`.
 */

export interface CurlArgs {
  urls: string[];
  silent: boolean;
  showError: boolean;
  fail: boolean;
  failWithBody: boolean;
  include: boolean;
  head: boolean;
  output?: string;
  remoteName: boolean;
  writeOut?: string;
  method?: string;
  data: string[];
  headers: string[];
  userAgent?: string;
  maxTime?: number;
  connectTimeout?: number;
  location: boolean;
  verbose: boolean;
  noProgress: boolean;
  version: boolean;
  help: boolean;
}

export type ArgsResult = CurlArgs | { readonly error: string; readonly code: number };

const SHORT_FLAGS: Record<string, keyof CurlArgs> = { s: 'silent', S: 'showError', f: 'fail', i: 'include', I: 'head', O: 'remoteName', L: 'location', v: 'verbose', V: 'version', h: 'help' };
const SHORT_VALUES: Record<string, string> = { o: 'output', w: 'write-out', X: 'request', d: 'data', H: 'header', A: 'user-agent', m: 'max-time', u: 'user', e: 'referer', b: 'cookie' };
/** Accepted and without effect here: TLS, IP family, compression and retry knobs. */
const IGNORED_FLAGS = new Set(['k', '4', '6', 'g', 'N', 'insecure', 'ipv4', 'ipv6', 'compressed', 'globoff', 'no-buffer', 'http1.1', 'no-keepalive']);
const IGNORED_VALUES = new Set(['u', 'e', 'b', 'user', 'referer', 'cookie', 'retry', 'retry-delay', 'retry-max-time', 'cacert', 'resolve']);

const LONG_FLAGS: Record<string, keyof CurlArgs> = {
  silent: 'silent',
  'show-error': 'showError',
  fail: 'fail',
  'fail-with-body': 'failWithBody',
  include: 'include',
  'show-headers': 'include',
  head: 'head',
  'remote-name': 'remoteName',
  location: 'location',
  verbose: 'verbose',
  'no-progress-meter': 'noProgress',
  version: 'version',
  help: 'help',
};

export function parseCurlArgs(argv: readonly string[]): ArgsResult {
  const a: CurlArgs = { urls: [], silent: false, showError: false, fail: false, failWithBody: false, include: false, head: false, remoteName: false, data: [], headers: [], location: false, verbose: false, noProgress: false, version: false, help: false };
  const unknown = (name: string) => ({ error: `option ${name}: is unknown`, code: 2 });
  const setValue = (name: string, value: string): { error: string; code: number } | undefined => {
    switch (name) {
      case 'output':
        a.output = value;
        break;
      case 'write-out':
        a.writeOut = value;
        break;
      case 'request':
        a.method = value;
        break;
      case 'data':
      case 'data-raw':
      case 'data-binary':
      case 'data-ascii':
        a.data.push(value);
        break;
      case 'json':
        a.data.push(value);
        a.headers.unshift('Content-Type: application/json', 'Accept: application/json');
        break;
      case 'header':
        a.headers.push(value);
        break;
      case 'user-agent':
        a.userAgent = value;
        break;
      case 'max-time':
      case 'connect-timeout': {
        if (!/^\d+(\.\d+)?$/.test(value)) return { error: `option --${name}: expected a proper numerical parameter`, code: 2 };
        if (name === 'max-time') a.maxTime = Number(value);
        else a.connectTimeout = Number(value);
        break;
      }
      default:
        if (!IGNORED_VALUES.has(name)) return unknown(`--${name}`);
    }
    return undefined;
  };
  const needsValue = (name: string) => ({ error: `option ${name}: requires parameter`, code: 2 });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--') && arg.length > 2) {
      const name = arg.slice(2);
      const flag = LONG_FLAGS[name] ?? (name.startsWith('no-') ? undefined : undefined);
      if (flag) {
        (a[flag] as boolean) = true;
        continue;
      }
      if (IGNORED_FLAGS.has(name)) continue;
      if (['output', 'write-out', 'request', 'data', 'data-raw', 'data-binary', 'data-ascii', 'json', 'header', 'user-agent', 'max-time', 'connect-timeout'].includes(name) || IGNORED_VALUES.has(name)) {
        const value = argv[++i];
        if (value === undefined) return needsValue(arg);
        const e = setValue(name, value);
        if (e) return e;
        continue;
      }
      if (name === 'url') {
        const value = argv[++i];
        if (value === undefined) return needsValue(arg);
        a.urls.push(value);
        continue;
      }
      return unknown(arg);
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!;
        const flag = SHORT_FLAGS[c];
        if (flag) {
          (a[flag] as boolean) = true;
          continue;
        }
        if (IGNORED_FLAGS.has(c)) continue;
        const long = SHORT_VALUES[c];
        if (!long) return unknown(`-${c}`);
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
        if (value === undefined) return needsValue(`-${c}`);
        const e = setValue(long, value);
        if (e) return e;
        break;
      }
      continue;
    }
    a.urls.push(arg);
  }
  return a;
}
