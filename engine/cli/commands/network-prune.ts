import { parseFilters, validateFilters, matchLabels } from '../../image/filters.ts';
import type { Command } from '../command.ts';
import { confirm } from '../confirm.ts';
import { networkService } from './network-service.ts';

const WARNING = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?';

/**
 * `docker network prune [-f] [--filter]` (docker/cli network/prune.go): asks first unless `-f`, then lists the names
 * the daemon removed under `Deleted Networks:` followed by an empty line (the CLI prints its output with Println);
 * nothing at all when none went. Filters: `label` (and `label!`), `until` is not simulated.
 */
export const networkPruneCommand: Command = {
  paths: ['docker network prune'],
  args: { kind: 'none' },
  async run(ctx) {
    const filters = parseFilters(ctx.flags.list('filter'));
    validateFilters(filters, ['label', 'label!', 'until']);
    if (!ctx.flags.bool('force') && !(await confirm(ctx, WARNING))) return 0;
    const negated = filters.get('label!') ?? [];
    const keep = (labels: Readonly<Record<string, string>>) =>
      !matchLabels(filters, 'label', labels) || (negated.length > 0 && matchLabels(new Map([['label', negated]]), 'label', labels));
    const deleted = networkService(ctx).prune((n) => keep(n.labels));
    if (deleted.length > 0) await ctx.stdout.write(`Deleted Networks:\n${deleted.map((n) => `${n.name}\n`).join('')}\n`);
    return 0;
  },
};
