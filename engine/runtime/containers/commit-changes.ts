import { DockerError } from '../../core/errors.ts';
import { portSpecs } from '../../build/legacy/dispatch.ts';
import { copyRunConfig, type RunConfig } from '../../build/legacy/run-config.ts';
import { parseInstruction, type Command } from '../../dockerfile/instructions/index.ts';
import { parseDockerfile } from '../../dockerfile/parser/parse.ts';

/** The instructions `docker commit --change` accepts (moby builder/dockerfile validCommitCommands). */
const VALID = new Set(['cmd', 'entrypoint', 'env', 'expose', 'healthcheck', 'label', 'onbuild', 'stopsignal', 'user', 'volume', 'workdir']);

const invalid = (message: string) => new DockerError(`Error response from daemon: ${message}`, 1, 'EINVAL');

/**
 * `--change` lines applied to the committed config, as moby's BuildFromConfig runs them through the builder's
 * dispatchers (one Dockerfile, the lines joined). Words are taken as written: the simulation does not expand `$VAR`
 * in them. Shell forms run under `/bin/sh -c` (or the config's SHELL).
 */
export function applyChanges(base: RunConfig, changes: readonly string[]): RunConfig {
  if (changes.length === 0) return base;
  let nodes;
  try {
    nodes = parseDockerfile(changes.join('\n')).ast.children;
  } catch (e) {
    throw invalid(e instanceof Error ? e.message : String(e));
  }
  const rc = copyRunConfig(base);
  for (const node of nodes) {
    const name = node.value.toLowerCase();
    // moby's words, naming the instruction as the parser lower-cased it.
    if (!VALID.has(name)) throw invalid(`${name} is not a valid change command`);
    let cmd: Command;
    try {
      cmd = parseInstruction(node) as Command;
    } catch (e) {
      throw invalid(e instanceof Error ? e.message : String(e));
    }
    apply(rc, cmd);
  }
  return rc;
}

function apply(rc: RunConfig, cmd: Command): void {
  const shell = () => (rc.Shell && rc.Shell.length > 0 ? [...rc.Shell] : ['/bin/sh', '-c']);
  const line = (c: { cmdLine?: readonly string[] | undefined; prependShell: boolean }) => {
    const words = c.cmdLine ?? [];
    return words.length === 0 ? [] : c.prependShell ? [...shell(), ...words] : [...words];
  };
  switch (cmd.kind) {
    case 'cmd':
      rc.Cmd = line(cmd);
      rc.ArgsEscaped = false;
      return;
    case 'entrypoint':
      rc.Entrypoint = line(cmd);
      rc.ArgsEscaped = false;
      return;
    case 'env': {
      const list = [...(rc.Env ?? [])];
      for (const kv of cmd.env) {
        const entry = `${kv.key}=${kv.value}`;
        const i = list.findIndex((e) => e.split('=')[0] === kv.key);
        if (i >= 0) list[i] = entry;
        else list.push(entry);
      }
      rc.Env = list;
      return;
    }
    case 'expose': {
      const set = { ...(rc.ExposedPorts ?? {}) };
      for (const p of cmd.ports) {
        try {
          for (const port of portSpecs(p)) set[port] = {};
        } catch (e) {
          throw invalid(e instanceof Error ? e.message : String(e));
        }
      }
      rc.ExposedPorts = set;
      return;
    }
    case 'label':
      rc.Labels = { ...(rc.Labels ?? {}), ...Object.fromEntries(cmd.labels.map((kv) => [kv.key, kv.value])) };
      return;
    case 'onbuild':
      rc.OnBuild = [...(rc.OnBuild ?? []), cmd.expression];
      return;
    case 'stopsignal':
      rc.StopSignal = cmd.signal;
      return;
    case 'user':
      rc.User = cmd.user;
      return;
    case 'volume':
      rc.Volumes = { ...(rc.Volumes ?? {}), ...Object.fromEntries(cmd.volumes.map((v) => [v, {}])) };
      return;
    case 'workdir':
      rc.WorkingDir = cmd.path.startsWith('/') ? cmd.path : `${rc.WorkingDir || '/'}/${cmd.path}`.replace(/\/+/g, '/');
      return;
    case 'healthcheck': {
      const h = cmd.health;
      rc.Healthcheck = { Test: [...h.test], ...(h.interval ? { Interval: h.interval } : {}), ...(h.timeout ? { Timeout: h.timeout } : {}), ...(h.retries ? { Retries: h.retries } : {}) };
      return;
    }
    default:
      return;
  }
}
