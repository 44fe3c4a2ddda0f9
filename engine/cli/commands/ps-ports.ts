import { joinHostPort } from '../../network/address.ts';
import type { PortBinding } from '../../network/types.ts';

/** One entry of the API's container list Ports (types.Port): a binding, or an exposed port with no IP. */
interface ApiPort {
  readonly ip: string;
  readonly privatePort: number;
  readonly publicPort: number;
  readonly type: string;
}

/** moby daemon/list.go: NetworkSettings.Ports as the list endpoint flattens them. */
function apiPorts(ports: Readonly<Record<string, readonly PortBinding[] | null>>): ApiPort[] {
  const out: ApiPort[] = [];
  for (const [key, bindings] of Object.entries(ports)) {
    const [port, type = 'tcp'] = key.split('/');
    const privatePort = Number(port);
    if (!bindings) out.push({ ip: '', privatePort, publicPort: 0, type });
    else for (const b of bindings) out.push({ ip: b.hostIp, privatePort, publicPort: Number(b.hostPort), type });
  }
  return out;
}


/**
 * docker/cli formatter.DisplayablePorts: the PORTS cell. Ports published on the same number group into ranges per
 * address and protocol (`0.0.0.0:8000-8001->8000-8001/tcp`), exposed ones per protocol (`80/tcp`), and mappings to
 * another number follow them one by one (`0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`).
 */
export function displayablePorts(ports: Readonly<Record<string, readonly PortBinding[] | null>>): string {
  const list = apiPorts(ports).sort(
    (a, b) => a.privatePort - b.privatePort || (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0) || a.publicPort - b.publicPort || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
  );
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const p of list) {
    let key = p.type;
    if (p.ip !== '') {
      if (p.publicPort !== p.privatePort) {
        hostMappings.push(`${joinHostPort(p.ip, String(p.publicPort))}->${p.privatePort}/${p.type}`);
        continue;
      }
      key = `${p.ip}/${p.type}`;
    }
    const group = groups.get(key);
    if (!group) groups.set(key, { first: p.privatePort, last: p.privatePort });
    else if (p.privatePort === group.last + 1) group.last = p.privatePort;
    else {
      result.push(formGroup(key, group.first, group.last));
      groups.set(key, { first: p.privatePort, last: p.privatePort });
    }
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}

function formGroup(key: string, first: number, last: number): string {
  const slash = key.lastIndexOf('/');
  const ip = slash < 0 ? '' : key.slice(0, slash);
  const type = key.slice(slash + 1);
  let group = first === last ? String(first) : `${first}-${last}`;
  if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
  return `${group}/${type}`;
}
