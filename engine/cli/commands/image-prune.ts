import { parseFilters, withFilter } from '../../image/filters.ts';
import { pruneImages } from '../../image/prune.ts';
import type { Command } from '../command.ts';
import { confirm } from '../confirm.ts';
import { imageUsers } from '../engine-view.ts';
import { humanSizeWithPrecision } from '../../core/units.ts';

const DANGLING_WARNING = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?';
const ALL_WARNING = 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?';

/**
 * `docker image prune` (docker/cli image/prune.go): asks first unless `-f` (anything but `y` on stdin, end of
 * input included, cancels quietly with exit 0), then lists what the daemon removed in lower case under
 * `Deleted Images:` and the space reclaimed, with go-units' four significant digits.
 */
export const imagePruneCommand: Command = {
  paths: ['docker image prune'],
  args: { kind: 'none' },
  async run(ctx) {
    const all = ctx.flags.bool('all');
    const filters = withFilter(parseFilters(ctx.flags.list('filter')), 'dangling', String(!all));
    if (!ctx.flags.bool('force') && !(await confirm(ctx, all ? ALL_WARNING : DANGLING_WARNING))) return 0;
    const now = ctx.engine.images.clock.now();
    const { records, spaceReclaimed } = ctx.engine.images.update((store) => pruneImages(store, { filters, now, ...imageUsers(ctx.engine) }));
    let out = '';
    if (records.length > 0) {
      out += 'Deleted Images:\n';
      for (const r of records) out += 'deleted' in r ? `deleted: ${r.deleted}\n` : `untagged: ${r.untagged}\n`;
      out += '\n';
    }
    out += `Total reclaimed space: ${humanSizeWithPrecision(records.length > 0 ? spaceReclaimed : 0, 4)}\n`;
    await ctx.stdout.write(out);
    return 0;
  },
};
