import type { DirEntry } from '../../fs/types.ts';
import type { Digest } from '../../image/types.ts';
import type { PersistedLifecycle } from '../lifecycle/index.ts';
import type { RestartPolicy } from '../lifecycle/restart-policy.ts';
import type { MountPoint, MountRequest } from '../mounts/types.ts';
import type { PortMapping } from '../../network/publish-spec.ts';

/** One chunk a container's process wrote, as the json-file log driver keeps it (one entry per write). */
export interface LogEntry {
  readonly stream: 'stdout' | 'stderr';
  /** Virtual-clock milliseconds. */
  readonly time: number;
  readonly text: string;
}

/**
 * HEALTHCHECK as Config keeps it (moby container.HealthConfig): durations in nanoseconds, 0 meaning "inherit or
 * default"; `Test` `["NONE"]` disables a check the image defines.
 */
export interface HealthConfig {
  readonly Test?: readonly string[];
  readonly Interval?: number;
  readonly Timeout?: number;
  readonly StartPeriod?: number;
  readonly StartInterval?: number;
  readonly Retries?: number;
}

/** The parts of Config (`docker inspect`'s) the simulation uses: the image's config merged with the flags. */
export interface ContainerConfig {
  readonly Hostname: string;
  readonly User: string;
  readonly Env: readonly string[];
  readonly Cmd: readonly string[] | null;
  readonly Entrypoint: readonly string[] | null;
  readonly WorkingDir: string;
  /** The image as the user typed it (`alpine`, `node:20`, an ID prefix). */
  readonly Image: string;
  readonly Tty: boolean;
  readonly OpenStdin: boolean;
  /** Which streams the client attached at create (`run -d` none; `create` and `run` stdout and stderr, stdin with -i). */
  readonly AttachStdin?: boolean;
  readonly AttachStdout?: boolean;
  readonly AttachStderr?: boolean;
  readonly StdinOnce?: boolean;
  /** From the image (EXPOSE); `-p`/`--expose` are the network branch's. */
  readonly ExposedPorts?: Readonly<Record<string, Record<string, never>>>;
  /** The image's VOLUMEs and `-v /path` anonymous volumes. */
  readonly Volumes?: Readonly<Record<string, Record<string, never>>>;
  readonly OnBuild?: readonly string[] | null;
  readonly Shell?: readonly string[];
  readonly StopSignal?: string;
  /** `--stop-timeout` in seconds; absent when not given (the daemon's default, 10 s, applies). */
  readonly StopTimeout?: number;
  /** The image's labels with `-l`/`--label-file` on top; absent in records made before labels were kept. */
  readonly Labels?: Readonly<Record<string, string>>;
  /** Stored only: the health monitor runs checks through exec (not simulated yet). */
  readonly Healthcheck?: HealthConfig;
}

/**
 * A container as the daemon keeps it (moby's `container.Container`): everything but the running process. Records
 * are immutable values; the service replaces one whenever it changes.
 */
export interface ContainerRecord {
  /** Full 64-hex ID. */
  readonly id: string;
  /** Name without the leading slash. */
  readonly name: string;
  readonly imageId: Digest;
  /** chainIDs of the image's layers, bottom first: the container keeps them even if the image is force-removed. */
  readonly imageLayers: readonly Digest[];
  /** Virtual-clock milliseconds. */
  readonly created: number;
  /** The main process: ENTRYPOINT + CMD as Docker combines them (inspect's Path and Args). */
  readonly path: string;
  readonly args: readonly string[];
  readonly config: ContainerConfig;
  readonly autoRemove: boolean;
  readonly restartPolicy: RestartPolicy;
  /** What the container asks of the network when it starts (HostConfig.NetworkMode, PortBindings, PublishAllPorts). */
  readonly network: ContainerNetworkConfig;
  /** HostConfig.Binds: the `-v` strings that name a source, as the client sent them (null when none). */
  readonly binds: readonly string[] | null;
  /** The container's mounts (inspect's Mounts): explicit ones first, then the image's VOLUMEs as anonymous volumes. */
  readonly mounts: readonly MountPoint[];
  /** HostConfig.Mounts: the `--mount` requests as the client sent them. */
  readonly mountRequests?: readonly MountRequest[];
  /** HostConfig.Tmpfs: `--tmpfs` destinations and their options. */
  readonly tmpfs?: Readonly<Record<string, string>>;
  /** HostConfig.ExtraHosts (`--add-host`, `name:ip`); the network model writes them into /etc/hosts. */
  readonly extraHosts?: readonly string[];
  /** HostConfig.Links (`--link`): `/child:/parent/alias` entries. */
  readonly links?: readonly string[];
  /** The writable layer: the container's changes over its image, with whiteouts for what it deleted. */
  readonly layer: DirEntry;
  readonly logs: readonly LogEntry[];
  /**
   * A start that failed before the process ran (runc could not exec it): Docker keeps the container as it was
   * (`Created` for a first start) and reports the code and message in State.ExitCode / State.Error.
   */
  readonly startFailure?: { readonly exitCode: number; readonly error: string };
}

export interface ContainerNetworkConfig {
  /** HostConfig.NetworkMode: the first `--network` as typed, `bridge` unless given (`default` means bridge too). */
  readonly mode: string;
  /**
   * The networks the container belongs to, in order, with their settings (NetworkSettings.Networks): kept while it
   * is stopped and joined at the next start. Absent in records saved before it existed (see membershipOf).
   */
  readonly networks?: readonly ContainerEndpointConfig[];
  /** `-p`, parsed. */
  readonly ports: readonly PortMapping[];
  /** `-P`. */
  readonly publishAll: boolean;
  /** `--network-alias` of records saved before `networks` existed; now each member carries its own. */
  readonly aliases?: readonly string[];
  /** The image's ExposedPorts and `--expose` (`80/tcp`). */
  readonly exposedPorts: readonly string[];
}

/** One network a container belongs to and its endpoint settings (EndpointSettings: Aliases, IPAMConfig). */
export interface ContainerEndpointConfig {
  /** The network's name (what inspect keys NetworkSettings.Networks by and ps shows). */
  readonly name: string;
  /** Its ID when it was joined, so a network removed and created again under the name is not taken for it. */
  readonly networkId?: string;
  /** `--network-alias` / `--alias`. */
  readonly aliases?: readonly string[];
  /** `--ip`. */
  readonly ipv4Address?: string;
}

/** What an engine snapshot holds of the containers: records and their lifecycles, in creation order. */
export interface ContainerStore {
  readonly records: ReadonlyMap<string, ContainerRecord>;
  readonly lifecycles: ReadonlyMap<string, PersistedLifecycle>;
}

export const EMPTY_CONTAINER_STORE: ContainerStore = { records: new Map(), lifecycles: new Map() };
