import { parseFilters } from '../../image/filters.ts';
import { listNetworks } from '../../network/list.ts';
import type { Network } from '../../network/types.ts';
import type { Command } from '../command.ts';
import { renderList, selectListFormat, type ListRow, type ListType } from '../format/index.ts';
import { timeText } from '../../runtime/containers/inspect.ts';
import { networkService } from './network-service.ts';

const TABLE = 'table {{.ID}}\\t{{.Name}}\\t{{.Driver}}\\t{{.Scope}}';

export const NETWORK_LIST_TYPE: ListType = {
  typeName: '*formatter.networkContext',
  headers: {
    ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv4: 'IPV4', IPv6: 'IPV6', Internal: 'INTERNAL',
    Labels: 'LABELS', CreatedAt: 'CREATED AT',
  },
};

/**
 * `docker network ls` / `list` (docker/cli network/list.go, formatter/network.go): `NETWORK ID  NAME  DRIVER  SCOPE`
 * sorted by name, IDs cut to 12 unless `--no-trunc`, `-q` the IDs alone.
 */
export const networkLsCommand: Command = {
  paths: ['docker network ls', 'docker network list'],
  args: { kind: 'none' },
  async run(ctx) {
    const networks = listNetworks(networkService(ctx).state, parseFilters(ctx.flags.list('filter')));
    const format = selectListFormat(ctx.flags.string('format'), ctx.flags.bool('quiet'), {
      table: TABLE,
      quiet: '{{.ID}}',
      raw: 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n',
      rawQuiet: 'network_id: {{.ID}}',
    });
    const trunc = !ctx.flags.bool('no-trunc');
    const rows = [...networks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((n) => networkRow(n, trunc));
    await ctx.stdout.write(renderList(format, rows, NETWORK_LIST_TYPE));
    return 0;
  },
};

function networkRow(n: Network, trunc: boolean): ListRow {
  const labels = n.labels;
  return {
    ID: trunc ? n.id.slice(0, 12) : n.id,
    Name: n.name,
    Driver: n.driver,
    Scope: 'local',
    // Bridge networks have IPv4 on; this daemon enables IPv6 on none of them.
    IPv4: String(n.driver === 'bridge'),
    IPv6: 'false',
    Internal: String(n.internal),
    // Go ranges over the label map, so docker's order is random; sorted keys keep it stable.
    Labels: Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(','),
    Label: (name: string) => labels[name] ?? '',
    // formatter/network.go prints the time.Time with Go's String(): `2025-01-06 09:00:00.000000000 +0000 UTC`.
    CreatedAt: goTimeString(n.created),
  };
}

function goTimeString(ms: number): string {
  const iso = timeText(ms); // 2025-01-06T09:00:00.123456789Z (RFC 3339 with nanoseconds, trailing zeros trimmed)
  const [date, rest] = iso.split('T');
  const [clock, frac = ''] = rest!.replace('Z', '').split('.');
  return `${date} ${clock}${frac ? `.${frac}` : ''} +0000 UTC`;
}
