import { DockerError } from '../../core/errors.ts';
import type { ContainerConfig as ImageContainerConfig } from '../../image/types.ts';
import type { MountRequest } from '../mounts/types.ts';
import type { PortMapping } from '../../network/publish-spec.ts';
import type { ContainerConfig } from './types.ts';

/** What `docker create` / `run` ask for on top of the image's config. */
export interface CreateOptions {
  /** The image as typed. */
  readonly image: string;
  /** Words after the image: they replace the image's CMD. */
  readonly command: readonly string[];
  readonly name?: string;
  /** `--entrypoint`: replaces the image's ENTRYPOINT (and drops its CMD); `""` clears it. */
  readonly entrypoint?: string;
  /** `-e` and `--env-file` values, already read (`KEY=value`). */
  readonly env?: readonly string[];
  readonly workdir?: string;
  readonly user?: string;
  readonly tty?: boolean;
  readonly openStdin?: boolean;
  readonly autoRemove?: boolean;
  /** `--restart` as typed. */
  readonly restart?: string;
  /** HostConfig.Binds: `-v` strings with a source (`name:/path`, `/host:/path[:ro]`); the daemon parses them. */
  readonly binds?: readonly string[];
  /** Config.Volumes from `-v /path` (no source): anonymous volumes, as the image's VOLUMEs are. */
  readonly volumes?: readonly string[];
  /** HostConfig.Mounts, from `--mount`. */
  readonly mounts?: readonly MountRequest[];
  /** HostConfig.Tmpfs, from `--tmpfs path[:options]`. */
  readonly tmpfs?: readonly string[];
  /** `--network`. */
  readonly networkMode?: string;
  /** `-p`, parsed by the client. */
  readonly ports?: readonly PortMapping[];
  /** `-P`. */
  readonly publishAll?: boolean;
  /** `--expose`: ports (`80`, `8000-8001/udp`) added to the image's ExposedPorts. */
  readonly expose?: readonly string[];
}

/**
 * Merges the image's config with the flags as the CLI and daemon do (moby `daemon/create.go` mergeAndVerifyConfig):
 * flags win, `--entrypoint` also resets CMD unless a command is given, `-e KEY=v` replaces the image's KEY.
 */
export function mergeConfig(image: ImageContainerConfig, options: CreateOptions): ContainerConfig {
  let entrypoint = image.Entrypoint ?? null;
  let cmd = image.Cmd ?? null;
  if (options.entrypoint !== undefined) {
    entrypoint = options.entrypoint === '' ? null : [options.entrypoint];
    cmd = null;
  }
  if (options.command.length > 0) cmd = [...options.command];
  if ((entrypoint?.length ?? 0) + (cmd?.length ?? 0) === 0) throw new DockerError('Error response from daemon: No command specified', 1, 'ENOCMD');
  return {
    Hostname: '',
    User: options.user ?? image.User ?? '',
    Env: mergeEnv(image.Env ?? [], options.env ?? []),
    Cmd: cmd,
    Entrypoint: entrypoint,
    WorkingDir: options.workdir ?? image.WorkingDir ?? '',
    Image: options.image,
    Tty: options.tty ?? false,
    OpenStdin: options.openStdin ?? false,
    ...(image.StopSignal ? { StopSignal: image.StopSignal } : {}),
  };
}

/** The process's argv: ENTRYPOINT then CMD. */
export function commandLine(config: ContainerConfig): string[] {
  return [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
}

/** `KEY=value` lists, later ones replacing earlier keys in place (moby `ReplaceOrAppendEnvValues`). */
export function mergeEnv(base: readonly string[], overrides: readonly string[]): string[] {
  const out = [...base];
  for (const kv of overrides) {
    const key = kv.split('=')[0]!;
    const at = out.findIndex((e) => e.split('=')[0] === key);
    if (at >= 0) out[at] = kv;
    else out.push(kv);
  }
  return out;
}

/** The environment as a record (the last value of a key wins). */
export function envRecord(env: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of env) {
    const eq = kv.indexOf('=');
    if (eq > 0) out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}
