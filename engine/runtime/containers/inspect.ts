import { portBindingsOf } from './network-settings.ts';
import { digestBytes } from '../../fs/digest.ts';
import { OVERLAY2_ROOT, overlayId, rfc3339Nano } from '../../image/inspect.ts';
import { healthStatus } from './health.ts';
import type { HealthState } from './health-monitor.ts';
import type { ContainerView } from './service.ts';
import type { ContainerRecord } from './types.ts';

/**
 * `GET /containers/{id}/json` of Docker 28 (moby api/types/container InspectResponse) with the classic overlay2
 * store, as plain data under the JSON names, in the daemon's field order, nil slices and maps as null. The CLI gives
 * it Go's types for templates (engine/cli/commands/inspect-container.ts).
 *
 * What the simulation does not model is reported as a daemon that never set it would: no PID (0), no console size,
 * no resource limits. The networking part comes from NetworkSettingsInput, which the network model fills in.
 */

/** One network a container is attached to, as the network model reports it (moby network.EndpointSettings). */
export interface EndpointInput {
  readonly NetworkID: string;
  /** The `--ip` asked for (null when the IPAM chose). */
  readonly IPAMConfig?: { readonly IPv4Address: string } | null;
  readonly EndpointID?: string;
  readonly Gateway?: string;
  readonly IPAddress?: string;
  readonly IPPrefixLen?: number;
  readonly IPv6Gateway?: string;
  readonly GlobalIPv6Address?: string;
  readonly GlobalIPv6PrefixLen?: number;
  readonly MacAddress?: string;
  readonly Aliases?: readonly string[] | null;
  readonly Links?: readonly string[] | null;
  readonly DNSNames?: readonly string[] | null;
  readonly DriverOpts?: Readonly<Record<string, string>> | null;
  readonly GwPriority?: number;
}

/** One published port binding (nat.PortBinding). */
export interface PortBindingInput {
  readonly HostIp: string;
  readonly HostPort: string;
}

/** What the network model knows of a container: empty until it exists (and for a container that is not running). */
export interface NetworkSettingsInput {
  readonly sandboxId?: string;
  readonly sandboxKey?: string;
  /** `80/tcp` -> bindings, or null for an exposed port that is not published. */
  readonly ports?: Readonly<Record<string, readonly PortBindingInput[] | null>>;
  readonly networks: Readonly<Record<string, EndpointInput>>;
}

export const NO_NETWORK_SETTINGS: NetworkSettingsInput = { networks: {} };

export interface ContainerInspectInput {
  readonly view: ContainerView;
  readonly networkSettings?: NetworkSettingsInput;
  /** `-s`: the writable layer and the whole filesystem, in bytes. */
  readonly size?: { readonly rw: number; readonly rootFs: number };
  /** The host PID of the main process, once processes have one; 0 otherwise (never invented). */
  readonly pid?: number;
  /** What the health monitor has found so far. */
  readonly health?: HealthState;
}

/** Go's zero time.Time as the API prints it. */
const ZERO_TIME = '0001-01-01T00:00:00Z';
const CONTAINERS_ROOT = '/var/lib/docker/containers';

/** moby oci.DefaultLinuxSpec (28.x): sorted; thermal_throttle entries exist only on hosts that have them (not this one). */
export const MASKED_PATHS = [
  '/proc/acpi', '/proc/asound', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/sched_debug',
  '/proc/scsi', '/proc/timer_list', '/proc/timer_stats', '/sys/devices/virtual/powercap', '/sys/firmware',
];
export const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];
/** /dev/shm's default size (64 MiB). */
const SHM_SIZE = 67_108_864;

export function timeText(ms: number | null): string {
  return ms === null ? ZERO_TIME : rfc3339Nano(new Date(ms).toISOString());
}

