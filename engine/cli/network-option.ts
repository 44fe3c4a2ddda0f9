import type { NetworkAttachmentRequest } from '../runtime/containers/network-membership.ts';

/** Networks whose namespace a container cannot share with another network (container.NetworkMode.IsUserDefined). */
const NON_USER_DEFINED = new Set(['', 'default', 'bridge', 'host', 'none']);

/**
 * `--network` values as docker/cli parses them (opts/network.go and container/opts.go parseNetworkOpts): a name,
 * or the advanced `name=n,alias=a,ip=addr` form; `--network-alias` and `--ip` belong to the first network. Errors
 * are the client's texts, for the caller to report as `docker: ...`.
 */
export function parseNetworkFlags(values: readonly string[], legacy: { aliases: readonly string[]; ip: string }): NetworkAttachmentRequest[] {
  const parsed = values.map(parseNetworkValue);
  if (parsed.length === 0 && (legacy.aliases.length > 0 || legacy.ip !== '')) parsed.push({ target: 'default' });
  const out: NetworkAttachmentRequest[] = [];
  let userDefined = false;
  let other = false;
  parsed.forEach((n, i) => {
    if (NON_USER_DEFINED.has(n.target) || n.target.startsWith('container:')) other = true;
    else userDefined = true;
    let request = n;
    if (i === 0) {
      if (legacy.aliases.length > 0 && (n.aliases?.length ?? 0) > 0) throw new Error('conflicting options: cannot specify both --network-alias and per-network alias');
      if (legacy.ip !== '' && n.ipv4Address) throw new Error('conflicting options: cannot specify both --ip and per-network IPv4 address');
      request = {
        ...n,
        ...(legacy.aliases.length > 0 ? { aliases: [...legacy.aliases] } : {}),
        ...(legacy.ip !== '' ? { ipv4Address: legacy.ip } : {}),
      };
    }
    if (out.some((o) => o.target === n.target)) throw new Error(`network "${n.target}" is specified multiple times`);
    out.push(request);
  });
  if (userDefined && other) throw new Error('conflicting options: cannot attach both user-defined and non-user-defined network-modes');
  return out;
}

function parseNetworkValue(value: string): NetworkAttachmentRequest {
  if (!value.includes('=')) return { target: value };
  let target = '';
  const aliases: string[] = [];
  let ip: string | undefined;
  for (const field of value.split(',')) {
    const eq = field.indexOf('=');
    const key = eq < 0 ? field : field.slice(0, eq).trim().toLowerCase();
    const v = eq < 0 ? '' : field.slice(eq + 1).trim();
    if (eq < 0) throw new Error(`invalid field ${field}`);
    if (key === 'name') target = v;
    else if (key === 'alias') aliases.push(v);
    else if (key === 'ip') ip = v;
    else if (!['ip6', 'driver-opt', 'link-local-ip', 'mac-address', 'gw-priority'].includes(key)) throw new Error(`invalid field key ${key}`);
  }
  return { target, ...(aliases.length > 0 ? { aliases } : {}), ...(ip ? { ipv4Address: ip } : {}) };
}
