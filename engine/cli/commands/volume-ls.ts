import { parseFilters } from '../../image/filters.ts';
import type { Volume } from '../../runtime/volumes/types.ts';
import { mountpoint } from '../../runtime/volumes/types.ts';
import type { Command } from '../command.ts';
import { renderList, selectListFormat, type ListRow, type ListType } from '../format/index.ts';
import { naturalCompare } from '../sort-order.ts';
import { volumeService } from './volume-service.ts';

const TABLE = 'table {{.Driver}}\\t{{.Name}}';
const CLUSTER_TABLE = 'table {{.Name}}\\t{{.Group}}\\t{{.Driver}}\\t{{.Availability}}\\t{{.Status}}';

export const VOLUME_LIST_TYPE: ListType = {
  typeName: '*formatter.volumeContext',
  headers: {
    ID: 'ID', Name: 'VOLUME NAME', Group: 'GROUP', Driver: 'DRIVER', Scope: 'SCOPE', Availability: 'AVAILABILITY',
    Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE', Status: 'STATUS',
  },
};

/**
 * `docker volume ls` / `list` (docker/cli volume/list.go, formatter/volume.go): `DRIVER  VOLUME NAME`, names in
 * natural order, `-q` the names alone. The daemon's list carries no usage data, so Links and Size say N/A, and this
 * daemon is no swarm manager, so `--cluster` finds nothing.
 */
export const volumeLsCommand: Command = {
  paths: ['docker volume ls', 'docker volume list'],
  args: { kind: 'none' },
  async run(ctx) {
    const quiet = ctx.flags.bool('quiet');
    const cluster = ctx.flags.bool('cluster');
    let volumes = volumeService(ctx).list(parseFilters(ctx.flags.list('filter')));
    let source = ctx.flags.string('format');
    if (cluster) {
      volumes = [];
      source = quiet ? 'table' : CLUSTER_TABLE;
    }
    const format = selectListFormat(source, quiet, {
      table: TABLE,
      quiet: '{{.Name}}',
      raw: 'name: {{.Name}}\\ndriver: {{.Driver}}\\n',
      rawQuiet: 'name: {{.Name}}',
    });
    const rows = [...volumes].sort((a, b) => naturalCompare(a.name, b.name)).map(volumeRow);
    await ctx.stdout.write(renderList(format, rows, VOLUME_LIST_TYPE));
    return 0;
  },
};

function volumeRow(v: Volume): ListRow {
  const labels = v.labels ?? {};
  return {
    Name: v.name,
    Driver: v.driver,
    Scope: 'local',
    Mountpoint: mountpoint(v.name),
    // Go ranges over the label map, so docker's order is random; sorted keys keep it stable.
    Labels: Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(','),
    Label: (name: string) => labels[name] ?? '',
    Links: 'N/A',
    Size: 'N/A',
    Group: 'N/A',
    Availability: 'N/A',
    Status: 'N/A',
  };
}