export function inspectContainer(input: ContainerInspectInput): Record<string, unknown> {
  const { record, state } = input.view;
  const net = input.networkSettings ?? NO_NETWORK_SETTINGS;
  const started = state.StartedAt !== null;
  // The daemon writes these files (and picks the AppArmor profile) when the container first starts.
  const file = (name: string) => (started ? `${CONTAINERS_ROOT}/${record.id}/${name}` : '');
  const health = healthStatus(record, state, input.health);
  return {
    Id: record.id,
    Created: timeText(record.created),
    Path: record.path,
    Args: [...record.args],
    State: {
      Status: state.Status,
      Running: state.Running,
      Paused: state.Paused,
      Restarting: state.Restarting,
      OOMKilled: state.OOMKilled,
      Dead: state.Dead,
      Pid: state.Running ? (input.pid ?? 0) : 0,
      ExitCode: state.ExitCode,
      Error: state.Error,
      StartedAt: timeText(state.StartedAt),
      FinishedAt: timeText(state.FinishedAt),
      ...(health !== 'none' && started ? { Health: { Status: health, FailingStreak: input.health?.FailingStreak ?? 0, Log: [...(input.health?.Log ?? [])] } } : {}),
    },
    Image: record.imageId,
    ResolvConfPath: file('resolv.conf'),
    HostnamePath: file('hostname'),
    HostsPath: file('hosts'),
    LogPath: file(`${record.id}-json.log`),
    Name: `/${record.name}`,
    RestartCount: state.RestartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: started ? 'docker-default' : '',
    ExecIDs: null,
    HostConfig: hostConfig(record),
    GraphDriver: { Data: graphDriverData(record), Name: 'overlay2' },
    ...(input.size ? { SizeRw: input.size.rw, SizeRootFs: input.size.rootFs } : {}),
    Mounts: record.mounts.map((m) => ({
      Type: m.Type,
      ...(m.Name ? { Name: m.Name } : {}),
      Source: m.Source,
      Destination: m.Destination,
      ...(m.Driver ? { Driver: m.Driver } : {}),
      Mode: m.Mode,
      RW: m.RW,
      Propagation: m.Propagation,
    })),
    Config: config(record),
    NetworkSettings: networkSettings(net),
  };
}

/** HostConfig as docker/cli 28 sends it for `run`/`create` with the flags the simulation reads, and the daemon's defaults. */
function hostConfig(r: ContainerRecord): Record<string, unknown> {
  return {
    Binds: r.binds ? [...r.binds] : null,
    ContainerIDFile: '',
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: r.network.mode,
    PortBindings: portBindingsOf(r),
    RestartPolicy: { Name: r.restartPolicy.Name, MaximumRetryCount: r.restartPolicy.MaximumRetryCount },
    AutoRemove: r.autoRemove,
    VolumeDriver: '',
    VolumesFrom: null,
    // The client sends the terminal's size only for a tty on a real terminal; not recorded here.
    ConsoleSize: [0, 0],
    CapAdd: null,
    CapDrop: null,
    CgroupnsMode: 'private',
    // The client sends empty lists for these (GetAllOrEmpty) and nil for the others.
    Dns: [],
    DnsOptions: [],
    DnsSearch: [],
    ExtraHosts: r.extraHosts ? [...r.extraHosts] : null,
    GroupAdd: null,
    IpcMode: 'private',
    Cgroup: '',
    Links: r.links ? [...r.links] : null,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: false,
    PublishAllPorts: r.network.publishAll,
    ReadonlyRootfs: false,
    SecurityOpt: null,
    ...(r.tmpfs ? { Tmpfs: { ...r.tmpfs } } : {}),
    UTSMode: '',
    UsernsMode: '',
    ShmSize: SHM_SIZE,
    Runtime: 'runc',
    Isolation: '',
    CpuShares: 0,
    Memory: 0,
    NanoCpus: 0,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    MemoryReservation: 0,
    MemorySwap: 0,
    MemorySwappiness: null,
    // cgroup v2 has no OOM-kill switch: the daemon drops the client's `false` to nil.
    OomKillDisable: null,
    PidsLimit: null,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    ...(r.mountRequests ? { Mounts: r.mountRequests.map(mountSpec) } : {}),
    MaskedPaths: [...MASKED_PATHS],
    ReadonlyPaths: [...READONLY_PATHS],
  };
}

/** A `--mount` as HostConfig.Mounts keeps it (moby api/types/mount.Mount, empty fields omitted). */
function mountSpec(m: NonNullable<ContainerRecord['mountRequests']>[number]): Record<string, unknown> {
  return {
    Type: m.type,
    ...(m.source ? { Source: m.source } : {}),
    Target: m.target,
    ...(m.readOnly ? { ReadOnly: true } : {}),
    ...(m.noCopy ? { VolumeOptions: { NoCopy: true } } : {}),
    ...(m.tmpfs ? { TmpfsOptions: { ...(m.tmpfs.sizeBytes ? { SizeBytes: m.tmpfs.sizeBytes } : {}), ...(m.tmpfs.mode ? { Mode: m.tmpfs.mode } : {}) } } : {}),
  };
}

/**
 * overlay2's directories for the container: its own layer (named by a cache ID, derived here from the container ID
 * so it is stable) over its `-init` layer and the image's layers, nearest first.
 */
