import { DockerError } from '../core/errors.ts';
import { boolFilter, matchLabels, validateFilters, type Filters } from '../image/filters.ts';
import type { Network, NetworkState } from './types.ts';
import { attachedTo } from './user-networks.ts';

const LIST_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

/** filters.Args.Match: a value matches when it is the field or, as a regular expression, found in it. */
function matchAny(values: readonly string[] | undefined, field: string): boolean {
  if (!values || values.length === 0) return true;
  return values.some((v) => {
    if (v === field) return true;
    try {
      return new RegExp(v).test(field);
    } catch {
      return false;
    }
  });
}

/**
 * `GET /networks` (moby daemon/network/filter.go): `name` and `id` match anywhere (Go's filters.Match), `driver`
 * and `scope` exactly, `type` is builtin (the predefined three) or custom, `dangling=true` the custom networks no
 * running container uses. Order is the daemon's; the client sorts.
 */
export function listNetworks(state: NetworkState, filters: Filters): Network[] {
  validateFilters(filters, LIST_FILTERS);
  for (const t of filters.get('type') ?? []) {
    if (t !== 'builtin' && t !== 'custom') throw new DockerError(`Error response from daemon: invalid filter: 'type'='${t}'`, 1, 'EFILTER');
  }
  const types = filters.get('type') ?? [];
  const drivers = filters.get('driver') ?? [];
  const scopes = filters.get('scope') ?? [];
  const dangling = filters.has('dangling') ? boolFilter(filters, 'dangling', false) : undefined;
  return [...state.networks.values()].filter((n) => {
    const used = attachedTo(state, n.id).length > 0;
    return (
      matchAny(filters.get('name'), n.name) &&
      matchAny(filters.get('id'), n.id) &&
      (drivers.length === 0 || drivers.includes(n.driver)) &&
      (scopes.length === 0 || scopes.includes('local')) &&
      (types.length === 0 || types.includes(n.predefined ? 'builtin' : 'custom')) &&
      matchLabels(filters, 'label', n.labels) &&
      (dangling === undefined || (dangling ? !n.predefined && !used : n.predefined || used))
    );
  });
}
