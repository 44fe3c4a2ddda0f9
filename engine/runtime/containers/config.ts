import { DockerError } from '../../core/errors.ts';
import type { ContainerConfig as ImageContainerConfig } from '../../image/types.ts';
import type { MountRequest } from '../mounts/types.ts';
import type { PortMapping } from '../../network/publish-spec.ts';
import type { ContainerConfig, HealthConfig } from './types.ts';
import type { NetworkAttachmentRequest } from './network-membership.ts';

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
  /** `--network-alias`. */
  readonly aliases?: readonly string[];
  /** `--link name[:alias]`, as typed. */
  readonly links?: readonly string[];
  /** `--ip`. */
  readonly ip?: string;
  /** Every `--network` with its settings (`--network-alias` and `--ip` already on the first); wins over networkMode. */
  readonly networks?: readonly NetworkAttachmentRequest[];
  /** `-p`, parsed by the client. */
  readonly ports?: readonly PortMapping[];
  /** `-P`. */
  readonly publishAll?: boolean;
  /** `--expose`: ports (`80`, `8000-8001/udp`) added to the image's ExposedPorts. */
  readonly expose?: readonly string[];
  /** `-l` and `--label-file`, read into a map (later keys win); the image's labels fill in the rest. */
  readonly labels?: Readonly<Record<string, string>>;
  /** `-h/--hostname`; the daemon uses the short ID when empty. */
  readonly hostname?: string;
  /** `--stop-signal`: replaces the image's STOPSIGNAL. */
  readonly stopSignal?: string;
  /** `--stop-timeout` in seconds. */
  readonly stopTimeout?: number;
  /** The `--health-*` flags (or `--no-healthcheck`'s `["NONE"]`), merged over the image's HEALTHCHECK. */
  readonly healthcheck?: HealthConfig;
  /** `--add-host`, already `name:ip`. */
  readonly extraHosts?: readonly string[];
  /** The streams the client attaches (Config.AttachStdin/Stdout/Stderr, StdinOnce). */
  readonly attach?: { readonly stdin: boolean; readonly stdout: boolean; readonly stderr: boolean; readonly stdinOnce: boolean };
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
  const stopSignal = options.stopSignal || image.StopSignal;
  const healthcheck = mergeHealthcheck(image.Healthcheck, options.healthcheck);
  const volumes = [...new Set([...Object.keys(image.Volumes ?? {}), ...(options.volumes ?? [])])];
  return {
    Hostname: options.hostname ?? '',
    User: options.user ?? image.User ?? '',
    Env: mergeEnv(image.Env ?? [], options.env ?? []),
    Cmd: cmd,
    Entrypoint: entrypoint,
    WorkingDir: options.workdir ?? image.WorkingDir ?? '',
    Image: options.image,
    Tty: options.tty ?? false,
    OpenStdin: options.openStdin ?? false,
    ...(options.attach
      ? { AttachStdin: options.attach.stdin, AttachStdout: options.attach.stdout, AttachStderr: options.attach.stderr, StdinOnce: options.attach.stdinOnce }
      : {}),
    ...(image.ExposedPorts && Object.keys(image.ExposedPorts).length > 0 ? { ExposedPorts: image.ExposedPorts } : {}),
    ...(volumes.length > 0 ? { Volumes: Object.fromEntries(volumes.map((v) => [v, {}])) } : {}),
    OnBuild: image.OnBuild && image.OnBuild.length > 0 ? [...image.OnBuild] : null,
    ...(image.Shell && image.Shell.length > 0 ? { Shell: image.Shell } : {}),
    ...(stopSignal ? { StopSignal: stopSignal } : {}),
    ...(options.stopTimeout !== undefined ? { StopTimeout: options.stopTimeout } : {}),
    Labels: { ...(image.Labels ?? {}), ...(options.labels ?? {}) },
    ...(healthcheck ? { Healthcheck: healthcheck } : {}),
  };
}

/**
 * moby's MergeConfig for HEALTHCHECK: the container's own settings win field by field, an empty Test takes the
 * image's, and zero durations take the image's (the daemon's defaults apply later, when the monitor runs).
 */
export function mergeHealthcheck(image: HealthConfig | undefined, own: HealthConfig | undefined): HealthConfig | undefined {
  if (!own) return image ? { ...image } : undefined;
  if (!image) return { ...own };
  const pick = <K extends keyof HealthConfig>(k: K) => (own[k] === undefined || own[k] === 0 || (Array.isArray(own[k]) && own[k].length === 0) ? image[k] : own[k]);
  const out: Record<string, unknown> = {};
  for (const k of ['Test', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'] as const) {
    const v = pick(k);
    if (v !== undefined) out[k] = v;
  }
  return out as HealthConfig;
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