export function graphDriverData(r: ContainerRecord): Record<string, string> {
  const dir = `${OVERLAY2_ROOT}/${digestBytes(`overlay2 cache-id container ${r.id}`).slice(7)}`;
  const lower = [`${dir}-init/diff`, ...[...r.imageLayers].reverse().map((c) => `${OVERLAY2_ROOT}/${overlayId(c)}/diff`)];
  return { LowerDir: lower.join(':'), MergedDir: `${dir}/merged`, UpperDir: `${dir}/diff`, WorkDir: `${dir}/work` };
}

/** moby container.Config in its declaration order; omitempty fields only when set. */
function config(r: ContainerRecord): Record<string, unknown> {
  const c = r.config;
  return {
    Hostname: c.Hostname,
    Domainname: '',
    User: c.User,
    AttachStdin: c.AttachStdin ?? false,
    AttachStdout: c.AttachStdout ?? false,
    AttachStderr: c.AttachStderr ?? false,
    ...(c.ExposedPorts ? { ExposedPorts: { ...c.ExposedPorts } } : {}),
    Tty: c.Tty,
    OpenStdin: c.OpenStdin,
    StdinOnce: c.StdinOnce ?? false,
    Env: [...c.Env],
    Cmd: c.Cmd ? [...c.Cmd] : null,
    ...(c.Healthcheck ? { Healthcheck: healthcheck(c.Healthcheck) } : {}),
    Image: c.Image,
    Volumes: c.Volumes ? { ...c.Volumes } : null,
    WorkingDir: c.WorkingDir,
    Entrypoint: c.Entrypoint ? [...c.Entrypoint] : null,
    OnBuild: c.OnBuild ? [...c.OnBuild] : null,
    Labels: { ...(c.Labels ?? {}) },
    ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
    ...(c.StopTimeout !== undefined ? { StopTimeout: c.StopTimeout } : {}),
    ...(c.Shell ? { Shell: [...c.Shell] } : {}),
  };
}

/** HealthConfig: every field omitempty. */
function healthcheck(h: NonNullable<ContainerRecord['config']['Healthcheck']>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (h.Test && h.Test.length > 0) out.Test = [...h.Test];
  for (const k of ['Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'] as const) if (h[k]) out[k] = h[k];
  return out;
}

/**
 * NetworkSettings: the deprecated top-level fields mirror the default bridge network's endpoint (empty when the
 * container is not on it, or not running), Networks lists every attachment.
 */
function networkSettings(n: NetworkSettingsInput): Record<string, unknown> {
  const bridge = n.networks.bridge;
  const networks: Record<string, unknown> = {};
  for (const [name, e] of Object.entries(n.networks)) networks[name] = endpoint(e);
  return {
    Bridge: '',
    SandboxID: n.sandboxId ?? '',
    SandboxKey: n.sandboxKey ?? '',
    Ports: Object.fromEntries(Object.entries(n.ports ?? {}).map(([k, v]) => [k, v ? v.map((b) => ({ HostIp: b.HostIp, HostPort: b.HostPort })) : null])),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: bridge?.EndpointID ?? '',
    Gateway: bridge?.Gateway ?? '',
    GlobalIPv6Address: bridge?.GlobalIPv6Address ?? '',
    GlobalIPv6PrefixLen: bridge?.GlobalIPv6PrefixLen ?? 0,
    IPAddress: bridge?.IPAddress ?? '',
    IPPrefixLen: bridge?.IPPrefixLen ?? 0,
    IPv6Gateway: bridge?.IPv6Gateway ?? '',
    MacAddress: bridge?.MacAddress ?? '',
    Networks: networks,
  };
}

/** network.EndpointSettings of Docker 28 (GwPriority is new in 28.0). */
function endpoint(e: EndpointInput): Record<string, unknown> {
  return {
    IPAMConfig: e.IPAMConfig ? { ...e.IPAMConfig } : null,
    Links: e.Links ? [...e.Links] : null,
    Aliases: e.Aliases ? [...e.Aliases] : null,
    MacAddress: e.MacAddress ?? '',
    DriverOpts: e.DriverOpts ? { ...e.DriverOpts } : null,
    GwPriority: e.GwPriority ?? 0,
    NetworkID: e.NetworkID,
    EndpointID: e.EndpointID ?? '',
    Gateway: e.Gateway ?? '',
    IPAddress: e.IPAddress ?? '',
    IPPrefixLen: e.IPPrefixLen ?? 0,
    IPv6Gateway: e.IPv6Gateway ?? '',
    GlobalIPv6Address: e.GlobalIPv6Address ?? '',
    GlobalIPv6PrefixLen: e.GlobalIPv6PrefixLen ?? 0,
    DNSNames: e.DNSNames ? [...e.DNSNames] : null,
  };
}
