import { imagesDiskUsage, type ImageUsage } from '../../image/disk-usage.ts';
import type { Command, CommandContext } from '../command.ts';
import type { EngineView } from '../engine-view.ts';
import { renderList, rowContext, templateText, TABLE_FORMAT_KEY, RAW_FORMAT_KEY, type ListRow } from '../format/index.ts';
import { goStruct, Template, TemplateExecError, TemplateParseError } from '../template/index.ts';
import { DockerError } from '../../core/errors.ts';
import { humanDuration, humanSize, humanSizeWithPrecision } from '../../core/units.ts';
import { containerRow, imageShownFor } from './ps-row.ts';

const SUMMARY_FORMAT = 'table {{.Type}}\\t{{.TotalCount}}\\t{{.Active}}\\t{{.Size}}\\t{{.Reclaimable}}';
const RAW_SUMMARY_FORMAT = 'type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n';
const SUMMARY_HEADERS = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

const IMAGES_FORMAT = 'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}}\\t{{.Size}}\\t{{.SharedSize}}\\t{{.UniqueSize}}\\t{{.Containers}}';
const IMAGE_HEADERS = {
  Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', Size: 'SIZE', SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE', Containers: 'CONTAINERS',
};
const CONTAINERS_FORMAT = 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.LocalVolumes}}\\t{{.Size}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Names}}';
const CONTAINER_HEADERS = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', LocalVolumes: 'LOCAL VOLUMES', Size: 'SIZE', RunningFor: 'CREATED',
  Status: 'STATUS', Names: 'NAMES',
};
const VOLUMES_FORMAT = 'table {{.Name}}\\t{{.Links}}\\t{{.Size}}';
const VOLUME_HEADERS = { Name: 'VOLUME NAME', Links: 'LINKS', Size: 'SIZE' };
const BUILD_CACHE_FORMAT = 'table {{.ID}}\\t{{.CacheType}}\\t{{.Size}}\\t{{.CreatedSince}}\\t{{.LastUsedSince}}\\t{{.UsageCount}}\\t{{.Shared}}';
const BUILD_CACHE_HEADERS = {
  ID: 'CACHE ID', CacheType: 'CACHE TYPE', Size: 'SIZE', CreatedSince: 'CREATED', LastUsedSince: 'LAST USED', UsageCount: 'USAGE',
  Shared: 'SHARED',
};

/** One build cache record (BuildKit's UsageInfo as the daemon reports it). */
export interface BuildCacheUsage {
  readonly id?: string;
  readonly cacheType?: string;
  readonly size: number;
  readonly inUse: boolean;
  readonly shared: boolean;
  readonly createdAt?: number;
  readonly lastUsedAt?: number;
  readonly usageCount?: number;
}

/**
 * Volumes and build cache as `system df` counts them; engines without them (yet) report none. Volumes come from
 * the engine's volume service unless `volumeUsage` says otherwise.
 */
export interface DiskUsageSources {
  volumeUsage?(): readonly { readonly name: string; readonly refCount: number; readonly size: number }[];
  buildCache?(): readonly BuildCacheUsage[];
  /** Bytes in each container's writable layer, by state; containers report 0 until the runtime writes layers. */
  containerSizes?(): readonly { readonly state: string; readonly sizeRw: number }[];
}

/**
 * `docker system df [-v]` (docker/cli system/df.go and formatter/disk_usage.go of 28.x): one summary row per kind
 * of object, sizes with go-units' four significant digits. Images count each layer once however many images share
 * it; what images used by containers hold alone is not reclaimable.
 */
