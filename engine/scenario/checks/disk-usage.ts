import { cacheUsage } from '../../build/disk-usage.ts';
import { humanSizeWithPrecision } from '../../core/units.ts';
import { imagesDiskUsage } from '../../image/disk-usage.ts';
import type { MachineInternals } from '../../host/machine.ts';
import { ScenarioError } from '../errors.ts';
import { parseOptions, parseSize } from '../check-parse.ts';
import type { CheckKind } from '../types.ts';
import { z } from '../validate.ts';

/** The rows of `docker system df`, and their sum. */
const PARTS = ['images', 'containers', 'volumes', 'buildCache', 'total'] as const;
type Part = (typeof PARTS)[number];

const ROW: Record<Part, string> = { images: 'Images', containers: 'Containers', volumes: 'Local Volumes', buildCache: 'Build Cache', total: 'total' };

const limit = z.strictObject({ max: z.union([z.string(), z.number()]) });
const schema = z.strictObject({
  diskUsage: z.strictObject({
    images: limit.optional(),
    containers: limit.optional(),
    volumes: limit.optional(),
    buildCache: limit.optional(),
    total: limit.optional(),
  }),
});
type Options = { readonly limits: readonly { readonly part: Part; readonly max: number }[] };

/**
 * Space as `docker system df` reports it after the attempt: `{ diskUsage: { total: { max: 1.5GB } } }`. Whatever
 * the student removed and however, only what is left counts. Sizes are decimal, as docker prints them.
 */
export const diskUsageCheck: CheckKind<Options> = {
  kind: 'diskUsage',
  parse: (raw, path) => {
    const o = parseOptions(schema, raw, path).diskUsage;
    const limits = PARTS.flatMap((part) => (o[part] ? [{ part, max: parseSize(o[part].max, `${path}.diskUsage.${part}.max`) }] : []));
    if (limits.length === 0) throw new ScenarioError('schema', `${path}.diskUsage`, `needs at least one limit (${PARTS.join(', ')})`);
    return { limits };
  },
  evaluate(o, ctx) {
    const used = systemDf(ctx.internals);
    for (const { part, max } of o.limits) {
      if (used[part] <= max) continue;
      const rows = PARTS.filter((p) => p !== 'total').map((p) => `${ROW[p]} ${size(used[p])}`).join(', ');
      const what = part === 'total' ? 'docker system df adds up to' : `docker system df shows ${ROW[part]} at`;
      return { passed: false, message: `${what} ${size(used[part])}; expected at most ${size(max)} (${rows})` };
    }
    return { passed: true, message: '' };
  },
};

const size = (n: number) => humanSizeWithPrecision(n, 4);

/** The SIZE column of each `docker system df` row, counted as the command counts it. */
export function systemDf(internals: MachineInternals): Record<Part, number> {
  const { runtime, images, volumes, builder } = internals;
  const images_ = imagesDiskUsage(images.store, (id) => runtime.containersUsing(id).length).layersSize;
  const containers = runtime.list().reduce((n, c) => n + runtime.sizeRw(c.record.id), 0);
  const volumes_ = volumes.diskUsage().reduce((n, v) => n + Math.max(v.size, 0), 0);
  const buildCache = cacheUsage(builder.cache).filter((u) => !u.shared).reduce((n, u) => n + u.size, 0);
  return { images: images_, containers, volumes: volumes_, buildCache, total: images_ + containers + volumes_ + buildCache };
}
