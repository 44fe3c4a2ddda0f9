import type { NetworkService } from '../../network/service.ts';
import type { EndpointInput, NetworkSettingsInput } from './inspect.ts';
import type { ContainerRecord } from './types.ts';

/**
 * NetworkSettings as inspect shows it: while the container runs, its endpoint (address, gateway, MAC) and its ports;
 * stopped, the network it belongs to with the endpoint's fields empty, as moby keeps the entry after releasing it.
 */
export function networkSettingsOf(network: NetworkService | undefined, record: ContainerRecord, running: boolean): NetworkSettingsInput {
  if (!network) return { networks: {} };
  const mode = record.network.mode;
  let networkId = '';
  try {
    networkId = network.network(mode).id;
  } catch {
    // The network was removed since: inspect still names it, without an ID.
  }
  const endpoints = running ? network.endpointsOf(record.id) : [];
  const networks: Record<string, EndpointInput> = {};
  const e = endpoints[0];
  networks[mode] = e
    ? { NetworkID: e.networkId, EndpointID: e.endpointId, Gateway: e.gateway, IPAddress: e.ipAddress, IPPrefixLen: e.prefixLen, MacAddress: e.macAddress, Aliases: e.aliases.length > 0 ? [...e.aliases] : null }
    : { NetworkID: networkId };
  if (!running) return { networks };
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const [key, bindings] of Object.entries(network.portsOf(record.id, record.network.exposedPorts))) {
    ports[key] = bindings ? bindings.map((b) => ({ HostIp: b.hostIp, HostPort: b.hostPort })) : null;
  }
  return { ports, networks };
}

/** HostConfig.PortBindings: the `-p` requests as the client sent them (`80/tcp` -> host address and port). */
export function portBindingsOf(record: ContainerRecord): Record<string, { HostIp: string; HostPort: string }[]> {
  const out: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of record.network.ports) (out[`${p.containerPort}/${p.proto}`] ??= []).push({ HostIp: p.hostIp, HostPort: p.hostPort });
  return out;
}
