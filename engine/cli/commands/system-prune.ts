import { pruneCache } from '../../build/disk-usage.ts';
import { DockerError } from '../../core/errors.ts';
import { humanSizeWithPrecision } from '../../core/units.ts';
import { matchLabels, parseFilters, validateFilters, withFilter, type Filters } from '../../image/filters.ts';
import { pruneImages } from '../../image/prune.ts';
import type { Command, CommandContext } from '../command.ts';
import { confirm } from '../confirm.ts';
import { naturalCompare } from '../sort-order.ts';
import { imageUsers } from '../engine-view.ts';
import { containerService } from './container-service.ts';
import { networkService } from './network-service.ts';
import { volumeService } from './volume-service.ts';

/**
 * `docker system prune [-a] [--volumes] [-f] [--filter]` (docker/cli 28 system/prune.go): one confirmation listing
 * what goes, then the pruners in the CLI's order (containers, networks, volumes when asked, images, build cache),
 * each section followed by a blank line, and the summed space. Two Docker 28 facts students trip over: `--volumes`
 * removes only *anonymous* volumes (the CLI ignores `--all` for the volume pruner since API 1.42), and containers
 * go first, so a stopped container's anonymous volumes are unused by the time the volume pruner looks.
 */
export const systemPruneCommand: Command = {
  paths: ['docker system prune'],
  args: { kind: 'none' },
  async run(ctx) {
    const all = ctx.flags.bool('all');
    const volumes = ctx.flags.bool('volumes');
    const filters = parseFilters(ctx.flags.list('filter'));
    if (volumes && filters.has('until')) throw new DockerError('ERROR: The "until" filter is not supported with "--volumes"', 1);
    if (!ctx.flags.bool('force') && !(await confirm(ctx, warning(all, volumes, filters)))) return 0;

    validateFilters(filters, ['label', 'label!', 'until']);
    let out = '';
    let space = 0;
    const containers = await containerService(ctx).prune(filters);
    if (containers.deleted.length > 0) {
      out += section('Deleted Containers:', containers.deleted);
      space += containers.spaceReclaimed;
    }
    const networks = networkService(ctx).prune((n) => !labelsPass(filters, n.labels));
    if (networks.length > 0) out += section('Deleted Networks:', networks.map((n) => n.name));
    if (volumes) {
      const removed = volumeService(ctx).prune(withoutUntil(filters));
      if (removed.deleted.length > 0) {
        out += section('Deleted Volumes:', removed.deleted);
        space += removed.spaceReclaimed;
      }
    }
    out += pruneImageSection(ctx, filters, all, (n) => (space += n));
    out += pruneBuildCacheSection(ctx, all, (n) => (space += n));
    out += `Total reclaimed space: ${humanSizeWithPrecision(space, 4)}\n`;
    await ctx.stdout.write(out);
    return 0;
  },
};

function warning(all: boolean, volumes: boolean, filters: Filters): string {
  const lines = ['all stopped containers', 'all networks not used by at least one container'];
  if (volumes) lines.push('all anonymous volumes not used by at least one container');
  lines.push(all ? 'all images without at least one container associated to them' : 'all dangling images');
  lines.push(all ? 'all build cache' : 'unused build cache');
  // The CLI repeats only the filters it knows, naturally sorted.
  const shown = ['label', 'label!', 'until'].flatMap((name) => (filters.get(name) ?? []).map((v) => `${name}=${v}`)).sort(naturalCompare);
  const filtered = shown.length > 0 ? `\n  Items to be pruned will be filtered with:\n${shown.map((f) => `  - ${f}\n`).join('')}` : '';
  return `WARNING! This will remove:\n${lines.map((l) => `  - ${l}\n`).join('')}${filtered}\nAre you sure you want to continue?`;
}

/** The pruner's output printed with Println: its lines, then an empty one. */
function section(title: string, items: readonly string[]): string {
  return `${title}\n${items.map((i) => `${i}\n`).join('')}\n`;
}

function labelsPass(filters: Filters, labels: Readonly<Record<string, string>>): boolean {
  const negated = filters.get('label!') ?? [];
  if (!matchLabels(filters, 'label', labels)) return false;
  return negated.length === 0 || !matchLabels(new Map([['label', negated]]), 'label', labels);
}

function withoutUntil(filters: Filters): Filters {
  return new Map([...filters].filter(([k]) => k !== 'until'));
}

function pruneImageSection(ctx: CommandContext, filters: Filters, all: boolean, add: (n: number) => void): string {
  const now = ctx.engine.images.clock.now();
  const dangling = withFilter(filters, 'dangling', String(!all));
  const { records, spaceReclaimed } = ctx.engine.images.update((store) => pruneImages(store, { filters: dangling, now, ...imageUsers(ctx.engine) }));
  if (records.length === 0) return '';
  add(spaceReclaimed);
  return section('Deleted Images:', records.map((r) => ('deleted' in r ? `deleted: ${r.deleted}` : `untagged: ${r.untagged}`)));
}

/** The daemon's `/build/prune` (what system prune calls in Docker 28): the IDs of the records it removed. */
function pruneBuildCacheSection(ctx: CommandContext, all: boolean, add: (n: number) => void): string {
  const builder = ctx.engine.builder;
  if (!builder) return '';
  const { cache, removed } = pruneCache(builder.cache, { all });
  builder.cache = cache;
  if (removed.length === 0) return '';
  add(removed.reduce((n, u) => n + u.size, 0));
  return section('Deleted build cache objects:', removed.map((u) => u.id));
}
