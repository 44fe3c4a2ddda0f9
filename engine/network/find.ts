import { DockerError } from '../core/errors.ts';
import type { Network, NetworkState } from './types.ts';

/**
 * moby's FindNetwork: a full ID, then an exact name, then a unique ID prefix. `network foo not found` is a 404
 * (`docker inspect` goes on to other kinds of objects).
 */
export function findNetwork(state: NetworkState, ref: string): Network {
  const all = [...state.networks.values()];
  const match = all.find((n) => n.id === ref) ?? all.find((n) => n.name === ref);
  if (match) return match;
  const byPrefix = ref === '' ? [] : all.filter((n) => n.id.startsWith(ref));
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1) {
    throw new DockerError(`Error response from daemon: network ${ref} is ambiguous (${byPrefix.length} matches found based on ID prefix)`, 1, 'EAMBIGUOUS');
  }
  throw new DockerError(`Error response from daemon: network ${ref} not found`, 1, 'ENOTFOUND');
}
