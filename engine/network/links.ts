import type { HostsRecord } from './etc-hosts.ts';
import { parsePortKey } from './publish-spec.ts';

/**
 * Legacy `--link name[:alias]` on the default bridge (moby daemon/links): the parent gets an /etc/hosts record for
 * the child and environment variables describing it, computed when the parent starts from the child as it runs then.
 */

/** opts.ParseLink: `name:alias`, or `name` alone (the alias is the name); a leading `/` on the name is dropped. */
export function parseLink(spec: string): { readonly name: string; readonly alias: string } | undefined {
  const parts = spec.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return undefined;
  const name = parts[0]!.replace(/^\//, '');
  return { name, alias: parts[1] ?? name };
}

/** The HostConfig.Links entry inspect shows: `/child:/parent/alias`. */
export function linkEntry(childName: string, parentName: string, alias: string): string {
  return `/${childName}:/${parentName}/${alias}`;
}

/** An entry of HostConfig.Links taken apart: the child's name, and the alias (the last element of its link path). */
export function readLinkEntry(entry: string): { readonly child: string; readonly linkName: string; readonly alias: string } {
  const colon = entry.indexOf(':');
  const linkName = entry.slice(colon + 1);
  return { child: entry.slice(1, colon), linkName, alias: linkName.slice(linkName.lastIndexOf('/') + 1) };
}

/** A running child as the parent sees it. */
export interface LinkedChild {
  /** The link's full name, `/parent/alias`. */
  readonly linkName: string;
  readonly alias: string;
  /** The child's name without the leading `/`. */
  readonly name: string;
  readonly hostname: string;
  /** The child's address on the default bridge. */
  readonly ip: string;
  /** Its exposed ports (`27017/tcp`). */
  readonly exposedPorts: readonly string[];
  /** Its Config.Env. */
  readonly env: readonly string[];
}

/** The /etc/hosts record: the alias, the child's hostname, and its name when the alias is not the name. */
export function linkHostsRecord(child: LinkedChild): HostsRecord {
  const names = [child.alias, child.hostname, ...(child.alias !== child.name ? [child.name] : [])];
  return { ip: child.ip, names: names.join(' ') };
}

/**
 * links.Link.ToEnv: `ALIAS_PORT` for the lowest exposed port, `ALIAS_PORT_<port>_<PROTO>` with its `_ADDR`, `_PORT`
 * and `_PROTO` for each port in order, `ALIAS_NAME=/parent/alias`, then the child's own variables as
 * `ALIAS_ENV_<name>` (HOME and PATH left out). The alias is upper-cased with `-` turned into `_`.
 */
export function linkEnv(child: LinkedChild): string[] {
  const alias = child.alias.toUpperCase().replace(/-/g, '_');
  const ports = child.exposedPorts
    .map(parsePortKey)
    .filter((p) => p !== undefined)
    .sort((a, b) => a.port - b.port || a.proto.localeCompare(b.proto));
  const env: string[] = [];
  const first = ports[0];
  if (first) env.push(`${alias}_PORT=${first.proto}://${child.ip}:${first.port}`);
  for (const p of ports) {
    const key = `${alias}_PORT_${p.port}_${p.proto.toUpperCase()}`;
    env.push(`${key}=${p.proto}://${child.ip}:${p.port}`, `${key}_ADDR=${child.ip}`, `${key}_PORT=${p.port}`, `${key}_PROTO=${p.proto}`);
  }
  env.push(`${alias}_NAME=${child.linkName}`);
  for (const kv of child.env) {
    const eq = kv.indexOf('=');
    if (eq < 0) continue;
    const name = kv.slice(0, eq);
    if (name === 'HOME' || name === 'PATH') continue;
    env.push(`${alias}_ENV_${name}=${kv.slice(eq + 1)}`);
  }
  return env;
}
