import { DockerError } from '../core/errors.ts';
import { boolFilter, matchLabels, validateFilters, type Filters } from './filters.ts';
import { createdSeconds, familiarRef, getImage, isDigestReference, referencesOf } from './get.ts';
import { pathMatch } from './path-match.ts';
import { familiarName, familiarString, parseReference } from './reference.ts';
import { imageSize, type ImageStore } from './store.ts';
import type { Digest } from './types.ts';

/** One entry of `GET /images/json` (the API's image.Summary), as the classic store fills it for `docker images`. */
export interface ImageSummary {
  readonly id: Digest;
  /** Unix seconds. */
  readonly created: number;
  readonly size: number;
  /** -1: not computed (the CLI shows N/A). */
  readonly sharedSize: number;
  readonly containers: number;
  /** Familiar `repo:tag`; `<none>:<none>` for a dangling image. */
  readonly repoTags: readonly string[];
  /** Familiar `repo@sha256:…`; `<none>@<none>` for a dangling image. */
  readonly repoDigests: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface ListOptions {
  readonly all?: boolean;
  readonly filters: Filters;
  /** Virtual now in ms, for the `until` filter. */
  readonly now: number;
}

const ACCEPTED = ['dangling', 'label', 'before', 'since', 'reference', 'until'];

/**
 * The classic daemon's image list: every image (dangling ones too; `-a` only adds intermediate images, the
 * untagged ones with children, which only the legacy builder makes), filtered, newest first. Go sorts by `Created`
 * with an unstable sort over a map, so equal times have no defined order; here they fall back to the ID.
 */
export function listImages(store: ImageStore, options: ListOptions): ImageSummary[] {
  const { filters } = options;
  const parents = new Set<Digest>();
  for (const image of store.images.values()) if (image.parent !== undefined) parents.add(image.parent);
  validateFilters(filters, ACCEPTED);
  const danglingOnly = boolFilter(filters, 'dangling', false);
  let before = Infinity;
  let since = -Infinity;
  for (const v of filters.get('before') ?? []) before = Math.min(before, createdSeconds(getImage(store, v)));
  for (const v of filters.get('until') ?? []) before = Math.min(before, parseTimestamp(v, options.now));
  for (const v of filters.get('since') ?? []) since = Math.max(since, createdSeconds(getImage(store, v)));
  const patterns = filters.get('reference');

  const out: ImageSummary[] = [];
  for (const image of store.images.values()) {
    const created = createdSeconds(image);
    if (!(created < before) || !(created > since)) continue;
    if (filters.has('label') && !matchLabels(filters, 'label', image.config.config.Labels)) continue;
    let repoTags: string[] = [];
    let repoDigests: string[] = [];
    for (const ref of referencesOf(store, image.id)) {
      if (patterns && !patterns.some((p) => familiarMatch(p, ref))) continue;
      (isDigestReference(ref) ? repoDigests : repoTags).push(familiarRef(ref));
    }
    if (repoTags.length === 0 && repoDigests.length === 0) {
      if (!options.all && parents.has(image.id)) continue;
      if (filters.has('dangling') && !danglingOnly) continue;
      if (patterns) continue;
      repoTags = ['<none>:<none>'];
      repoDigests = ['<none>@<none>'];
    } else if (danglingOnly && repoTags.length > 0) continue;
    out.push({
      id: image.id,
      created,
      size: imageSize(store, image),
      sharedSize: -1,
      containers: -1,
      repoTags,
      repoDigests,
      labels: image.config.config.Labels ?? {},
    });
  }
  return out.sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** reference.FamiliarMatch: the pattern against `node:20` (or `node@sha256:…`), then against `node`. */
function familiarMatch(pattern: string, canonicalRef: string): boolean {
  const ref = parseReference(canonicalRef);
  return pathMatch(pattern, familiarString(ref)) || pathMatch(pattern, familiarName(ref));
}

/**
 * Docker's filter timestamps (api/types/time GetTimestamp) as Unix seconds: a Go duration before now (`24h`,
 * `90m`), Unix seconds, or an RFC 3339 date or date-time (UTC unless it says otherwise).
 */
export function parseTimestamp(value: string, nowMs: number): number {
  const duration = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/.exec(value);
  if (duration) {
    const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
    let ms = 0;
    for (const [, n, u] of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) ms += Number(n) * units[u!]!;
    return (nowMs - ms) / 1000;
  }
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value);
  const date = Date.parse(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+)?$/.test(value) ? `${value}${value.includes('T') ? 'Z' : 'T00:00:00Z'}` : value);
  if (Number.isNaN(date)) {
    throw new DockerError(`Error response from daemon: failed to parse value as time or duration: "${value}"`, 1, 'EFILTER');
  }
  return date / 1000;
}
