import { humanDuration, humanSizeWithPrecision } from '../../core/units.ts';
import type { ContainerView } from '../../runtime/containers/service.ts';
import { statusText } from '../../runtime/containers/status-text.ts';
import { healthStatus } from '../../runtime/containers/health.ts';
import type { HealthState } from '../../runtime/containers/health-monitor.ts';
import { ellipsis } from '../ellipsis.ts';
import type { ListRow, ListType } from '../format/index.ts';
import { goTimeString } from './images.ts';
import { displayablePorts } from './ps-ports.ts';
import type { PortBinding } from '../../network/types.ts';
import { resolveImage, type ImageStore } from '../../image/store.ts';
import type { ContainerRecord } from '../../runtime/containers/types.ts';

export const CONTAINER_LIST_TYPE: ListType = {
  typeName: '*formatter.ContainerContext',
  headers: {
    ID: 'CONTAINER ID',
    Image: 'IMAGE',
    Command: 'COMMAND',
    CreatedAt: 'CREATED AT',
    RunningFor: 'CREATED',
    Ports: 'PORTS',
    State: 'STATE',
    Status: 'STATUS',
    Size: 'SIZE',
    Names: 'NAMES',
    Labels: 'LABELS',
    Mounts: 'MOUNTS',
    Networks: 'NETWORKS',
    LocalVolumes: 'LOCAL VOLUMES',
  },
};

export interface RowOptions {
  readonly now: number;
  readonly trunc: boolean;
  /** The IMAGE cell before truncation (a name, or a `sha256:` ID). */
  readonly imageShown: string;
  /** Writable-layer and total bytes, when the sizes were asked for (`-s`, or a format naming `.Size`). */
  readonly size?: { readonly rw: number; readonly rootFs: number };
  /** NetworkSettings.Ports while the container runs (a stopped one has none). */
  readonly ports?: Readonly<Record<string, readonly PortBinding[] | null>>;
  /** What the health monitor found, for a container with a check. */
  readonly health?: HealthState;
  /** The networks the container is on. */
  readonly networks?: readonly string[];
}

/** formatter.ContainerContext: one container's cells. */
export function containerRow(c: ContainerView, o: RowOptions): ListRow {
  const { record, state } = c;
  const labels = record.config.Labels ?? {};
  const command = [record.path, ...record.args].join(' ');
  const image = o.imageShown.startsWith('sha256:') && o.trunc ? o.imageShown.slice(7, 19) : o.imageShown;
  return {
    ID: o.trunc ? record.id.slice(0, 12) : record.id,
    Image: image,
    // strconv.Quote after the cut; JSON's quoting is Go's for the printable text commands hold.
    Command: JSON.stringify(o.trunc ? ellipsis(command, 20) : command),
    CreatedAt: goTimeString(Math.floor(record.created / 1000)),
    RunningFor: `${humanDuration(o.now - record.created)} ago`,
    Ports: displayablePorts(o.ports ?? {}),
    State: state.Status,
    Status: withHealth(statusText(state, o.now), healthStatus(record, state, o.health), state.Paused),
    Size: sizeText(o.size),
    Names: record.name,
    Labels: labelsText(labels),
    Label: (name: string) => labels[name] ?? '',
    Mounts: record.mounts.map((m) => (o.trunc ? truncateId(m.Name || m.Source) : m.Name || m.Source)).join(','),
    // moby keeps a stopped container's network entries: ps lists them whether it runs or not.
    Networks: [...(o.networks ?? [])].sort().join(','),
    LocalVolumes: String(record.mounts.filter((m) => m.Driver === 'local').length),
  };
}

/**
 * formatter.ContainerContext.Labels: `k=v` joined with commas. docker/cli walks a Go map, so its order varies from
 * run to run; sorted here, so the output is one of docker's and the same every time.
 */
function labelsText(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

/** stringid.TruncateID, as formatter.ContainerContext.Mounts shortens a volume name or a bind source. */
function truncateId(id: string): string {
  const colon = id.indexOf(':');
  const rest = colon >= 0 ? id.slice(colon + 1) : id;
  return rest.length > 12 ? rest.slice(0, 12) : rest;
}

/** moby State.String: a running container with a health check shows its health after the uptime. */
function withHealth(status: string, health: string, paused: boolean): string {
  if (health === 'none' || paused || !status.startsWith('Up ')) return status;
  return `${status} (${health === 'starting' ? 'health: starting' : health})`;
}

/** formatter.ContainerContext.Size: the writable layer, and the virtual total when the daemon computed it. */
function sizeText(size: RowOptions['size']): string {
  const rw = humanSizeWithPrecision(size?.rw ?? 0, 3);
  return size && size.rootFs > 0 ? `${rw} (virtual ${humanSizeWithPrecision(size.rootFs, 3)})` : rw;
}

/**
 * IMAGE: the image as the container was created from it, or the image's ID once that name points at another image
 * (moby daemon/list.go replaces it so the column never lies).
 */
export function imageShownFor(store: ImageStore, record: Pick<ContainerRecord, 'config' | 'imageId'>): string {
  const now = resolveImage(store, record.config.Image);
  return now?.id === record.imageId ? record.config.Image : record.imageId;
}
