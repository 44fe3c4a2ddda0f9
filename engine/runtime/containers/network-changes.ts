import { DockerError } from '../../core/errors.ts';
import type { Network } from '../../network/types.ts';
import type { ContainerState } from '../lifecycle/index.ts';
import { checkEndpointSettings, isNamespaceMode, membershipOf, type NetworkAttachmentRequest } from './network-membership.ts';
import type { ContainerEndpointConfig, ContainerRecord } from './types.ts';

const HOST_NET = 'Error response from daemon: container cannot be disconnected from host network or connected to host network';

/** moby errRemovalContainer. */
function removalInProgress(id: string): DockerError {
  return new DockerError(`Error response from daemon: Container ${id} is marked for removal and cannot be connected or disconnected to the network`, 1, 'EREMOVING');
}

/**
 * moby daemon.ConnectToNetwork's checks for `docker network connect`: the container is not being removed, neither
 * side is a shared namespace (host, container:), the endpoint settings suit the network, and the container is not
 * on it already. Returns the membership the record gains.
 */
export function connectionFor(record: ContainerRecord, state: ContainerState, network: Network, modeNetwork: Network, request: NetworkAttachmentRequest): ContainerEndpointConfig {
  if (state.Dead || state.phase.startsWith('removing')) throw removalInProgress(record.id);
  if (isNamespaceMode(network)) throw new DockerError(HOST_NET, 1, 'EHOSTNET');
  if (isNamespaceMode(modeNetwork)) {
    throw new DockerError('Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network', 1, 'ESHARED');
  }
  checkEndpointSettings(network, request, { connecting: true });
  if (membershipOf(record.network).some((m) => m.name === network.name)) {
    throw new DockerError(`Error response from daemon: endpoint with name ${record.name} already exists in network ${network.name}`, 1, 'EEXISTS');
  }
  return {
    name: network.name,
    networkId: network.id,
    ...(request.aliases && request.aliases.length > 0 ? { aliases: [...request.aliases] } : {}),
    ...(request.ipv4Address ? { ipv4Address: request.ipv4Address } : {}),
  };
}

/**
 * `docker network disconnect`'s checks (moby daemon.DisconnectFromNetwork): `network` is undefined when it is gone
 * (only `-f` gets this far then). Returns the name of the membership to drop.
 */
export function disconnectionFor(record: ContainerRecord, state: ContainerState, network: Network | undefined, target: string): string {
  const name = network?.name ?? target;
  if (network && isNamespaceMode(network)) throw new DockerError(HOST_NET, 1, 'EHOSTNET');
  const running = state.Running || state.Paused;
  if (!running && (state.Dead || state.phase.startsWith('removing'))) throw removalInProgress(record.id);
  if (!membershipOf(record.network).some((m) => m.name === name)) {
    // moby words the two paths differently: the record's check (stopped) says "the network".
    throw new DockerError(`Error response from daemon: container ${record.id} is not connected to ${running ? '' : 'the '}network ${name}`, 1, 'ENOTCONNECTED');
  }
  return name;
}
