import { humanDuration, humanSizeWithPrecision } from '../../core/units.ts';
import type { ContainerView } from '../../runtime/containers/service.ts';
import { statusText } from '../../runtime/containers/status-text.ts';
import { ellipsis } from '../ellipsis.ts';
import type { ListRow, ListType } from '../format/index.ts';
import { goTimeString } from './images.ts';
import { displayablePorts } from './ps-ports.ts';
import type { PortBinding } from '../../network/types.ts';

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
}

/** formatter.ContainerContext: one container's cells. */
export function containerRow(c: ContainerView, o: RowOptions): ListRow {
  const { record, state } = c;
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
    Status: statusText(state, o.now),
    Size: sizeText(o.size),
    Names: record.name,
    Labels: '',
    Mounts: '',
    // Every container joins the default bridge network; other networks do not exist yet.
    Networks: 'bridge',
    LocalVolumes: '0',
  };
}

/** formatter.ContainerContext.Size: the writable layer, and the virtual total when the daemon computed it. */
function sizeText(size: RowOptions['size']): string {
  const rw = humanSizeWithPrecision(size?.rw ?? 0, 3);
  return size && size.rootFs > 0 ? `${rw} (virtual ${humanSizeWithPrecision(size.rootFs, 3)})` : rw;
}
