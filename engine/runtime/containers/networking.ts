import type { Mount } from '../../fs/mount-fs.ts';
import { TreeFs } from '../../fs/tree-fs.ts';
import type { Fs } from '../../fs/types.ts';
import { containerHostnameFile, containerHostsFile, type HostsRecord } from '../../network/etc-hosts.ts';
import { DEFAULT_BRIDGE_GATEWAY } from '../../network/defaults.ts';
import { HOST_STUB_RESOLV_CONF, HOST_UPSTREAM_RESOLV_CONF, HOST_UPSTREAM_RESOLV_CONF_PATH } from '../../network/host-config.ts';
import { linkEnv, linkHostsRecord, type LinkedChild } from '../../network/links.ts';
import { containerResolvConf, EMBEDDED_DNS_ADDRESS } from '../../network/resolv-conf.ts';
import type { Endpoint } from '../../network/types.ts';
import type { Attachment, NetworkService } from '../../network/service.ts';
import { endpointRequestOf, membershipOf } from './network-membership.ts';
import type { ContainerEndpointConfig, ContainerRecord } from './types.ts';

/** A started container's networking: its sockets and the /etc files Docker bind-mounts into it. */
export interface ContainerNetworking {
  readonly attachment: Attachment;
  readonly mounts: readonly Mount[];
  /** The `--link` variables (`DB_PORT_27017_TCP=...`), which the daemon puts under the container's own Env. */
  readonly env: readonly string[];
  /**
   * `docker network connect` while it runs: the sandbox adds the new address to /etc/hosts and, on the first
   * user-defined network, starts the embedded server and points resolv.conf at it (libnetwork
   * populateNetworkResources); a file the container has edited is left alone, as Docker does.
   */
  readonly joined: (endpoint: Endpoint) => void;
  /** `docker network disconnect` while it runs: the address's line leaves /etc/hosts. */
  readonly left: (endpoint: Endpoint) => void;
}

/**
 * What the daemon does for networking when a container starts (daemon/container_operations.go): an endpoint on its
 * network with its published ports (a taken port fails the start), then the files it writes under
 * /var/lib/docker/containers/<id>/ and bind-mounts over the image's `/etc/hosts`, `/etc/hostname` and
 * `/etc/resolv.conf`: so a container's /etc/hosts names its own address, and edits to it are not in `docker diff`.
 * `hostFs` is the daemon's host, whose /etc/hosts a host-network container shares. `links` are the running children of
 * its legacy `--link`s: a record each after the `--add-host` ones, and their variables.
 */
export function connectContainer(network: NetworkService, record: ContainerRecord, hostFs: Fs, now: () => number, links: readonly LinkedChild[] = []): ContainerNetworking {
  const files = new TreeFs(undefined, now);
  const hostname = record.config.Hostname;
  const attachment = network.connect(record.id, {
    name: record.name,
    hostname,
    networkMode: record.network.mode,
    networks: membershipOf(record.network).map((m) => endpointRequestOf(joinable(network, m))),
    ports: record.network.ports,
    publishAll: record.network.publishAll,
    exposedPorts: record.network.exposedPorts,
    hosts: () => (files.exists('/hosts') ? files.readText('/hosts') : undefined),
  });
  const isHost = attachment.networkMode === 'host';
  const hostText = (path: string) => (hostFs.exists(path) ? hostFs.readText(path) : '');
  const extraHosts = [...(record.extraHosts ?? []).map((h) => extraHost(h, attachment.endpoints[0]?.gateway)), ...links.map(linkHostsRecord)];
  const hosts = isHost
    ? hostText('/etc/hosts') + extraHosts.map((r) => `${r.ip}\t${r.names}\n`).join('')
    : containerHostsFile({ hostname, addresses: attachment.endpoints.flatMap((e) => (e.ipAddress ? [e.ipAddress] : [])), extraHosts });
  files.writeFile('/hosts', hosts, { mode: 0o644 });
  files.writeFile('/hostname', isHost ? hostText('/etc/hostname') : containerHostnameFile(hostname), { mode: 0o644 });
  // On a user-defined network the embedded server answers at 127.0.0.11 (it forwards to the host's upstreams).
  const embedded = attachment.endpoints.some((e) => network.state.networks.get(e.networkId)?.dns);
  const resolv = isHost
    ? containerResolvConf({ path: '/etc/resolv.conf', content: HOST_STUB_RESOLV_CONF }, 'host')
    : containerResolvConf({ path: HOST_UPSTREAM_RESOLV_CONF_PATH, content: HOST_UPSTREAM_RESOLV_CONF }, embedded ? 'internal' : 'legacy');
  files.writeFile('/resolv.conf', resolv, { mode: 0o644 });
  const mounts = ['hosts', 'hostname', 'resolv.conf'].map((name) => ({ target: `/etc/${name}`, fs: files, base: `/${name}`, readOnly: false }));
  const written = { hosts, resolv };
  const rewrite = (path: '/hosts' | '/resolv.conf', key: 'hosts' | 'resolv', next: string) => {
    if (!files.exists(path) || files.readText(path) !== written[key]) return;
    files.writeFile(path, next, { mode: 0o644 });
    written[key] = next;
  };
  const joined = (endpoint: Endpoint) => {
    if (endpoint.ipAddress) rewrite('/hosts', 'hosts', `${written.hosts}${endpoint.ipAddress}\t${hostname}\n`);
    if (network.state.networks.get(endpoint.networkId)?.dns && !written.resolv.includes(`nameserver ${EMBEDDED_DNS_ADDRESS}`)) {
      rewrite('/resolv.conf', 'resolv', containerResolvConf({ path: HOST_UPSTREAM_RESOLV_CONF_PATH, content: HOST_UPSTREAM_RESOLV_CONF }, 'internal'));
    }
  };
  const left = (endpoint: Endpoint) => {
    if (!endpoint.ipAddress) return;
    rewrite('/hosts', 'hosts', written.hosts.split('\n').filter((l) => !l.startsWith(`${endpoint.ipAddress}\t`)).join('\n'));
  };
  return { attachment, mounts, joined, left, env: links.flatMap(linkEnv) };
}

/**
 * The member as the network service joins it: by the ID it was joined with, or by name when that network was
 * removed and created again since (its endpoint settings follow the name, as in NetworkSettings.Networks).
 */
function joinable(network: NetworkService, member: ContainerEndpointConfig): ContainerEndpointConfig {
  if (!member.networkId || network.state.networks.has(member.networkId)) return member;
  const { networkId: _gone, ...byName } = member;
  return byName;
}

/** The create response's Warnings (daemon/create.go verifyNetworkingConfig): what the CLI prints as `WARNING: ...`. */
export function createWarnings(record: ContainerRecord): string[] {
  const publishes = record.network.ports.length > 0 || record.network.publishAll;
  return record.network.mode === 'host' && publishes ? ['Published ports are discarded when using host network mode'] : [];
}

/**
 * One `--add-host name:ip` as a hosts record; `host-gateway` is the daemon's address on the container's network
 * (docker0's 172.17.0.1 on the default bridge), so `host.docker.internal:host-gateway` reaches the host.
 */
function extraHost(spec: string, gateway: string | undefined): HostsRecord {
  const colon = spec.indexOf(':');
  const names = spec.slice(0, colon);
  const ip = spec.slice(colon + 1);
  return { names, ip: ip === 'host-gateway' ? (gateway || DEFAULT_BRIDGE_GATEWAY) : ip };
}
