import { changes, type ChangeKind } from '../fs/diff.ts';
import { union } from '../fs/union.ts';
import type { ImageStore } from '../image/store.ts';
import type { Digest } from '../image/types.ts';
import type { NetworkService } from '../network/service.ts';
import { containerRow, imageShownFor } from '../cli/commands/ps-row.ts';
import { healthStatus, type HealthStatus } from './containers/health.ts';
import { membershipOf } from './containers/network-membership.ts';
import type { ContainerService, ContainerView } from './containers/service.ts';
import type { ContainerStatus } from './lifecycle/index.ts';
import type { MountType } from './mounts/types.ts';
import type { VolumeService } from './volumes/service.ts';
import { volumeSize } from './volumes/size.ts';
import { isAnonymous } from './volumes/types.ts';

/**
 * What the containers picture shows: every container as `docker ps -a` and `inspect` would describe it, its root
 * filesystem split into the image's layers, its writable layer and the mounts over them, and every volume with the
 * containers that use it. Plain data, so the page only draws it.
 */
export interface ContainersView {
  /** Newest first, as `docker ps -a` lists them. */
  readonly containers: readonly ContainerCard[];
  /** By name, as `docker volume ls` lists them. */
  readonly volumes: readonly VolumeCard[];
}

export interface ContainerCard {
  readonly id: string;
  readonly shortId: string;
  readonly name: string;
  /** The IMAGE cell of `docker ps` (the image's ID once its name points at another image). */
  readonly image: string;
  /** ENTRYPOINT + CMD as the process runs them, unquoted and uncut. */
  readonly command: string;
  /** State.Status. */
  readonly state: ContainerStatus;
  /** Where the lifecycle statechart is: 'running', 'running.stopping', 'exited', … */
  readonly phase: string;
  /** The STATUS cell of `docker ps`: `Up 3 seconds (healthy)`, `Exited (0) 5 seconds ago`. */
  readonly status: string;
  readonly health: HealthStatus;
  readonly restartCount: number;
  /** HostConfig.RestartPolicy.Name, with the retry limit for on-failure (`on-failure:3`). */
  readonly restartPolicy: string;
  /** The PORTS cell of `docker ps` (empty while stopped: the ports were released). */
  readonly ports: string;
  readonly mounts: readonly MountCard[];
  /** The networks it belongs to, with its address on each while it runs. */
  readonly networks: readonly { readonly name: string; readonly ipAddress?: string }[];
  readonly filesystem: FilesystemSplit;
}

export interface MountCard {
  readonly type: MountType;
  /** A volume's name, a bind mount's host path, '' for tmpfs. */
  readonly source: string;
  /** A volume made without a name (its name is 64 hex). */
  readonly anonymous: boolean;
  readonly destination: string;
  readonly readOnly: boolean;
}

/** The container's root filesystem as overlay2 stacks it, with the mounts on top. */
export interface FilesystemSplit {
  /** The image's layers (read-only), bottom first. */
  readonly imageLayers: { readonly count: number; readonly size: number };
  readonly writable: {
    /** Bytes, as `docker ps -s` SIZE counts them. */
    readonly size: number;
    /** The top-level paths `docker diff` lists (`C /etc`, `A /data`). */
    readonly changedPaths: readonly { readonly kind: ChangeKind; readonly path: string }[];
    /** How many lines `docker diff` prints in all. */
    readonly changeCount: number;
  };
  readonly mounts: number;
}

export interface VolumeCard {
  readonly name: string;
  readonly anonymous: boolean;
  readonly driver: string;
  /** Bytes of its files, as `system df -v` counts them. */
  readonly size: number;
  /** Every container naming it, running or not (a volume is in use until they are removed). */
  readonly users: readonly { readonly containerId: string; readonly containerName: string; readonly destination: string; readonly running: boolean }[];
}

export interface ContainersViewSources {
  readonly runtime: ContainerService;
  readonly volumes: VolumeService;
  readonly network: NetworkService;
  readonly images: () => ImageStore;
  readonly now: () => number;
}

export function containersView(s: ContainersViewSources): ContainersView {
  const listed = s.runtime.list();
  const anonymous = new Set([...s.volumes.store.volumes.values()].filter(isAnonymous).map((v) => v.name));
  return {
    containers: listed.map((c) => containerCard(c, s, anonymous)),
    volumes: volumeCards(s, listed),
  };
}

function containerCard(c: ContainerView, s: ContainersViewSources, anonymous: ReadonlySet<string>): ContainerCard {
  const { record, state } = c;
  const id = record.id;
  const health = s.runtime.health(id);
  const running = state.Running;
  const ports = running ? s.network.portsOf(id, record.network.exposedPorts) : {};
  const row = containerRow(c, { now: s.now(), trunc: true, imageShown: imageShownFor(s.images(), record), ports, ...(health ? { health } : {}) });
  const addresses = new Map(running ? s.network.endpointsOf(id).map((e) => [networkName(s.network, e.networkId), e.ipAddress]) : []);
  const mounts = record.mounts.map((m) => ({
    type: m.Type,
    source: m.Type === 'volume' ? (m.Name ?? m.Source) : m.Source,
    anonymous: m.Type === 'volume' && anonymous.has(m.Name ?? ''),
    destination: m.Destination,
    readOnly: !m.RW,
  }));
  const policy = record.restartPolicy;
  return {
    id,
    shortId: id.slice(0, 12),
    name: record.name,
    image: String(row.Image),
    command: [record.path, ...record.args].join(' '),
    state: state.Status,
    phase: state.phase,
    status: String(row.Status),
    health: healthStatus(record, state, health),
    restartCount: state.RestartCount,
    restartPolicy: policy.Name === 'on-failure' && policy.MaximumRetryCount > 0 ? `on-failure:${policy.MaximumRetryCount}` : policy.Name || 'no',
    ports: String(row.Ports),
    mounts,
    networks: membershipOf(record.network).map((m) => {
      const ip = addresses.get(m.name);
      return ip ? { name: m.name, ipAddress: ip } : { name: m.name };
    }),
    filesystem: filesystemOf(s, record.id, record.imageLayers, mounts.length),
  };
}

function networkName(network: NetworkService, id: string): string {
  return network.state.networks.get(id)?.name ?? id;
}

function filesystemOf(s: ContainersViewSources, id: string, layers: readonly Digest[], mounts: number): FilesystemSplit {
  const store = s.images();
  const { imageRoot, layer } = s.runtime.rootfs(id);
  // `docker diff`'s own walk: it visits only what the container touched.
  const all = changes(imageRoot, union([imageRoot, layer]));
  return {
    imageLayers: { count: layers.length, size: layers.reduce((n, chainId) => n + (store.layers.get(chainId)?.size ?? 0), 0) },
    writable: {
      size: s.runtime.sizeRw(id),
      changedPaths: all.filter((c) => c.path.lastIndexOf('/') === 0),
      changeCount: all.length,
    },
    mounts,
  };
}

function volumeCards(s: ContainersViewSources, listed: readonly ContainerView[]): VolumeCard[] {
  return [...s.volumes.store.volumes.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((v) => ({
      name: v.name,
      anonymous: isAnonymous(v),
      driver: v.driver,
      size: volumeSize(v),
      users: listed.flatMap((c) =>
        c.record.mounts
          .filter((m) => m.Type === 'volume' && m.Name === v.name)
          .map((m) => ({ containerId: c.record.id, containerName: c.record.name, destination: m.Destination, running: c.state.Running })),
      ),
    }));
}
