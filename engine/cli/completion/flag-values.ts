import { containerNames, envVarNames, fromList, networkNames } from './names.ts';
import { DIRS, FILES, NONE, values, type Rule } from './suggestion.ts';

/**
 * Completion of flag values: docker's RegisterFlagCompletionFunc calls (cli/command/container/completion.go for
 * `run` and `create`, each command's own file for the rest). A value flag with no function registered gets the
 * shell's file names, as cobra's default directive gives.
 */

/** moby/sys/signal's SignalMap names on Linux (the real-time ones left out). */
const SIGNALS = [
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF',
  'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1', 'USR2',
  'VTALRM', 'WINCH', 'XCPU', 'XFSZ',
];

/** The daemon's log plugins (`docker info`'s Plugins.Log). */
const LOG_DRIVERS = ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'];

const PLATFORMS = [
  'linux/386', 'linux/amd64', 'linux/arm', 'linux/arm/v5', 'linux/arm/v6', 'linux/arm/v7', 'linux/arm64', 'linux/arm64/v8',
  'linux/ppc64le', 'linux/s390x', 'linux/riscv64', 'windows/amd64', 'wasip1/wasm',
];

/** `--ipc` and `--pid`: a mode, or `container:` and a container's name. */
function namespaceMode(modes: readonly string[]): Rule {
  return (ctx) => {
    if (ctx.toComplete.startsWith('container:')) {
      const names = containerNames(true)(ctx);
      return names.kind === 'values' ? values(names.values.map((n) => `container:${n}`)) : NONE;
    }
    if (ctx.toComplete !== '' && 'container'.startsWith(ctx.toComplete)) return values(['container:'], true);
    return values(modes);
  };
}

/**
 * `-v SOURCE:TARGET`: a named volume or a host path, then a colon. Docker registers nothing here (the shell lists
 * files); we offer volume names as well, since a named volume is what a lesson's `-v` usually wants.
 */
const volumeSpec: Rule = (ctx) => {
  const v = ctx.toComplete;
  if (v.includes(':')) return NONE;
  if (v.startsWith('/') || v.startsWith('.') || v.startsWith('~')) return FILES;
  return values(ctx.sources.volumes().map((name) => `${name}:`), true);
};

const MOUNT_KEYS = ['type=', 'source=', 'target=', 'readonly', 'volume-opt=', 'bind-propagation=', 'tmpfs-size='];

/** `--mount type=volume,source=NAME,target=/path`: keys, the types, and volume names after `source=`. */
const mountSpec: Rule = (ctx) => {
  const comma = ctx.toComplete.lastIndexOf(',');
  const done = ctx.toComplete.slice(0, comma + 1);
  const part = ctx.toComplete.slice(comma + 1);
  const withDone = (list: readonly string[], noSpace: boolean) => values(list.map((x) => done + x), noSpace);
  if (part.startsWith('type=')) return withDone(['type=bind,', 'type=volume,', 'type=tmpfs,'], true);
  const src = /^(source|src)=/.exec(part);
  if (src) {
    if (/(^|,)type=(bind|tmpfs)(,|$)/.test(done)) return NONE;
    return withDone(ctx.sources.volumes().map((n) => `${src[1]}=${n},`), true);
  }
  return withDone(MOUNT_KEYS.filter((k) => done === '' || !k.startsWith('type=')), true);
};

/** `run` and `create` share these (addCompletions). */
const RUN_FLAGS: Readonly<Record<string, Rule>> = {
  attach: fromList('stderr', 'stdin', 'stdout'),
  cgroupns: fromList('host', 'private'),
  env: envVarNames,
  'env-file': () => FILES,
  ipc: namespaceMode(['container:', 'host', 'none', 'private', 'shareable']),
  link: (ctx) => {
    const names = containerNames(true)(ctx);
    return names.kind === 'values' ? values(names.values.map((n) => `${n}:`), true) : NONE;
  },
  'log-driver': fromList(...LOG_DRIVERS),
  network: networkNames,
  pid: namespaceMode(['container:', 'host']),
  platform: fromList(...PLATFORMS),
  pull: fromList('always', 'missing', 'never'),
  restart: fromList('no', 'always', 'on-failure', 'unless-stopped'),
  'stop-signal': fromList(...SIGNALS),
  userns: fromList('host'),
  uts: fromList('host'),
  'volume-driver': fromList('local'),
  'volumes-from': containerNames(true),
  volume: volumeSpec,
  mount: mountSpec,
};

/** Flag value rules by command (first path), then by flag long name. */
const BY_COMMAND: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  'docker container run': RUN_FLAGS,
  'docker container create': RUN_FLAGS,
  'docker container exec': { env: envVarNames, 'env-file': () => FILES },
  'docker container kill': { signal: fromList(...SIGNALS) },
  'docker container stop': { signal: fromList(...SIGNALS) },
  'docker container restart': { signal: fromList(...SIGNALS) },
  'docker container update': { restart: fromList('no', 'always', 'on-failure', 'unless-stopped') },
  'docker image pull': { platform: fromList(...PLATFORMS) },
  'docker image save': { platform: fromList(...PLATFORMS) },
  'docker network create': { driver: fromList('bridge', 'host', 'ipvlan', 'macvlan', 'none', 'overlay') },
  'docker volume create': { driver: fromList('local') },
  'docker buildx build': {
    'build-arg': envVarNames,
    network: fromList('default', 'host', 'none'),
    platform: fromList(...PLATFORMS),
    progress: fromList('auto', 'plain', 'tty', 'quiet', 'rawjson'),
    file: () => FILES,
    'build-context': () => NONE,
  },
  'docker inspect': { type: fromList('config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume') },
  // docker's global options.
  docker: {
    'log-level': fromList('debug', 'info', 'warn', 'error', 'fatal'),
    config: () => DIRS,
    context: () => NONE,
  },
};

/** Flags whose values are plainly no path: we complete nothing there rather than list files as cobra's default would. */
const FREE_TEXT = new Set(['name', 'format', 'filter', 'tag', 'label', 'hostname', 'user', 'workdir', 'entrypoint', 'publish', 'expose', 'memory', 'cpus', 'time', 'timeout', 'tail', 'since', 'until', 'detach-keys', 'add-host', 'ip', 'alias', 'subnet', 'gateway', 'message', 'author', 'change', 'target', 'opt', 'health-cmd']);

export function flagValueRule(commandPath: string, flag: string): Rule {
  const rule = BY_COMMAND[commandPath]?.[flag];
  if (rule) return rule;
  return FREE_TEXT.has(flag) ? () => NONE : () => FILES;
}
