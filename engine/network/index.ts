/** Networking: the socket interface programs use, namespaces, the daemon's networks, published ports and the files Docker writes. */
export { NetError, netOf, type Listener, type NetErrorCode, type NetStack, type Socket, type SocketAddress } from './socket.ts';
export { NetworkNamespace, createNetworkNamespace, type Forwarder, type NameServer, type NamespaceOptions, type Rewritten, type Router } from './namespace.ts';
export { createSocketPair, PairSocket, type SocketView } from './socket-pair.ts';
export { lookupHosts } from './hosts-lookup.ts';
export { parsePublishSpecs, parsePortRange, parsePortKey, portKey, publishAllMappings, type PortMapping, type PortProto } from './publish-spec.ts';
export { initialNetworkState, networkByName, DEFAULT_BRIDGE_GATEWAY, DEFAULT_BRIDGE_SUBNET, DYNAMIC_PORT_FIRST, DYNAMIC_PORT_LAST } from './defaults.ts';
export { findNetwork } from './find.ts';
export { containerHostsFile, containerHostnameFile, type ContainerHostsOptions, type HostsRecord } from './etc-hosts.ts';
export { containerResolvConf, EMBEDDED_DNS_ADDRESS, type ResolvConfMode, type ResolvConfSource } from './resolv-conf.ts';
export * from './host-config.ts';
export { embeddedDnsLookup } from './dns.ts';
export { topologyOf, type Topology, type TopologyEndpoint, type TopologyNetwork, type TopologyPort } from './topology.ts';
export { NetworkService, SYN_TIMEOUT_MS, ARP_TIMEOUT_MS, type Attachment, type ConnectRequest, type EndpointRequest, type NetworkEvent, type NetworkServiceOptions } from './service.ts';
export type { AllocatedPort, Endpoint, Network, NetworkDriver, NetworkState, PortBinding } from './types.ts';
export { createUserNetwork, removeUserNetwork, attachedTo, type CreateNetworkOptions } from './user-networks.ts';
export { nextPoolSubnet, overlaps, canonicalCidr } from './pools.ts';
export { listNetworks } from './list.ts';
