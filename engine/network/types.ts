import type { PortProto } from './publish-spec.ts';

/** The drivers of the networks Docker creates by itself (`null` is the driver of `none`). */
export type NetworkDriver = 'bridge' | 'host' | 'null';

/** One network as the daemon keeps it (the fields `docker network inspect` shows). */
export interface Network {
  readonly id: string;
  readonly name: string;
  readonly driver: NetworkDriver;
  /** Virtual-clock milliseconds. */
  readonly created: number;
  /** IPv4 subnet and gateway (bridge networks only). */
  readonly subnet?: string;
  readonly gateway?: string;
  /** `--ip-range`: where the IPAM hands out addresses (the whole subnet when absent). */
  readonly ipRange?: string;
  /** The subnet was given (`--subnet`): only then may a container ask for a fixed `--ip`. */
  readonly userSubnet?: boolean;
  /** The Linux bridge on the host (`docker0` for the default one; `br-<12hex>` for user-defined ones). */
  readonly bridgeName?: string;
  /** Created by the daemon itself (`bridge`, `host`, `none`): cannot be removed. */
  readonly predefined: boolean;
  /** Embedded DNS (127.0.0.11) resolves names on it: user-defined networks only, never the default bridge. */
  readonly dns: boolean;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly options: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

/** A container's attachment to one network (`NetworkSettings.Networks.<name>`). */
export interface Endpoint {
  readonly networkId: string;
  readonly endpointId: string;
  readonly containerId: string;
  /** The container's name without the leading `/`. */
  readonly containerName: string;
  readonly hostname: string;
  /** '' on host and none. */
  readonly ipAddress: string;
  readonly prefixLen: number;
  readonly gateway: string;
  readonly macAddress: string;
  /** `--network-alias` (user-defined networks only). */
  readonly aliases: readonly string[];
}

/** One published port as Docker lists it in `NetworkSettings.Ports`: a host address and port per binding. */
export interface PortBinding {
  readonly hostIp: string;
  readonly hostPort: string;
}

/** A host port the daemon has handed out (its portallocator's table). */
export interface AllocatedPort {
  readonly containerId: string;
  readonly proto: PortProto;
  /** The address it is bound on: '0.0.0.0' (every address) or a specific one. */
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerPort: number;
  /** The container address the port leads to (docker-proxy's -container-ip). */
  readonly containerIp: string;
  /** Published on every address (`-p 8080:80`): listed for IPv6 (`::`) too, as Engine 28 binds both families. */
  readonly bothFamilies: boolean;
}

/**
 * Everything the network side of the daemon knows, as one immutable value: a snapshot is just the value. Live
 * sockets are not in it: they belong to running processes, as on a real machine.
 */
export interface NetworkState {
  readonly networks: ReadonlyMap<string, Network>;
  /** Endpoints of running containers, by container ID, in the order they were connected. */
  readonly endpoints: ReadonlyMap<string, readonly Endpoint[]>;
  readonly ports: readonly AllocatedPort[];
  /** Where the round-robin search for the next random host port starts (Docker's portallocator keeps it too). */
  readonly nextDynamicPort: number;
}
