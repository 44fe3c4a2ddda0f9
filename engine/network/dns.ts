import type { NetworkState } from './types.ts';

/**
 * The embedded DNS server (127.0.0.11) of user-defined networks: a name resolves to the address of a running
 * container on a network the asking container shares, by container name, `--network-alias`, 12-hex short ID or
 * hostname (moby buildEndpointDNSNames). The default bridge has none, so there this always answers undefined and
 * the lookup fails as it would upstream (NXDOMAIN: ENOTFOUND).
 */
export function embeddedDnsLookup(state: NetworkState, containerId: string, name: string): string[] | undefined {
  const mine = state.endpoints.get(containerId) ?? [];
  const wanted = name.toLowerCase().replace(/\.$/, '');
  for (const own of mine) {
    if (!state.networks.get(own.networkId)?.dns) continue;
    for (const endpoints of state.endpoints.values()) {
      for (const ep of endpoints) {
        if (ep.networkId !== own.networkId || ep.ipAddress === '') continue;
        const names = [ep.containerName, ...ep.aliases, ep.containerId.slice(0, 12), ep.hostname].map((n) => n.toLowerCase());
        if (names.includes(wanted)) return [ep.ipAddress];
      }
    }
  }
  return undefined;
}
