import { DockerError } from '../core/errors.ts';
import { resolvePath } from '../fs/path.ts';
import type { CreateOptions } from '../runtime/containers/config.ts';
import type { HealthConfig } from '../runtime/containers/types.ts';
import type { CommandContext } from './command.ts';
import { parseGoDuration } from './flag-values.ts';
import { FlagError } from './flags.ts';
import { keyValueMap } from './key-values.ts';

/**
 * The metadata flags of `run`/`create` (docker/cli container/opts.go parse): labels, hostname, stop settings,
 * HEALTHCHECK settings, extra hosts and which streams are attached. Flag-value errors are pflag's (FlagError: the
 * CLI adds the usage, exit 125); parse errors are reported as `docker: <error>` with the command's help hint.
 */
export type MetadataOptions = Pick<CreateOptions, 'labels' | 'hostname' | 'stopSignal' | 'stopTimeout' | 'healthcheck' | 'extraHosts' | 'attach'>;

/** docker/cli's reportError for `run`/`create` parse errors: exit 125. */
export function parseError(command: 'run' | 'create', message: string): DockerError {
  return new DockerError(`docker: ${message}\n\nRun 'docker ${command} --help' for more information`, 125, 'ERUN');
}

export function metadataOptions(ctx: CommandContext, command: 'run' | 'create'): MetadataOptions {
  const f = ctx.flags;
  const extraHosts = f.list('add-host').map(validateExtraHost);
  for (const l of f.list('label')) validateLabel(l);
  const labelLines = f.list('label-file').flatMap((path) => readLabelFile(ctx, command, path));
  const labels = keyValueMap([...labelLines, ...f.list('label')]);
  const healthcheck = healthOptions(ctx, command);
  const detached = command === 'run' && f.bool('detach');
  const stdin = f.bool('interactive');
  return {
    labels,
    ...(f.string('hostname') !== '' ? { hostname: f.string('hostname') } : {}),
    ...(f.string('stop-signal') !== '' ? { stopSignal: f.string('stop-signal') } : {}),
    ...(f.changed('stop-timeout') ? { stopTimeout: f.int('stop-timeout') } : {}),
    ...(healthcheck ? { healthcheck } : {}),
    ...(extraHosts.length > 0 ? { extraHosts } : {}),
    // run.go: a detached container attaches nothing; otherwise stdout and stderr, and stdin with -i.
    attach: detached ? { stdin: false, stdout: false, stderr: false, stdinOnce: false } : { stdin, stdout: true, stderr: true, stdinOnce: stdin },
  };
}

/** opts.ValidateLabel: the name (trimmed) must not be empty nor hold whitespace; the value is kept as typed. */
function validateLabel(value: string): void {
  const eq = value.indexOf('=');
  const key = (eq < 0 ? value : value.slice(0, eq)).trim();
  const bad = (why: string) => new FlagError(`invalid argument ${JSON.stringify(value)} for "-l, --label" flag: ${why}`);
  if (key === '') throw bad(`invalid label '${value}': empty name`);
  if (/\s/.test(key)) throw bad(`label '${key}' contains whitespaces`);
}

/** opts.ReadKVStrings on a label file: one label a line, blank lines and `#` comments skipped, leading space trimmed. */
function readLabelFile(ctx: CommandContext, command: 'run' | 'create', path: string): string[] {
  const fs = ctx.host?.fs;
  const full = resolvePath(ctx.host?.cwd ?? '/', path);
  if (!fs || !fs.exists(full)) throw parseError(command, `open ${path}: no such file or directory`);
  return new TextDecoder()
    .decode(fs.readFile(full))
    .split('\n')
    .map((l) => l.replace(/^\s+/, '').replace(/\r$/, ''))
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const HEALTH_DURATIONS = [
  ['health-interval', 'Interval'],
  ['health-timeout', 'Timeout'],
  ['health-start-period', 'StartPeriod'],
  ['health-start-interval', 'StartInterval'],
] as const;

/**
 * The `--health-*` flags as opts.go reads them: `--health-cmd` becomes a CMD-SHELL test, durations are kept in
 * nanoseconds, negative values are refused, and `--no-healthcheck` (Test `NONE`) conflicts with all of them.
 */
function healthOptions(ctx: CommandContext, command: 'run' | 'create'): HealthConfig | undefined {
  const f = ctx.flags;
  const ns = (name: string) => Math.round(parseGoDuration(f.string(name)) * 1e6);
  const cmd = f.string('health-cmd');
  const retries = f.int('health-retries');
  const have = cmd !== '' || retries !== 0 || HEALTH_DURATIONS.some(([flag]) => ns(flag) !== 0);
  if (f.bool('no-healthcheck')) {
    if (have) throw parseError(command, '--no-healthcheck conflicts with --health-* options');
    return { Test: ['NONE'] };
  }
  if (!have) return undefined;
  for (const [flag] of [HEALTH_DURATIONS[0], HEALTH_DURATIONS[1]]) if (ns(flag) < 0) throw parseError(command, `--${flag} cannot be negative`);
  if (retries < 0) throw parseError(command, '--health-retries cannot be negative');
  for (const [flag] of [HEALTH_DURATIONS[2], HEALTH_DURATIONS[3]]) if (ns(flag) < 0) throw parseError(command, `--${flag} cannot be negative`);
  const out: Record<string, unknown> = cmd !== '' ? { Test: ['CMD-SHELL', cmd] } : {};
  for (const [flag, field] of HEALTH_DURATIONS) if (ns(flag) !== 0) out[field] = ns(flag);
  if (retries !== 0) out.Retries = retries;
  return out as HealthConfig;
}

/** opts.ValidateExtraHost: `name:ip` or `name=ip` (brackets allowed around the address), sent on as `name:ip`. */
export function validateExtraHost(value: string): string {
  let sep = value.indexOf('=');
  if (sep < 0) sep = value.indexOf(':');
  const name = sep < 0 ? '' : value.slice(0, sep);
  const bad = (why: string) => new FlagError(`invalid argument ${JSON.stringify(value)} for "--add-host" flag: ${why}`);
  if (sep < 0 || name === '' || name.includes(':')) throw bad(`bad format for add-host: ${JSON.stringify(value)}`);
  let address = value.slice(sep + 1);
  if (address !== 'host-gateway') {
    if (address.length > 2 && address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
    if (!isIP(address)) throw bad(`invalid IP address in add-host: ${JSON.stringify(address)}`);
  }
  return `${name}:${address}`;
}

/** Go's net.ParseIP succeeds: a dotted IPv4 address or an IPv6 one (`::` once, an IPv4 tail allowed). */
export function isIP(text: string): boolean {
  const v4 = (s: string) => /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s) && s.split('.').every((p) => Number(p) <= 255 && !/^0\d/.test(p));
  if (v4(text)) return true;
  if (!text.includes(':')) return false;
  const parts = text.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p === '' ? [] : p.split(':')));
  let count = 0;
  for (const [i, g] of groups.entries()) {
    if (i === groups.length - 1 && g.includes('.')) {
      if (!v4(g)) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count += 1;
    else return false;
  }
  return parts.length === 2 ? count < 8 : count === 8;
}
