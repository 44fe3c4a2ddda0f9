import { nextHexId } from '../../core/ids.ts';
import { nextContainerName } from '../../core/names.ts';
import { makeDir } from '../../fs/tree.ts';
import type { DirEntry, Fs } from '../../fs/types.ts';
import { union } from '../../fs/union.ts';
import { noSuchImage } from '../../image/get.ts';
import type { ImageService } from '../../image/service.ts';
import { resolveImage } from '../../image/store.ts';
import type { Digest } from '../../image/types.ts';
import { parsePortKey, parsePortRange, portKey } from '../../network/publish-spec.ts';
import type { NetworkService } from '../../network/service.ts';
import { parseRestartPolicy } from '../lifecycle/index.ts';
import { parseBind } from '../mounts/parse-bind.ts';
import { setupMounts } from '../mounts/setup.ts';
import { tmpfsRequest } from '../mounts/tmpfs.ts';
import type { MountRequest } from '../mounts/types.ts';
import type { IdSource, VolumeService } from '../volumes/service.ts';
import { commandLine, mergeConfig, type CreateOptions } from './config.ts';
import { checkHealthConfig } from './health.ts';
import { registerLinks } from './links.ts';
import { checkContainerName, nameConflict } from './names.ts';
import { checkEndpointSettings, type NetworkAttachmentRequest } from './network-membership.ts';
import type { ContainerEndpointConfig, ContainerRecord } from './types.ts';

/** What building a new container's record reads from the rest of the daemon. */
export interface RecordSources {
  readonly images: ImageService;
  readonly network: NetworkService;
  readonly volumes: VolumeService;
  readonly hostFs: Fs;
  readonly ids: IdSource;
  /** Virtual-clock milliseconds: the container's Created. */
  readonly now: number;
  /** The containers that exist, for names and links. */
  readonly existing: readonly ContainerRecord[];
  readonly layerTree: (chainId: Digest) => DirEntry;
}

/**
 * The daemon's side of `docker create` (daemon/create.go) up to the new record: the image must be local, the config
 * is the image's merged with the flags and checked, the name is free (or one is drawn), every network exists and
 * suits the endpoint settings, links name running-capable containers, and the mounts are set up (named volumes
 * created, image VOLUMEs as anonymous ones, copy-up). IDs are drawn in moby's order: the container's, then its name,
 * then its anonymous volumes.
 */
export function newContainerRecord(options: CreateOptions, src: RecordSources): ContainerRecord {
  const image = resolveImage(src.images.store, options.image);
  if (!image) throw noSuchImage(options.image);
  const config = mergeConfig(image.config.config, options);
  checkHealthConfig(config.Healthcheck);
  const restartPolicy = parseRestartPolicy(options.restart ?? 'no');
  const taken = (n: string) => src.existing.some((r) => r.name === n);
  let name: string;
  if (options.name !== undefined && options.name !== '') {
    name = checkContainerName(options.name);
    const holder = src.existing.find((r) => r.name === name);
    if (holder) throw nameConflict(name, holder.id);
  }
  const requests = mountRequests(options);
  const [id, afterId] = nextHexId(src.ids.get(), 'container');
  let ids = afterId;
  if (options.name === undefined || options.name === '') [name, ids] = nextContainerName(ids, taken);
  src.ids.set(ids);
  const attachments = requestedNetworks(options);
  const networkMode = attachments[0]!.target;
  // daemon/create.go verifyNetworkingConfig: every network exists, and aliases or --ip suit it.
  const members: ContainerEndpointConfig[] = attachments.map((a) => {
    const network = src.network.network(a.target);
    checkEndpointSettings(network, a);
    return {
      name: network.name,
      networkId: network.id,
      ...(a.aliases && a.aliases.length > 0 ? { aliases: [...a.aliases] } : {}),
      ...(a.ipv4Address ? { ipv4Address: a.ipv4Address } : {}),
    };
  });
  const links = registerLinks(src.existing, options.links ?? [], name!, networkMode);
  const imageVolumes = [...(options.volumes ?? []), ...Object.keys(image.config.config.Volumes ?? {})];
  const mounts = setupMounts(requests, imageVolumes, union(image.layers.map(src.layerTree)), { volumes: src.volumes, hostFs: src.hostFs });
  const argv = commandLine(config);
  return {
    id,
    name: name!,
    imageId: image.id,
    imageLayers: image.layers,
    created: src.now,
    path: argv[0]!,
    args: argv.slice(1),
    config: { ...config, Hostname: config.Hostname || id.slice(0, 12) },
    autoRemove: options.autoRemove ?? false,
    restartPolicy,
    network: {
      mode: networkMode,
      networks: members,
      ports: options.ports ?? [],
      publishAll: options.publishAll ?? false,
      exposedPorts: exposedPorts(image.config.config.ExposedPorts, options.expose),
    },
    binds: options.binds && options.binds.length > 0 ? [...options.binds] : null,
    mounts,
    ...hostConfigExtras(options),
    ...(links.length > 0 ? { links } : {}),
    layer: makeDir(),
    logs: [],
  };
}

/** `--network` values (or the default bridge) with `--network-alias` and `--ip` on the first, as the CLI sends them. */
function requestedNetworks(options: CreateOptions): NetworkAttachmentRequest[] {
  const asMode = (t: string) => (t === '' || t === 'default' ? 'bridge' : t);
  if (options.networks && options.networks.length > 0) return options.networks.map((n) => ({ ...n, target: asMode(n.target) }));
  return [{ target: asMode(options.networkMode ?? ''), ...(options.aliases ? { aliases: options.aliases } : {}), ...(options.ip ? { ipv4Address: options.ip } : {}) }];
}

/** The HostConfig fields a record keeps only when the flags set them. */
function hostConfigExtras(options: CreateOptions): Pick<ContainerRecord, 'mountRequests' | 'tmpfs' | 'extraHosts'> {
  const tmpfs = options.tmpfs ?? [];
  return {
    ...(options.mounts && options.mounts.length > 0 ? { mountRequests: [...options.mounts] } : {}),
    ...(tmpfs.length > 0 ? { tmpfs: Object.fromEntries(tmpfs.map((t) => [t.split(':')[0]!, t.includes(':') ? t.slice(t.indexOf(':') + 1) : ''])) } : {}),
    ...(options.extraHosts && options.extraHosts.length > 0 ? { extraHosts: [...options.extraHosts] } : {}),
  };
}

/** The daemon's view of the mount flags: `-v` strings parsed, `--tmpfs` entries as tmpfs mounts, then `--mount`s. */
function mountRequests(options: CreateOptions): MountRequest[] {
  return [...(options.binds ?? []).map(parseBind), ...(options.tmpfs ?? []).map(tmpfsRequest), ...(options.mounts ?? [])];
}

/** Config.ExposedPorts: the image's, then `--expose` values (`80`, `8000-8001/udp`), as `port/proto` keys. */
function exposedPorts(image: Readonly<Record<string, unknown>> | undefined, expose: readonly string[] = []): string[] {
  const keys = new Set(Object.keys(image ?? {}));
  for (const value of expose) {
    const [range, proto = 'tcp'] = value.split('/');
    const r = parsePortRange(range!);
    if (r) for (let port = r[0]; port <= r[1]; port++) keys.add(portKey(port, proto));
  }
  return [...keys].filter((k) => parsePortKey(k) !== undefined);
}
