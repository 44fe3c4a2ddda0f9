/**
 * redis-server's configuration: `redis-server [/path/to/redis.conf] [--name value...]`. As in config.c, the file's
 * text and the command-line options (each `--name` starting a new line) are read as one config text, line by line,
 * so an error names the line it is on, with Redis's wording.
 */
import { splitArgs } from './split-args.ts';

export type SaveRule = readonly [seconds: number, changes: number];

/** Redis 7's built-in rules when nothing sets `save` (the image ships no redis.conf). */
const DEFAULT_SAVE: readonly SaveRule[] = [
  [3600, 1],
  [300, 100],
  [60, 10000],
];

const DEFAULTS: Readonly<Record<string, string>> = {
  port: '6379',
  bind: '* -::*',
  appendonly: 'no',
  appendfilename: 'appendonly.aof',
  appenddirname: 'appendonlydir',
  appendfsync: 'everysec',
  dir: '.',
  dbfilename: 'dump.rdb',
  requirepass: '',
  databases: '16',
  loglevel: 'notice',
  logfile: '',
  maxmemory: '0',
  'maxmemory-policy': 'noeviction',
  // docker-library builds with protected mode off: a container's clients never come from loopback.
  'protected-mode': 'no',
  daemonize: 'no',
  timeout: '0',
  'tcp-keepalive': '300',
  rdbcompression: 'yes',
  rdbchecksum: 'yes',
  'stop-writes-on-bgsave-error': 'yes',
};

type Check = (args: readonly string[]) => string | undefined;
const yesNo: Check = (a) => (a.length === 1 && (a[0] === 'yes' || a[0] === 'no') ? undefined : "argument must be 'yes' or 'no'");
const intIn =
  (min: number, max: number): Check =>
  (a) => {
    const n = Number(a[0]);
    if (!/^-?\d+$/.test(a[0] ?? '')) return "argument couldn't be parsed into an integer";
    return n < min || n > max ? `argument must be between ${min} and ${max} inclusive` : undefined;
  };
const any: Check = () => undefined;

/** The directives Dockyard knows; the others are refused as Redis refuses unknown ones. */
const CHECKS: Readonly<Record<string, Check>> = {
  port: intIn(0, 65535),
  databases: intIn(1, 2147483647),
  appendonly: yesNo,
  'protected-mode': yesNo,
  daemonize: yesNo,
  rdbcompression: yesNo,
  rdbchecksum: yesNo,
  'stop-writes-on-bgsave-error': yesNo,
  loglevel: (a) => (['debug', 'verbose', 'notice', 'warning', 'nothing'].includes(a[0] ?? '') ? undefined : 'argument(s) must be one of the following: debug, verbose, notice, warning, nothing'),
  appendfsync: (a) => (['always', 'everysec', 'no'].includes(a[0] ?? '') ? undefined : 'argument(s) must be one of the following: always, everysec, no'),
  bind: any,
  save: any,
  appendfilename: any,
  appenddirname: any,
  dir: any,
  dbfilename: any,
  requirepass: any,
  logfile: any,
  pidfile: any,
  maxmemory: any,
  'maxmemory-policy': any,
  timeout: any,
  'tcp-keepalive': any,
  loadmodule: any,
};

/** Directives that take several words; the others take exactly one. */
const MULTI = new Set(['bind', 'save', 'loadmodule']);

export class ConfigError extends Error {
  constructor(
    readonly lineNumber: number,
    readonly line: string,
    readonly reason: string,
  ) {
    super(reason);
  }

  /** config.c's report, which redis-server prints to stderr before exiting 1. */
  report(version: string): string {
    return `\n*** FATAL CONFIG FILE ERROR (Redis ${version}) ***\nReading the configuration file, at line ${this.lineNumber}\n>>> '${this.line}'\n${this.reason}\n`;
  }
}

export class RedisConfig {
  readonly #values = new Map<string, string>(Object.entries(DEFAULTS));
  #save: SaveRule[] = [...DEFAULT_SAVE];
  /** The config file given on the command line, absolute (INFO's config_file). */
  configFile = '';

  get(name: string): string | undefined {
    if (name === 'save') return this.#save.map(([s, c]) => `${s} ${c}`).join(' ');
    return this.#values.get(name);
  }

  /** Every parameter CONFIG GET can show, with its value. */
  entries(): [string, string][] {
    return [...new Set([...this.#values.keys(), 'save'])].map((k) => [k, this.get(k)!]);
  }

  /** Applies one directive (config file line, command-line option or CONFIG SET); returns the reason it is refused. */
  apply(name: string, args: readonly string[], firstSave: { seen: boolean } = { seen: true }): string | undefined {
    const check = Object.hasOwn(CHECKS, name) ? CHECKS[name] : undefined;
    if (!check || args.length === 0 || (!MULTI.has(name) && args.length !== 1)) return 'Bad directive or wrong number of arguments';
    const problem = check(args);
    if (problem) return problem;
    if (name === 'save') {
      const rules = parseSave(args);
      if (!rules) return 'Invalid save parameters';
      // The first `save` replaces the built-in rules; later ones add to it (`save ""` clears).
      this.#save = firstSave.seen ? [...this.#save, ...rules] : rules;
      if (rules.length === 0) this.#save = [];
      firstSave.seen = true;
      return undefined;
    }
    this.#values.set(name, args.join(' '));
    return undefined;
  }

  get port(): number {
    return Number(this.get('port'));
  }
  get databases(): number {
    return Number(this.get('databases'));
  }
  get appendOnly(): boolean {
    return this.get('appendonly') === 'yes';
  }
  get saveRules(): readonly SaveRule[] {
    return this.#save;
  }
  get requirePass(): string {
    return this.get('requirepass') ?? '';
  }
}

function parseSave(args: readonly string[]): SaveRule[] | undefined {
  if (args.length === 1 && args[0] === '') return [];
  if (args.length % 2 !== 0) return undefined;
  const rules: SaveRule[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const s = Number(args[i]);
    const c = Number(args[i + 1]);
    if (!/^\d+$/.test(args[i]!) || !/^\d+$/.test(args[i + 1]!)) return undefined;
    rules.push([s, c]);
  }
  return rules;
}

/** What `redis-server` was asked for: a config file to read and the option lines after it. */
export interface ServerArgs {
  readonly configFile?: string;
  /** The command-line options as config lines (`--port 7000` → `port "7000"`). */
  readonly optionLines: readonly string[];
}

export function parseServerArgs(args: readonly string[]): ServerArgs {
  let i = 0;
  let configFile: string | undefined;
  if (args[0] !== undefined && !args[0].startsWith('-')) configFile = args[i++];
  const lines: string[] = [];
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) lines.push(a.slice(2));
    else if (lines.length > 0) lines[lines.length - 1] += ` ${quote(a)}`;
    else lines.push(quote(a));
  }
  return { ...(configFile !== undefined ? { configFile } : {}), optionLines: lines.map((l) => (l.includes(' ') ? l : `${l} ""`)) };
}

/** sdscatrepr: how the options are quoted into config text. */
function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** Reads config text (the file's lines, then the option lines) into `config`; throws ConfigError on a bad line. */
export function loadConfig(config: RedisConfig, text: string): void {
  const firstSave = { seen: false };
  const lines = text.split('\n');
  for (const [n, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const words = splitArgs(line);
    if (!words) throw new ConfigError(n + 1, line, 'Unbalanced quotes in configuration line');
    if (words.length === 0) continue;
    const problem = config.apply(words[0]!.toLowerCase(), words.slice(1), firstSave);
    if (problem) throw new ConfigError(n + 1, line, problem);
  }
}
