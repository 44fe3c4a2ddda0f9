import type { NetworkService } from '../../network/service.ts';
import type { EndpointInput, NetworkSettingsInput } from './inspect.ts';
import { membershipOf } from './network-membership.ts';
import type { ContainerEndpointConfig, ContainerRecord } from './types.ts';

/**
 * NetworkSettings as inspect shows it: each network the container belongs to; while it runs, with its endpoint
 * (address, gateway, MAC, DNS names) and its ports; stopped, with the endpoint's fields empty and the settings it
 * was given kept, as moby keeps the entry after releasing it.
 */
export function networkSettingsOf(network: NetworkService | undefined, record: ContainerRecord, running: boolean): NetworkSettingsInput {
  if (!network) return { networks: {} };
  const endpoints = running ? network.endpointsOf(record.id) : [];
  const networks: Record<string, EndpointInput> = {};
  for (const member of membershipOf(record.network)) {
    const networkId = currentNetworkId(network, member);
    const e = endpoints.find((ep) => ep.networkId === networkId);
    const configured = {
      ...(member.ipv4Address ? { IPAMConfig: { IPv4Address: member.ipv4Address } } : {}),
      Aliases: member.aliases && member.aliases.length > 0 ? [...member.aliases] : null,
    };
    const userDefined = network.state.networks.get(networkId)?.dns ?? false;
    networks[member.name] = e
      ? {
          NetworkID: e.networkId,
          EndpointID: e.endpointId,
          Gateway: e.gateway,
          IPAddress: e.ipAddress,
          IPPrefixLen: e.prefixLen,
          MacAddress: e.macAddress,
          ...configured,
          // The names the embedded DNS answers for (moby buildEndpointDNSNames), on user-defined networks only.
          ...(userDefined ? { DNSNames: [...new Set([record.name, ...(member.aliases ?? []), record.id.slice(0, 12), record.config.Hostname])] } : {}),
        }
      : { NetworkID: networkId, ...configured };
  }
  if (!running) return { networks };
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const [key, bindings] of Object.entries(network.portsOf(record.id, record.network.exposedPorts))) {
    ports[key] = bindings ? bindings.map((b) => ({ HostIp: b.hostIp, HostPort: b.hostPort })) : null;
  }
  return { ports, networks };
}

/** The member's network ID now; the one it joined once that network was removed (inspect keeps it). */
function currentNetworkId(network: NetworkService, member: ContainerEndpointConfig): string {
  if (member.networkId && network.state.networks.has(member.networkId)) return member.networkId;
  try {
    return network.network(member.name).id;
  } catch {
    return member.networkId ?? '';
  }
}

/** HostConfig.PortBindings: the `-p` requests as the client sent them (`80/tcp` -> host address and port). */
export function portBindingsOf(record: ContainerRecord): Record<string, { HostIp: string; HostPort: string }[]> {
  const out: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of record.network.ports) (out[`${p.containerPort}/${p.proto}`] ??= []).push({ HostIp: p.hostIp, HostPort: p.hostPort });
  return out;
}