export const systemDfCommand: Command = {
  paths: ['docker system df'],
  args: { kind: 'none' },
  async run(ctx) {
    const usage = diskUsage(ctx);
    const source = ctx.flags.string('format') || TABLE_FORMAT_KEY;
    const verbose = ctx.flags.bool('verbose');
    if (!verbose) {
      const format = source === TABLE_FORMAT_KEY ? SUMMARY_FORMAT : source === RAW_FORMAT_KEY ? RAW_SUMMARY_FORMAT : source;
      await ctx.stdout.write(renderList(format, summaryRows(usage), { typeName: '*formatter.diskUsageImagesContext', headers: SUMMARY_HEADERS }));
      return 0;
    }
    const now = ctx.engine.images.clock.now();
    const images = usage.images.images.map((i) => imageRow(i, now, source === TABLE_FORMAT_KEY));
    const containers = containerRows(ctx, now, source === TABLE_FORMAT_KEY);
    const volumes = usage.volumes.map(volumeRow);
    if (source !== TABLE_FORMAT_KEY) {
      await ctx.stdout.write(verboseTemplate(source, images, containers, volumes));
      return 0;
    }
    const section = (format: string, rows: readonly ListRow[], typeName: string, headers: Record<string, string>) => renderList(format, rows, { typeName, headers });
    let out = 'Images space usage:\n\n' + section(IMAGES_FORMAT, images, '*formatter.imageContext', IMAGE_HEADERS);
    out += '\nContainers space usage:\n\n' + section(CONTAINERS_FORMAT, containers, '*formatter.ContainerContext', CONTAINER_HEADERS);
    out += '\nLocal Volumes space usage:\n\n' + section(VOLUMES_FORMAT, volumes, '*formatter.volumeContext', VOLUME_HEADERS);
    out += `\nBuild cache usage: ${humanSize4(usage.builderSize)}\n\n` + section(BUILD_CACHE_FORMAT, usage.buildCache.map((b) => buildCacheRow(b, now)), '*formatter.buildCacheContext', BUILD_CACHE_HEADERS);
    await ctx.stdout.write(out);
    return 0;
  },
};

interface Usage {
  readonly images: ReturnType<typeof imagesDiskUsage>;
  readonly containers: readonly { readonly state: string; readonly sizeRw: number }[];
  readonly volumes: readonly { readonly name: string; readonly refCount: number; readonly size: number }[];
  readonly buildCache: readonly BuildCacheUsage[];
  readonly builderSize: number;
}

function diskUsage(ctx: CommandContext): Usage {
  const engine = ctx.engine as EngineView & DiskUsageSources;
  const containersOf = (id: string) => engine.containersUsing?.(id).length ?? 0;
  const buildCache = engine.buildCache?.() ?? [];
  return {
    images: imagesDiskUsage(engine.images.store, containersOf),
    containers: engine.containerSizes?.() ?? engine.containers().map((c) => ({ state: c.state, sizeRw: 0 })),
    volumes: engine.volumeUsage?.() ?? engine.volumes?.diskUsage() ?? [],
    buildCache,
    builderSize: buildCache.filter((b) => !b.shared).reduce((n, b) => n + b.size, 0),
  };
}

const humanSize4 = (n: number) => humanSizeWithPrecision(n, 4);

/** `1.1GB (49%)`: the percentage is of the row's size, rounded down, and left out when the size is 0. */
function reclaimable(amount: number, total: number): string {
  return total > 0 ? `${humanSize4(amount)} (${Math.trunc((amount * 100) / total)}%)` : humanSize4(amount);
}

function summaryRows(u: Usage): ListRow[] {
  const used = u.images.images.filter((i) => i.containers > 0).reduce((n, i) => n + i.size - i.sharedSize, 0);
  const isActive = (state: string) => state.includes('running') || state.includes('paused') || state.includes('restarting');
  const containerSize = u.containers.reduce((n, c) => n + c.sizeRw, 0);
  const volumeSize = u.volumes.reduce((n, v) => n + Math.max(v.size, 0), 0);
  const inUseCache = u.buildCache.filter((b) => b.inUse && !b.shared).reduce((n, b) => n + b.size, 0);
  const row = (type: string, total: number, active: number, size: number, reclaim: string): ListRow => ({
    Type: () => type,
    TotalCount: () => String(total),
    Active: () => String(active),
    Size: () => humanSize4(size),
    Reclaimable: () => reclaim,
  });
  const layers = u.images.layersSize;
  return [
    row('Images', u.images.images.length, u.images.images.filter((i) => i.containers > 0).length, layers, reclaimable(layers - used, layers)),
    row(
      'Containers',
      u.containers.length,
      u.containers.filter((c) => isActive(c.state)).length,
      containerSize,
      reclaimable(u.containers.filter((c) => !isActive(c.state)).reduce((n, c) => n + c.sizeRw, 0), containerSize),
    ),
    row(
      'Local Volumes',
      u.volumes.length,
      u.volumes.filter((v) => v.refCount > 0).length,
      volumeSize,
      reclaimable(u.volumes.filter((v) => v.refCount === 0).reduce((n, v) => n + Math.max(v.size, 0), 0), volumeSize),
    ),
    row('Build Cache', u.buildCache.length, u.buildCache.filter((b) => b.inUse).length, u.builderSize, humanSize4(u.builderSize - inUseCache)),
  ];
}

