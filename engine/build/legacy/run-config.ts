import { sortedMap } from '../../image/catalog/go-json.ts';

/**
 * The legacy builder's `runConfig`: a whole container.Config (moby api/types/container), which every step copies,
 * changes and commits. Unlike BuildKit's image config it keeps the container fields (Hostname, AttachStdout,
 * Image...), and it is what the builder's cache compares, so it is modelled field for field.
 */
export interface HealthConfig {
  readonly Test?: readonly string[];
  readonly Interval?: number;
  readonly Timeout?: number;
  readonly StartPeriod?: number;
  readonly StartInterval?: number;
  readonly Retries?: number;
}

type PortSet = Readonly<Record<string, Record<string, never>>>;

export interface RunConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts: PortSet | null;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: readonly string[] | null;
  Cmd: readonly string[] | null;
  Healthcheck: HealthConfig | null;
  ArgsEscaped: boolean;
  /** The image the container was created from: the step's parent image ID (`sha256:…`), '' after `FROM scratch`. */
  Image: string;
  Volumes: PortSet | null;
  WorkingDir: string;
  Entrypoint: readonly string[] | null;
  NetworkDisabled: boolean;
  MacAddress: string;
  OnBuild: readonly string[] | null;
  Labels: Readonly<Record<string, string>> | null;
  StopSignal: string;
  StopTimeout: number | null;
  Shell: readonly string[] | null;
}

export function emptyRunConfig(): RunConfig {
  return {
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ExposedPorts: null,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Healthcheck: null,
    ArgsEscaped: false,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    NetworkDisabled: false,
    MacAddress: '',
    OnBuild: null,
    Labels: null,
    StopSignal: '',
    StopTimeout: null,
    Shell: null,
  };
}

/** An image config's `config` object as Go decodes it into a container.Config: what is missing takes its zero value. */
export function runConfigOf(raw: unknown): RunConfig {
  const rc = emptyRunConfig();
  if (typeof raw !== 'object' || raw === null) return rc;
  const src = raw as Record<string, unknown>;
  const str = (k: string) => (typeof src[k] === 'string' ? (src[k] as string) : '');
  const bool = (k: string) => src[k] === true;
  const list = (k: string) => (Array.isArray(src[k]) ? (src[k] as unknown[]).map(String) : null);
  const map = <V>(k: string) => (typeof src[k] === 'object' && src[k] !== null && !Array.isArray(src[k]) ? { ...(src[k] as Record<string, V>) } : null);
  return {
    ...rc,
    Hostname: str('Hostname'),
    Domainname: str('Domainname'),
    User: str('User'),
    AttachStdin: bool('AttachStdin'),
    AttachStdout: bool('AttachStdout'),
    AttachStderr: bool('AttachStderr'),
    ExposedPorts: map<Record<string, never>>('ExposedPorts'),
    Tty: bool('Tty'),
    OpenStdin: bool('OpenStdin'),
    StdinOnce: bool('StdinOnce'),
    Env: list('Env'),
    Cmd: list('Cmd'),
    Healthcheck: map<unknown>('Healthcheck') as HealthConfig | null,
    ArgsEscaped: bool('ArgsEscaped'),
    Image: str('Image'),
    Volumes: map<Record<string, never>>('Volumes'),
    WorkingDir: str('WorkingDir'),
    Entrypoint: list('Entrypoint'),
    NetworkDisabled: bool('NetworkDisabled'),
    MacAddress: str('MacAddress'),
    OnBuild: list('OnBuild'),
    Labels: map<string>('Labels'),
    StopSignal: str('StopSignal'),
    StopTimeout: typeof src.StopTimeout === 'number' ? src.StopTimeout : null,
    Shell: list('Shell'),
  };
}

/** copyRunConfig: a copy whose lists and maps are the copy's own, with the given changes applied. */
export function copyRunConfig(rc: RunConfig, changes: Partial<RunConfig> = {}): RunConfig {
  return {
    ...rc,
    Env: rc.Env && [...rc.Env],
    Cmd: rc.Cmd && [...rc.Cmd],
    Entrypoint: rc.Entrypoint && [...rc.Entrypoint],
    OnBuild: rc.OnBuild && [...rc.OnBuild],
    Shell: rc.Shell && [...rc.Shell],
    Volumes: rc.Volumes && { ...rc.Volumes },
    ExposedPorts: rc.ExposedPorts && { ...rc.ExposedPorts },
    Labels: rc.Labels && { ...rc.Labels },
    ...changes,
  };
}

