import { DockerError } from '../core/errors.ts';
import { isIPv4 } from './address.ts';

/**
 * `-p`/`--publish` as the docker 28 client reads it (cli/command/container/opts.go convertToStandardNotation, then
 * go-connections v0.5 nat.ParsePortSpec). Errors are the client's own, checked against the real 28.2.2 client:
 * they print before any daemon is contacted, as `docker: <message>`.
 */

export type PortProto = 'tcp' | 'udp' | 'sctp';

/** One container port and where it is published: Docker's (Port, PortBinding) pair. */
export interface PortMapping {
  readonly containerPort: number;
  readonly proto: PortProto;
  /** '' = every address (0.0.0.0 and ::). */
  readonly hostIp: string;
  /** '' = a random port; '8080'; or '8000-8010' (any free port of the range, for a single container port). */
  readonly hostPort: string;
}

function isProto(p: string): p is PortProto {
  return p === 'tcp' || p === 'udp' || p === 'sctp';
}

function specError(message: string): DockerError {
  return new DockerError(message, 125, 'EPUBLISH');
}

/** Every `-p` value in order; ranges become one mapping per port. */
export function parsePublishSpecs(specs: readonly string[]): PortMapping[] {
  return specs.flatMap((spec) => parsePortSpec(toStandardNotation(spec)));
}

/** The long form `published=8080,target=80,protocol=udp` becomes `8080:80/udp` (host_ip is not read there). */
function toStandardNotation(spec: string): string {
  if (!spec.includes('=')) return spec;
  const params: Record<string, string> = { protocol: 'tcp' };
  for (const param of spec.split(',')) {
    const eq = param.indexOf('=');
    if (eq <= 0) throw specError(`invalid publish opts format (should be name=value but got '${param}')`);
    params[param.slice(0, eq)] = param.slice(eq + 1);
  }
  return `${params.published ?? ''}:${params.target ?? ''}/${params.protocol}`;
}

function splitParts(raw: string): [ip: string, hostPort: string, containerPort: string] {
  const parts = raw.split(':');
  const n = parts.length;
  if (n === 1) return ['', '', parts[0]!];
  if (n === 2) return ['', parts[0]!, parts[1]!];
  return [parts.slice(0, n - 2).join(':'), parts[n - 2]!, parts[n - 1]!];
}

/** nat.SplitProtoPort (v0.5): `80/udp` → udp, `80/` → tcp, `80/tcp/x` → tcp (later parts ignored). */
function splitProtoPort(raw: string): [proto: string, port: string] {
  const parts = raw.split('/');
  if (raw === '' || parts[0] === '') return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if (parts[1] === '') return ['tcp', parts[0]!];
  return [parts[1]!, parts[0]!];
}

/** strconv.ParseUint(s, 10, 16): digits only (leading zeros fine), at most 65535. */
function parseUint16(s: string): number | undefined {
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 65535 ? n : undefined;
}

/** nat.ParsePortRange (v0.5): `80` or `8000-8010`; a third part after another `-` is ignored, as there. */
export function parsePortRange(ports: string): [number, number] | undefined {
  if (ports === '') return undefined;
  if (!ports.includes('-')) {
    const p = parseUint16(ports);
    return p === undefined ? undefined : [p, p];
  }
  const [a, b] = ports.split('-');
  const start = parseUint16(a!);
  const end = parseUint16(b!);
  if (start === undefined || end === undefined || end < start) return undefined;
  return [start, end];
}

/** Go's net.ParseIP: a dotted quad, or IPv6 (eight groups, or fewer around one `::`, maybe ending in a quad). */
function parseIP(ip: string): boolean {
  if (isIPv4(ip)) return true;
  const halves = ip.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const all = groups.flat();
  let count = all.length;
  if (all.length > 0 && isIPv4(all[all.length - 1]!)) count++;
  else if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  if (all.slice(0, -1).some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count < 8 : count === 8;
}

function parsePortSpec(raw: string): PortMapping[] {
  const [rawIp, hostPort, rawContainerPort] = splitParts(raw);
  const [proto, containerPort] = splitProtoPort(rawContainerPort);
  let ip = rawIp;
  if (ip.startsWith('[')) {
    if (!ip.endsWith(']')) throw specError(`invalid IP address: ${ip}`);
    ip = ip.slice(1, -1);
  }
  if (ip !== '' && !parseIP(ip)) throw specError(`invalid IP address: ${ip}`);
  if (containerPort === '') throw specError(`no port specified: ${raw}<empty>`);
  const container = parsePortRange(containerPort);
  if (!container) throw specError(`invalid containerPort: ${containerPort}`);
  let host: [number, number] | undefined;
  if (hostPort !== '') {
    host = parsePortRange(hostPort);
    if (!host) throw specError(`invalid hostPort: ${hostPort}`);
    // A host range for a single container port is the range to pick a free port from.
    if (container[1] - container[0] !== host[1] - host[0] && container[1] !== container[0]) {
      throw specError(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
    }
  }
  const lower = proto.toLowerCase();
  if (!isProto(lower)) throw specError(`invalid proto: ${proto}`);
  const count = container[1] - container[0] + 1;
  const mappings: PortMapping[] = [];
  for (let i = 0; i < count; i++) {
    let hp = '';
    if (host) hp = count === 1 && host[0] !== host[1] ? `${host[0]}-${host[1]}` : String(host[0] + i);
    mappings.push({ containerPort: container[0] + i, proto: lower, hostIp: ip, hostPort: hp });
  }
  return mappings;
}

/** Docker's port key: `80/tcp`. */
export function portKey(port: number, proto: PortProto | string = 'tcp'): string {
  return `${port}/${proto}`;
}

/** Reads an ExposedPorts key (`80/tcp`, `53/udp`, `80`) back into a port and protocol. */
export function parsePortKey(key: string): { port: number; proto: PortProto } | undefined {
  const [port, proto = 'tcp'] = key.split('/');
  const range = parsePortRange(port ?? '');
  const p = proto.toLowerCase();
  if (!range || !isProto(p)) return undefined;
  return { port: range[0], proto: p };
}

/** `-P`: every EXPOSEd port (image and `--expose`) published on a random host port of every address. */
export function publishAllMappings(exposedPorts: Iterable<string>): PortMapping[] {
  const out: PortMapping[] = [];
  for (const key of exposedPorts) {
    const k = parsePortKey(key);
    if (k) out.push({ containerPort: k.port, proto: k.proto, hostIp: '', hostPort: '' });
  }
  return out;
}