function imageRow(i: ImageUsage, now: number, trunc: boolean): ListRow {
  // Only the first tag is shown; an image without one is <none> <none>.
  const first = i.repoTags[0];
  const colon = first?.lastIndexOf(':') ?? -1;
  return {
    Repository: () => (first !== undefined ? first.slice(0, colon) : '<none>'),
    Tag: () => (first !== undefined ? first.slice(colon + 1) : '<none>'),
    ID: () => (trunc ? i.id.slice(7, 19) : i.id),
    CreatedSince: () => `${humanDuration(now - i.created * 1000)} ago`,
    CreatedAt: () => new Date(i.created * 1000).toISOString().replace(/T/, ' ').replace(/\.\d{3}Z$/, ' +0000 UTC'),
    Size: () => humanSize(i.size),
    SharedSize: () => humanSize4(i.sharedSize),
    UniqueSize: () => humanSize4(i.size - i.sharedSize),
    Containers: () => String(i.containers),
  };
}

/** docker/cli's buildCacheContext: a 12-character ID, sizes to three significant digits, times as ages. */
function buildCacheRow(b: BuildCacheUsage, now: number): ListRow {
  const age = (at: number | undefined) => (at === undefined ? '' : `${humanDuration(now - at)} ago`);
  return {
    ID: () => (b.id ?? '').slice(0, 12),
    CacheType: () => b.cacheType ?? 'regular',
    Size: () => humanSizeWithPrecision(b.size, 3),
    CreatedSince: () => age(b.createdAt),
    LastUsedSince: () => age(b.lastUsedAt),
    UsageCount: () => String(b.usageCount ?? 0),
    Shared: () => String(b.shared),
  };
}

/**
 * The daemon's container list with sizes, newest first, in `docker ps`'s cells; SIZE is the writable layer alone
 * (what removing the container frees), not the image beneath it.
 */
function containerRows(ctx: CommandContext, now: number, trunc: boolean): ListRow[] {
  const runtime = ctx.engine.runtime;
  if (!runtime) return [];
  return [...runtime.list()]
    .sort((a, b) => b.record.created - a.record.created)
    .map((c) => ({
      ...containerRow(c, { now, trunc, imageShown: imageShownFor(ctx.engine.images.store, c.record) }),
      Size: humanSizeWithPrecision(runtime.sizeRw(c.record.id), 3),
    }));
}

function volumeRow(v: { readonly name: string; readonly refCount: number; readonly size: number }): ListRow {
  return { Name: () => v.name, Links: () => String(v.refCount), Size: () => (v.size < 0 ? 'N/A' : humanSize4(v.size)) };
}

/** `-v` with a custom format: one template over the lists of every section. */
function verboseTemplate(format: string, images: readonly ListRow[], containers: readonly ListRow[], volumes: readonly ListRow[]): string {
  let template: Template;
  try {
    template = Template.parse(templateText(format));
  } catch (e) {
    if (e instanceof TemplateParseError) throw new DockerError(`template parsing error: ${e.message}`, 1);
    throw e;
  }
  const data = goStruct(
    { name: '*formatter.diskUsageContext' },
    {
      Images: images.map((r) => rowContext('*formatter.imageContext', r)),
      Containers: containers.map((r) => rowContext('*formatter.ContainerContext', r)),
      Volumes: volumes.map((r) => rowContext('*formatter.volumeContext', r)),
      BuildCache: [],
    },
  );
  try {
    return template.execute(data);
  } catch (e) {
    if (e instanceof TemplateExecError) throw new DockerError(e.message, 1);
    throw e;
  }
}