/**
 * The config as encoding/json writes a container.Config: struct field order, `omitempty` on the fields that have
 * it (ExposedPorts, Healthcheck, ArgsEscaped, NetworkDisabled, MacAddress, StopSignal, StopTimeout, Shell), nil
 * slices and maps as `null`, map keys sorted.
 */
export function runConfigJson(rc: RunConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Hostname: rc.Hostname,
    Domainname: rc.Domainname,
    User: rc.User,
    AttachStdin: rc.AttachStdin,
    AttachStdout: rc.AttachStdout,
    AttachStderr: rc.AttachStderr,
  };
  if (rc.ExposedPorts && Object.keys(rc.ExposedPorts).length > 0) out.ExposedPorts = sortedMap(rc.ExposedPorts);
  out.Tty = rc.Tty;
  out.OpenStdin = rc.OpenStdin;
  out.StdinOnce = rc.StdinOnce;
  out.Env = rc.Env;
  out.Cmd = rc.Cmd;
  if (rc.Healthcheck) out.Healthcheck = healthJson(rc.Healthcheck);
  if (rc.ArgsEscaped) out.ArgsEscaped = true;
  out.Image = rc.Image;
  out.Volumes = rc.Volumes && sortedMap(rc.Volumes);
  out.WorkingDir = rc.WorkingDir;
  out.Entrypoint = rc.Entrypoint;
  if (rc.NetworkDisabled) out.NetworkDisabled = true;
  if (rc.MacAddress) out.MacAddress = rc.MacAddress;
  out.OnBuild = rc.OnBuild;
  out.Labels = rc.Labels && sortedMap(rc.Labels);
  if (rc.StopSignal) out.StopSignal = rc.StopSignal;
  if (rc.StopTimeout !== null) out.StopTimeout = rc.StopTimeout;
  if (rc.Shell && rc.Shell.length > 0) out.Shell = rc.Shell;
  return out;
}

function healthJson(h: HealthConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (h.Test && h.Test.length > 0) out.Test = h.Test;
  for (const k of ['Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'] as const) if (h[k]) out[k] = h[k];
  return out;
}

/**
 * The image cache's `compare` (moby daemon/images/cache/compare.go): two configs match when everything but the
 * container-specific fields (Image, Hostname, Domainname, MacAddress) is equal. Cmd carries the step (`#(nop) ENV
 * …`, the RUN command, the COPY source hash), so this is where a changed instruction misses.
 */
export function sameRunConfig(a: RunConfig, b: RunConfig): boolean {
  const lists = ['Env', 'Cmd', 'Entrypoint', 'Shell', 'OnBuild'] as const;
  for (const k of lists) if (!sameList(a[k], b[k])) return false;
  for (const k of ['ExposedPorts', 'Volumes'] as const) if (!sameKeys(a[k], b[k])) return false;
  const la = a.Labels ?? {};
  const lb = b.Labels ?? {};
  if (Object.keys(la).length !== Object.keys(lb).length || Object.entries(la).some(([k, v]) => lb[k] !== v)) return false;
  const scalars = ['AttachStdin', 'AttachStdout', 'AttachStderr', 'NetworkDisabled', 'Tty', 'OpenStdin', 'StdinOnce', 'ArgsEscaped', 'User', 'WorkingDir', 'StopSignal', 'StopTimeout'] as const;
  for (const k of scalars) if (a[k] !== b[k]) return false;
  if ((a.Healthcheck === null) !== (b.Healthcheck === null)) return false;
  if (a.Healthcheck && b.Healthcheck) {
    for (const k of ['Interval', 'StartInterval', 'StartPeriod', 'Timeout', 'Retries'] as const) if ((a.Healthcheck[k] ?? 0) !== (b.Healthcheck[k] ?? 0)) return false;
    if (!sameList(a.Healthcheck.Test ?? [], b.Healthcheck.Test ?? [])) return false;
  }
  return true;
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function sameKeys(a: PortSet | null, b: PortSet | null): boolean {
  const x = Object.keys(a ?? {});
  const y = b ?? {};
  return x.length === Object.keys(y).length && x.every((k) => Object.hasOwn(y, k));
}

/** The fields whose difference made a cache miss, for the UI's explanation. */
export function runConfigDifferences(a: RunConfig, b: RunConfig): string[] {
  const ja = runConfigJson({ ...a, Image: '', Hostname: '', Domainname: '', MacAddress: '' });
  const jb = runConfigJson({ ...b, Image: '', Hostname: '', Domainname: '', MacAddress: '' });
  return [...new Set([...Object.keys(ja), ...Object.keys(jb)])].filter((k) => JSON.stringify(ja[k]) !== JSON.stringify(jb[k]));
}
