import { DockerError } from '../../core/errors.ts';
import { matchLabels, validateFilters, type Filters } from '../../image/filters.ts';
import { parseTimestamp } from '../../image/list.ts';
import type { ContainerView } from './service.ts';

/** The filters `docker container prune` accepts (moby daemon/prune.go containersAcceptedFilters). */
const ACCEPTED = ['label', 'label!', 'until'];

/**
 * Which containers moby's ContainersPrune removes: every one that is not running (created, exited and dead ones;
 * paused and restarting ones count as running), created no later than `until`, whose labels match `label` and do
 * not match `label!`. `views` in the daemon's listing order; `now` in virtual milliseconds.
 */
export function pruneCandidates(views: readonly ContainerView[], filters: Filters, now: number): ContainerView[] {
  validateFilters(filters, ACCEPTED);
  const untilValues = filters.get('until') ?? [];
  if (untilValues.length > 1) throw new DockerError('Error response from daemon: more than one until filter specified', 1, 'EFILTER');
  const until = untilValues.length === 1 ? parseTimestamp(untilValues[0]!, now) : undefined;
  return views.filter(({ record, state }) => {
    if (state.Running) return false;
    if (until !== undefined && record.created / 1000 > until) return false;
    const labels = record.config.Labels ?? {};
    return matchLabels(filters, 'label', labels) && !(filters.has('label!') && matchLabels(filters, 'label!', labels));
  });
}
