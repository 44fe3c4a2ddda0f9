import { DockerError } from '../core/errors.ts';
import { DYNAMIC_PORT_FIRST, DYNAMIC_PORT_LAST } from './defaults.ts';
import type { PortMapping } from './publish-spec.ts';
import type { AllocatedPort, NetworkState } from './types.ts';

const ANY = '0.0.0.0';

function clashes(a: { hostIp: string; proto: string; hostPort: number }, b: AllocatedPort): boolean {
  return a.proto === b.proto && a.hostPort === b.hostPort && (a.hostIp === b.hostIp || a.hostIp === ANY || b.hostIp === ANY);
}

/** `Bind for 0.0.0.0:8080 failed: port is already allocated` (moby portallocator ErrPortAlreadyAllocated). */
export function alreadyAllocated(hostIp: string, hostPort: string): string {
  return `Bind for ${hostIp}:${hostPort} failed: port is already allocated`;
}

export interface Allocation {
  readonly state: NetworkState;
  readonly port: AllocatedPort;
}

/**
 * Hands out the host port of one mapping: the requested one when free, else a DockerError-ready message; a random
 * one round-robin over the dynamic range (the first is 32768); or the first free port of a requested range.
 * Returns the failure text rather than throwing, so the caller words it as the endpoint error it is.
 */
export function allocatePort(
  state: NetworkState,
  containerId: string,
  mapping: PortMapping,
  containerIp: string,
): Allocation | { readonly error: string } {
  const hostIp = mapping.hostIp === '' ? ANY : mapping.hostIp;
  const free = (hostPort: number) => !state.ports.some((p) => clashes({ hostIp, proto: mapping.proto, hostPort }, p));
  const take = (hostPort: number, nextDynamicPort = state.nextDynamicPort): Allocation => {
    const port: AllocatedPort = {
      containerId,
      proto: mapping.proto,
      hostIp,
      hostPort,
      containerPort: mapping.containerPort,
      containerIp,
      bothFamilies: mapping.hostIp === '',
    };
    return { state: { ...state, ports: [...state.ports, port], nextDynamicPort }, port };
  };
  if (mapping.hostPort === '') {
    let candidate = state.nextDynamicPort;
    for (let i = 0; i <= DYNAMIC_PORT_LAST - DYNAMIC_PORT_FIRST; i++) {
      if (free(candidate)) return take(candidate, candidate === DYNAMIC_PORT_LAST ? DYNAMIC_PORT_FIRST : candidate + 1);
      candidate = candidate === DYNAMIC_PORT_LAST ? DYNAMIC_PORT_FIRST : candidate + 1;
    }
    return { error: `Bind for ${hostIp}:0 failed: port is already allocated` };
  }
  const [first, last = first] = mapping.hostPort.split('-').map(Number) as [number, number?];
  for (let p = first; p <= last; p++) if (free(p)) return take(p);
  // A taken range is reported like a taken port (exact wording for a range not checked on a live daemon).
  return { error: alreadyAllocated(hostIp, mapping.hostPort) };
}

/** Frees every host port a container holds (it stopped: Docker releases them). */
export function releasePorts(state: NetworkState, containerId: string): NetworkState {
  if (!state.ports.some((p) => p.containerId === containerId)) return state;
  return { ...state, ports: state.ports.filter((p) => p.containerId !== containerId) };
}

export function failedProgramming(containerName: string, endpointId: string, cause: string): DockerError {
  return new DockerError(
    `Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint ${containerName} (${endpointId}): ${cause}`,
    1,
    'EPORTALLOCATED',
  );
}
