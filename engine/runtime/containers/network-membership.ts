import { DockerError } from '../../core/errors.ts';
import { isIPv4 } from '../../network/address.ts';
import { inSubnet } from '../../network/ipam.ts';
import type { EndpointRequest } from '../../network/service.ts';
import type { Network } from '../../network/types.ts';
import type { ContainerEndpointConfig, ContainerNetworkConfig } from './types.ts';

/** A network a container asks to join at create or `network connect`, as typed, with its endpoint settings. */
export interface NetworkAttachmentRequest {
  /** The network's name or ID (or ID prefix). */
  readonly target: string;
  readonly aliases?: readonly string[];
  /** `--ip`. */
  readonly ipv4Address?: string;
}

const daemonError = (message: string, code: string) => new DockerError(`Error response from daemon: ${message}`, 1, code);

/**
 * The networks a container belongs to, in the order it joined them (NetworkSettings.Networks, which Docker keeps in
 * the container's record across stops). Records saved before the list existed had one `mode` and its aliases.
 */
export function membershipOf(config: ContainerNetworkConfig): readonly ContainerEndpointConfig[] {
  if (config.networks) return config.networks;
  return [{ name: config.mode, ...(config.aliases ? { aliases: config.aliases } : {}) }];
}

/** The names as `docker ps` joins them in its Networks column and `--filter network=` matches them. */
export function networkNamesOf(config: ContainerNetworkConfig): string[] {
  return membershipOf(config).map((m) => m.name);
}

/**
 * The daemon's checks of one endpoint's settings against its network (daemon/container_operations.go
 * validateEndpointSettings and verifyNetworkingConfig): aliases and a fixed address need a user-defined network,
 * and a fixed address a subnet its creator chose.
 */
export function checkEndpointSettings(network: Network, request: NetworkAttachmentRequest, options: { readonly connecting?: boolean } = {}): void {
  // On `network connect` moby gathers these under one heading; at create the existing wording is kept as is.
  const fail = (message: string, code: string) => daemonError(options.connecting ? `invalid endpoint settings:\n${message}` : message, code);
  if ((request.aliases?.length ?? 0) > 0 && !network.dns) {
    throw fail('network-scoped aliases are only supported for user-defined networks', 'EALIAS');
  }
  if (request.ipv4Address === undefined || request.ipv4Address === '') return;
  if (!network.dns) throw fail('user specified IP address is supported on user defined networks only', 'EIP');
  // runconfig.ErrUnsupportedNetworkNoSubnetAndIP (where Engine 28 checks it was not confirmed).
  if (!network.userSubnet) throw fail('user specified IP address is supported only when connecting to networks with user configured subnets', 'EIP');
  if (!isIPv4(request.ipv4Address)) throw fail(`invalid IPv4 address: ${request.ipv4Address}`, 'EIP');
  if (!inSubnet(request.ipv4Address, network.subnet!)) {
    throw fail(`no configured subnet or ip-range contain the IP address ${request.ipv4Address}`, 'EIP');
  }
}

/** A member's settings as the network service takes them when the container starts or is connected live. */
export function endpointRequestOf(member: ContainerEndpointConfig): EndpointRequest {
  return {
    network: member.networkId ?? member.name,
    ...(member.aliases && member.aliases.length > 0 ? { aliases: member.aliases } : {}),
    ...(member.ipv4Address ? { ipv4Address: member.ipv4Address } : {}),
  };
}

/** Host and none networking share nothing and cannot be combined with other networks (the CLI checks it first). */
export function isNamespaceMode(network: Network): boolean {
  return network.driver === 'host' || network.driver === 'null';
}
