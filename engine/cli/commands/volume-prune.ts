import { DockerError } from '../../core/errors.ts';
import { humanSizeWithPrecision } from '../../core/units.ts';
import { parseFilters, withFilter } from '../../image/filters.ts';
import type { Command } from '../command.ts';
import { confirm } from '../confirm.ts';
import { volumeService } from './volume-service.ts';

const ANONYMOUS_WARNING = 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?';
const ALL_WARNING = 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?';

/**
 * `docker volume prune [-a] [-f] [--filter]` (docker/cli volume/prune.go): asks first unless `-f` (anything but `y`
 * cancels quietly, exit 0), then lists the names the daemon removed under `Deleted Volumes:` and the space
 * reclaimed (go-units HumanSize, four significant digits). Since Engine 23 only anonymous volumes go unless `-a`.
 */
export const volumePruneCommand: Command = {
  paths: ['docker volume prune'],
  args: { kind: 'none' },
  async run(ctx) {
    const all = ctx.flags.bool('all');
    let filters = parseFilters(ctx.flags.list('filter'));
    if (all) {
      if (filters.has('all')) throw new DockerError('conflicting options: cannot specify both --all and --filter all=1', 1);
      filters = withFilter(filters, 'all', 'true');
    }
    if (!ctx.flags.bool('force') && !(await confirm(ctx, all ? ALL_WARNING : ANONYMOUS_WARNING))) return 0;
    const { deleted, spaceReclaimed } = volumeService(ctx).prune(filters);
    let out = '';
    if (deleted.length > 0) out += `Deleted Volumes:\n${deleted.map((n) => `${n}\n`).join('')}\n`;
    out += `Total reclaimed space: ${humanSizeWithPrecision(deleted.length > 0 ? spaceReclaimed : 0, 4)}\n`;
    await ctx.stdout.write(out);
    return 0;
  },
};
