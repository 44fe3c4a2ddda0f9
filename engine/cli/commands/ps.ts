import { matchLabels, parseFilters, validateFilters, type Filters } from '../../image/filters.ts';
import { membershipOf, networkNamesOf } from '../../runtime/containers/network-membership.ts';
import { HEALTH_STATUSES, healthStatus, type HealthStatus } from '../../runtime/containers/health.ts';
import type { ContainerView } from '../../runtime/containers/service.ts';
import { DockerError } from '../../core/errors.ts';
import { WorkSlicer } from '../../core/slicer.ts';
import { resolveImage } from '../../image/store.ts';
import type { Command, CommandContext } from '../command.ts';
import { renderList, selectListFormat } from '../format/index.ts';
import { CONTAINER_LIST_TYPE, containerRow, imageShownFor } from './ps-row.ts';

const TABLE = 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}';
const RAW =
  'container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n';
const STATES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];
/** The filters this simulation answers; docker also has publish, expose, isolation and is-task. */
const FILTERS = ['status', 'name', 'id', 'ancestor', 'exited', 'label', 'volume', 'before', 'since', 'health', 'network'];

/**
 * `docker ps` / `docker container ls|list` (docker/cli container/list.go, formatter/container.go; moby
 * daemon/list.go): running containers newest first, every one with `-a`, the N newest of any state with `-n`/`-l`.
 * COMMAND is quoted and cut to 20 characters, IDs to 12, unless `--no-trunc`.
 */
export const psCommand: Command = {
  paths: ['docker container ls', 'docker container list', 'docker container ps', 'docker ps'],
  args: { kind: 'none' },
  async run(ctx) {
    const service = ctx.engine.runtime;
    const filters = parseFilters(ctx.flags.list('filter'));
    validateFilters(filters, FILTERS);
    const last = ctx.flags.bool('latest') ? 1 : ctx.flags.int('last');
    const all = ctx.flags.bool('all') || last > 0 || filters.has('status') || filters.has('exited');
    const listed = service?.list() ?? [];
    const order = relativeTo(ctx, listed, filters);
    let containers = listed.filter((c, i) => (all || c.state.Running) && order(i) && matches(ctx, c, filters));
    if (last > 0) containers = containers.slice(0, last);
    const source = ctx.flags.string('format');
    const quiet = ctx.flags.bool('quiet');
    if (quiet && source !== '' && source !== 'table') await ctx.stderr.write('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    const size = ctx.flags.bool('size');
    const format = selectListFormat(source, quiet, { table: size ? `${TABLE}\\t{{.Size}}` : TABLE, raw: size ? `${RAW}size: {{.Size}}\n` : RAW, rawQuiet: 'container_id: {{.ID}}', quietOverridesCustom: true });
    // The client asks the daemon for sizes when -s is given or the format shows them (container/list.go).
    const sized = size || format.includes('.Size');
    const now = ctx.engine.images.clock.now();
    const trunc = !ctx.flags.bool('no-trunc');
    // A thousand containers' rows are work enough to give the page a turn now and then.
    const slicer = new WorkSlicer(ctx.engine.images.clock, 100);
    const rows = [];
    for (const c of containers) {
      await slicer.spend(1);
      const id = c.record.id;
      const health = service?.health(id);
      rows.push(containerRow(c, {
        now,
        trunc,
        imageShown: imageShownFor(ctx.engine.images.store, c.record),
        networks: networkNamesOf(c.record.network),
        ...(health ? { health } : {}),
        // A stopped container has released its ports.
        ports: c.state.Running ? (ctx.engine.network?.portsOf(id, c.record.network.exposedPorts) ?? {}) : {},
        ...(sized && service ? { size: { rw: service.sizeRw(id), rootFs: service.sizeRootFs(id) } } : {}),
      }));
    }
    await ctx.stdout.write(renderList(format, rows, CONTAINER_LIST_TYPE));
    return 0;
  },
};

function matches(ctx: CommandContext, c: ContainerView, filters: Filters): boolean {
  const any = (name: string, test: (value: string) => boolean) => {
    const values = filters.get(name);
    return !values || values.length === 0 || values.some(test);
  };
  return (
    any('status', (v) => {
      if (!STATES.includes(v)) throw new DockerError(`Error response from daemon: invalid filter 'status=${v}'`, 1, 'EFILTER');
      return c.state.Status === v;
    }) &&
    any('name', (v) => regexMatch(v, `/${c.record.name}`)) &&
    any('id', (v) => c.record.id.startsWith(v)) &&
    any('exited', (v) => c.state.Status === 'exited' && String(c.state.ExitCode) === v) &&
    any('ancestor', (v) => c.record.config.Image === v || resolveImage(ctx.engine.images.store, v)?.id === c.record.imageId) &&
    matchLabels(filters, 'label', c.record.config.Labels) &&
    // A volume by its name (a bind mount by its source) or by where it is mounted.
    any('volume', (v) => c.record.mounts.some((m) => (m.Name || m.Source) === v || m.Destination === v)) &&
    // A network by name, or by a prefix of its ID (the entry stays while the container is stopped).
    any('network', (v) => membershipOf(c.record.network).some((m) => m.name === v || (m.networkId ?? networkIdOf(ctx, m.name)).startsWith(v))) &&
    any('health', (v) => {
      if (!HEALTH_STATUSES.includes(v as HealthStatus)) throw new DockerError(`Error response from daemon: Unrecognised filter value for health: ${v}`, 1, 'EFILTER');
      return healthStatus(c.record, c.state, ctx.engine.runtime?.health(c.record.id)) === v;
    })
  );
}

/**
 * `before=` and `since=` name a container (ID, name or prefix; a missing one is the daemon's "No such container"):
 * only containers created before it, or after it, pass. `listed` is newest first.
 */
function relativeTo(ctx: CommandContext, listed: readonly ContainerView[], filters: Filters): (index: number) => boolean {
  const at = (name: string): number | undefined => {
    const values = filters.get(name) ?? [];
    if (values.length === 0) return undefined;
    // The daemon walks every value and keeps the last one found.
    let index = -1;
    for (const v of values) {
      const id = ctx.engine.runtime!.get(v).record.id;
      index = listed.findIndex((c) => c.record.id === id);
    }
    return index;
  };
  const before = at('before');
  const since = at('since');
  return (i) => (before === undefined || i > before) && (since === undefined || i < since);
}

function networkIdOf(ctx: CommandContext, name: string): string {
  try {
    return ctx.engine.network?.network(name).id ?? '';
  } catch {
    return '';
  }
}

/** Go's regexp.MatchString, as the daemon matches names; an invalid pattern matches nothing. */
function regexMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return false;
  }
}
