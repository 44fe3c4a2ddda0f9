import { cacheUsage } from '../../build/disk-usage.ts';
import { humanSizeWithPrecision } from '../../core/units.ts';

// As docker system df prints sizes: four significant digits.
const humanSize = (n: number) => humanSizeWithPrecision(n, 4);
import { imagesDiskUsage } from '../../image/disk-usage.ts';
import { parseOptions, parseSize } from '../check-parse.ts';
import type { CheckContext, CheckKind } from '../types.ts';
import { z } from '../validate.ts';

const ROWS = ['images', 'containers', 'volumes', 'buildCache', 'total'] as const;
type Row = (typeof ROWS)[number];
const limit = z.strictObject({ max: z.union([z.string(), z.number()]) });
const schema = z.strictObject({ diskUsage: z.strictObject(Object.fromEntries(ROWS.map((r) => [r, limit.optional()])) as Record<Row, z.ZodOptional<typeof limit>>) });
type Options = Partial<Record<Row, number>>;

const NAMES: Record<Row, string> = { images: 'images', containers: 'containers', volumes: 'local volumes', buildCache: 'the build cache', total: 'everything' };

/** What `docker system df` counts, row by row: images (each layer once), writable layers, volumes, build cache. */
function usage(ctx: CheckContext): Record<Row, number> {
  const { images, runtime, volumes, builder } = ctx.internals;
  const row: Record<Row, number> = {
    images: imagesDiskUsage(images.store).layersSize,
    containers: runtime.list().reduce((n, c) => n + runtime.sizeRw(c.record.id), 0),
    volumes: volumes.diskUsage().reduce((n, v) => n + v.size, 0),
    buildCache: cacheUsage(builder.cache)
      .filter((b) => !b.shared)
      .reduce((n, b) => n + b.size, 0),
    total: 0,
  };
  row.total = row.images + row.containers + row.volumes + row.buildCache;
  return row;
}

export const diskUsageCheck: CheckKind<Options> = {
  kind: 'diskUsage',
  parse: (raw, path) => {
    const o = parseOptions(schema, raw, path).diskUsage;
    const limits: Options = {};
    for (const r of ROWS) if (o[r]) limits[r] = parseSize(o[r].max, `${path}.diskUsage.${r}.max`);
    return limits;
  },
  evaluate(o, ctx) {
    const rows = usage(ctx);
    for (const r of ROWS) {
      const max = o[r];
      if (max !== undefined && rows[r] > max) return { passed: false, message: `${NAMES[r]} take${r === 'total' ? 's' : ''} ${humanSize(rows[r])} on disk (docker system df); expected at most ${humanSize(max)}` };
    }
    return { passed: true, message: '' };
  },
};
