import { boolFilter, validateFilters, type Filters } from '../../image/filters.ts';
import { matchName, matchVolumeLabels } from './filters.ts';
import { NO_USERS, type Volume, type VolumeStore, type VolumeUsers } from './types.ts';

const LIST_FILTERS = ['dangling', 'name', 'driver', 'label'];

/**
 * `GET /volumes` (moby volume/service List): the volumes every filter accepts. `dangling=true` means no container
 * references the volume. Order is the store's; the client sorts.
 */
export function listVolumes(store: VolumeStore, filters: Filters, usersOf: VolumeUsers = NO_USERS): Volume[] {
  validateFilters(filters, LIST_FILTERS);
  const drivers = filters.get('driver') ?? [];
  const dangling = filters.has('dangling') ? boolFilter(filters, 'dangling', false) : undefined;
  return [...store.volumes.values()].filter(
    (v) =>
      (drivers.length === 0 || drivers.includes(v.driver)) &&
      matchName(filters, v.name) &&
      matchVolumeLabels(filters, v) &&
      (dangling === undefined || (usersOf(v.name).length === 0) === dangling),
  );
}
