import { humanSizeWithPrecision } from '../../core/units.ts';
import { parseFilters } from '../../image/filters.ts';
import type { Command } from '../command.ts';
import { confirm } from '../confirm.ts';
import { containerService } from './container-service.ts';

const WARNING = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?';

/**
 * `docker container prune [-f] [--filter until=|label=|label!=]` (docker/cli container/prune.go): asks first unless
 * `-f` (anything but `y` cancels quietly, exit 0), then lists the full IDs removed under `Deleted Containers:` and
 * the space their writable layers held (go-units HumanSize, four significant digits).
 */
export const containerPruneCommand: Command = {
  paths: ['docker container prune'],
  args: { kind: 'none' },
  async run(ctx) {
    const filters = parseFilters(ctx.flags.list('filter'));
    if (!ctx.flags.bool('force') && !(await confirm(ctx, WARNING))) return 0;
    const { deleted, spaceReclaimed } = await containerService(ctx).prune(filters);
    let out = '';
    if (deleted.length > 0) out += `Deleted Containers:\n${deleted.map((id) => `${id}\n`).join('')}\n`;
    out += `Total reclaimed space: ${humanSizeWithPrecision(deleted.length > 0 ? spaceReclaimed : 0, 4)}\n`;
    await ctx.stdout.write(out);
    return 0;
  },
};
