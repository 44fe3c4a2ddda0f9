import { DockerError } from '../../core/errors.ts';
import { noSuchContainer } from '../lifecycle/errors.ts';
import type { ContainerRecord } from './types.ts';

/**
 * moby's `GetContainer`: the exact full ID, then the exact name (a leading `/` allowed), then a unique ID prefix.
 * A name beats a prefix; two IDs sharing the prefix is an error of its own.
 */
export function findContainer(records: Iterable<ContainerRecord>, ref: string): ContainerRecord {
  const all = [...records];
  if (ref === '') throw noSuchContainer(ref);
  const byId = all.find((r) => r.id === ref);
  if (byId) return byId;
  const name = ref.startsWith('/') ? ref.slice(1) : ref;
  const byName = all.find((r) => r.name === name);
  if (byName) return byName;
  const matches = /^[0-9a-f]+$/.test(ref) ? all.filter((r) => r.id.startsWith(ref)) : [];
  if (matches.length > 1) throw new DockerError(`Error response from daemon: multiple IDs found with provided prefix: ${ref}`, 1, 'EAMBIGUOUS');
  if (matches.length === 1) return matches[0]!;
  throw noSuchContainer(ref);
}
