import { DockerError } from '../core/errors.ts';
import { boolFilter, validateFilters, type Filters } from './filters.ts';

/** A repository as Docker Hub's search lists it (registry.SearchResult). */
export interface SearchResult {
  readonly name: string;
  readonly description: string;
  readonly stars: number;
  readonly official: boolean;
}

/** The daemon's default page size when the client sends no limit. */
export const DEFAULT_SEARCH_LIMIT = 25;

const ACCEPTED = ['is-automated', 'is-official', 'stars'];

/**
 * `docker search` as the daemon runs it (moby registry/search.go) over the offline catalog: filters validated
 * first, the registry asked for at most `limit` results, then `is-official` and `stars` applied to those. The
 * catalog stands in for Docker Hub's ranking: names containing the term first (an exact name first of all),
 * then descriptions that mention it, most stars first.
 */
export function searchRepositories(repositories: readonly SearchResult[], term: string, limit: number, filters: Filters): SearchResult[] {
  validateFilters(filters, ACCEPTED);
  const automated = boolFilter(filters, 'is-automated', false);
  const official = boolFilter(filters, 'is-official', false);
  let minStars = 0;
  for (const v of filters.get('stars') ?? []) {
    if (!/^[+-]?\d+$/.test(v)) {
      throw new DockerError(`Error response from daemon: invalid filter 'stars=${v}': strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`, 1, 'EFILTER');
    }
    minStars = Math.max(minStars, Number(v));
  }
  const wanted = limit > 0 ? limit : DEFAULT_SEARCH_LIMIT;
  if (wanted > 100) throw new DockerError(`Error response from daemon: limit ${wanted} is outside the range of [1, 100]`, 1, 'ELIMIT');

  const t = term.toLowerCase();
  const rank = (r: SearchResult) => (r.name === t ? 0 : r.name.includes(t) ? 1 : 2);
  const found = repositories
    .filter((r) => r.name.includes(t) || r.description.toLowerCase().includes(t))
    .sort((a, b) => rank(a) - rank(b) || b.stars - a.stars || (a.name < b.name ? -1 : 1))
    .slice(0, wanted);
  return found.filter(
    (r) =>
      // No catalog image is an automated build.
      !(filters.has('is-automated') && automated) &&
      !(filters.has('is-official') && r.official !== official) &&
      !(filters.has('stars') && r.stars < minStars),
  );
}
