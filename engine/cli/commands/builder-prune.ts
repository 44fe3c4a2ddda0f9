import { cacheUsage, pruneCache, type CacheUsage } from '../../build/disk-usage.ts';
import { DockerError } from '../../core/errors.ts';
import { parseGoDuration } from '../../dockerfile/instructions/duration.ts';
import { parseFilters } from '../../image/filters.ts';
import type { Command, CommandContext } from '../command.ts';
import { confirm } from '../confirm.ts';
import { tabwrite, type TabwriterOptions } from '../tabwriter.ts';
import { humanDuration, humanSize } from '../../core/units.ts';

const DANGLING_WARNING = 'WARNING! This will remove all dangling build cache. Are you sure you want to continue?';
const ALL_WARNING = 'WARNING! This will remove all build cache. Are you sure you want to continue?';

/** buildx's tables: text/tabwriter.NewWriter(os.Stdout, 1, 8, 1, '\t', 0). */
export const BUILDX_TABLE: TabwriterOptions = { minWidth: 1, padding: 1, padChar: '\t', tabWidth: 8 };

/**
 * `docker buildx prune`, which `docker builder prune` is once buildx is installed (buildx commands/prune.go): asks
 * first unless `-f`, then lists each record BuildKit removed and the total, in buildx's tab-padded table.
 */
export const builderPruneCommand: Command = {
  paths: ['docker buildx prune', 'docker builder prune'],
  args: { kind: 'none' },
  async run(ctx) {
    const builder = ctx.engine.builder;
    if (!builder) throw new DockerError('ERROR: no builder available', 1);
    const all = ctx.flags.bool('all');
    const olderThan = untilFilter(ctx);
    if (!ctx.flags.bool('force') && !(await confirm(ctx, all ? ALL_WARNING : DANGLING_WARNING))) return 0;
    const { cache, removed } = pruneCache(builder.cache, { all, ...(olderThan === undefined ? {} : { olderThan }) });
    builder.cache = cache;
    const now = ctx.engine.images.clock.now();
    let out = '';
    if (ctx.flags.bool('verbose')) out += verbose(removed, now);
    else if (removed.length > 0) out += usageTable(removed, now);
    const total = removed.reduce((n, u) => n + u.size, 0);
    out += tabwrite(`Total:\t${humanSize(total)}\n`, BUILDX_TABLE);
    await ctx.stdout.write(out);
    return 0;
  },
};

/** `docker buildx du`: every record, then what could be reclaimed. */
export const buildxDuCommand: Command = {
  paths: ['docker buildx du'],
  args: { kind: 'none' },
  async run(ctx) {
    const builder = ctx.engine.builder;
    if (!builder) throw new DockerError('ERROR: no builder available', 1);
    const usage = cacheUsage(builder.cache);
    const now = ctx.engine.images.clock.now();
    let out = ctx.flags.bool('verbose') ? verbose(usage, now) : usageTable(usage, now);
    const total = usage.reduce((n, u) => n + u.size, 0);
    const reclaimable = usage.filter((u) => !u.inUse).reduce((n, u) => n + u.size, 0);
    out += tabwrite(`Reclaimable:\t${humanSize(reclaimable)}\nTotal:\t${humanSize(total)}\n`, BUILDX_TABLE);
    await ctx.stdout.write(out);
    return 0;
  },
};

function usageTable(rows: readonly CacheUsage[], now: number): string {
  let text = 'ID\tRECLAIMABLE\tSIZE\tLAST ACCESSED\n';
  for (const u of rows) {
    text += `${u.id.padEnd(40)}\t${String(!u.inUse).padEnd(5)}\t${(humanSize(u.size) + (u.shared ? '*' : '')).padEnd(10)}\t${humanDuration(now - u.lastUsedAt)} ago\n`;
  }
  return tabwrite(text, BUILDX_TABLE);
}

function verbose(rows: readonly CacheUsage[], now: number): string {
  let text = '';
  for (const u of rows) {
    text += `ID:\t${u.id}\nCreated at:\t${goTime(u.createdAt)}\nMutable:\tfalse\nReclaimable:\t${!u.inUse}\nShared:\t${u.shared}\nSize:\t${humanSize(u.size)}\n`;
    if (u.description) text += `Description:\t${u.description}\n`;
    text += `Usage count:\t${u.usageCount}\nLast used:\t${humanDuration(now - u.lastUsedAt)} ago\nType:\t${u.cacheType}\n\n`;
  }
  return tabwrite(text, BUILDX_TABLE);
}

/** Go's time.Time String() for a UTC instant: `2025-07-14 09:00:01.5 +0000 UTC`. */
function goTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.?0*Z$/, '').replace(/(\.\d*?)0+$/, '$1') + ' +0000 UTC';
}

/** The `until` filter: a Go duration; records used within it are kept. */
function untilFilter(ctx: CommandContext): number | undefined {
  const filters = parseFilters(ctx.flags.list('filter'));
  const until = filters.get('until') ?? filters.get('unused-for');
  if (!until || until.length === 0) return undefined;
  if (until.length > 1) throw new DockerError('ERROR: "until" filter expects only one value', 1);
  let ns: number;
  try {
    ns = parseGoDuration(until[0]!);
  } catch (e) {
    throw new DockerError(`ERROR: "until" filter expects a duration (e.g., '24h'): ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  return ctx.engine.images.clock.now() - ns / 1e6;
}
