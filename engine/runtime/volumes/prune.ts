import { parseGoBool } from '../../core/go-bool.ts';
import { DockerError } from '../../core/errors.ts';
import { goQuote } from '../../core/go-quote.ts';
import { validateFilters, withFilter, type Filters } from '../../image/filters.ts';
import { matchVolumeLabels } from './filters.ts';
import { volumeSize } from './size.ts';
import { deleteVolume } from './store.ts';
import { ANONYMOUS_LABEL, LOCAL_DRIVER, NO_USERS, type VolumeStore, type VolumeUsers } from './types.ts';

const PRUNE_FILTERS = ['label', 'label!', 'all'];

export interface PruneVolumesResult {
  readonly store: VolumeStore;
  /** Names, in name order. */
  readonly deleted: readonly string[];
  readonly spaceReclaimed: number;
}

/**
 * `POST /volumes/prune` (moby VolumesService.Prune, API 1.42+): unused local volumes without mount options, only
 * anonymous ones unless the filter says `all=true` (what `docker volume prune -a` sends).
 */
export function pruneVolumes(store: VolumeStore, filters: Filters, usersOf: VolumeUsers = NO_USERS): PruneVolumesResult {
  const effective = withPrune(filters);
  validateFilters(effective, PRUNE_FILTERS);
  let next = store;
  const deleted: string[] = [];
  let spaceReclaimed = 0;
  const names = [...store.volumes.keys()].sort();
  for (const name of names) {
    const v = store.volumes.get(name)!;
    if (v.driver !== LOCAL_DRIVER || Object.keys(v.options ?? {}).length > 0) continue;
    if (usersOf(name).length > 0 || !matchVolumeLabels(effective, v)) continue;
    spaceReclaimed += volumeSize(v);
    next = deleteVolume(next, name);
    deleted.push(name);
  }
  return { store: next, deleted, spaceReclaimed };
}

/** moby's withPrune: `all` takes one boolean; unless it is true, only volumes with the anonymous label qualify. */
function withPrune(filters: Filters): Filters {
  const all = filters.get('all') ?? [];
  if (all.length > 1) throw invalidParameter(`invalid filter 'all=[${all.join(' ')}]': only one value is expected`);
  if (all.length === 1) {
    const v = parseGoBool(all[0]!);
    if (v === undefined) throw invalidParameter(`invalid filter 'all': strconv.ParseBool: parsing ${goQuote(all[0]!)}: invalid syntax`);
    if (v) return filters;
  }
  return withFilter(filters, 'label', ANONYMOUS_LABEL);
}

function invalidParameter(message: string): DockerError {
  return new DockerError(`Error response from daemon: ${message}`, 1, 'EFILTER');
}
