import { digestBytes } from '../fs/digest.ts';
import type { BuildCache } from './cache.ts';
import { layerSize } from '../image/catalog/compute.ts';

/** One build cache record as `docker system df -v` and `docker buildx du` list it (BuildKit's UsageInfo). */
export interface CacheUsage {
  /** BuildKit's 25-character record ID. */
  readonly id: string;
  /** `regular` for step results and pulled layers, `exec.cachemount` for RUN cache mounts. */
  readonly cacheType: 'regular' | 'source.local' | 'exec.cachemount';
  readonly size: number;
  readonly createdAt: number;
  readonly lastUsedAt: number;
  readonly usageCount: number;
  readonly inUse: boolean;
  readonly shared: boolean;
  readonly description: string;
  /** BuildKit's internal and frontend records, which only `prune --all` removes (none are simulated yet). */
  readonly internal: boolean;
  /** What to remove from the cache value when this record goes. */
  readonly key: { readonly kind: 'record' | 'source' | 'mount'; readonly id: string };
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** BuildKit's record IDs are random base-36 strings; ours derive from the record so they stay put across runs. */
export function recordId(seed: string): string {
  const hex = digestBytes(seed).slice(7);
  let id = '';
  for (let i = 0; i < 25; i++) id += ALPHABET[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 36];
  return id;
}

export function cacheUsage(cache: BuildCache): CacheUsage[] {
  const out: CacheUsage[] = [];
  for (const s of cache.sources.values()) {
    s.layers.forEach((l) => {
      out.push({
        id: recordId(`${s.manifestDigest}/${l.diffId}`),
        cacheType: 'regular',
        size: l.size,
        createdAt: s.createdAt,
        lastUsedAt: s.lastUsedAt,
        usageCount: 1,
        inUse: false,
        shared: false,
        description: `pulled from ${s.ref}@${s.manifestDigest}`,
        internal: false,
        key: { kind: 'source', id: s.manifestDigest },
      });
    });
  }
  for (const r of cache.records.values()) {
    out.push({
      id: recordId(r.key),
      cacheType: 'regular',
      size: r.layer.size,
      createdAt: r.createdAt,
      lastUsedAt: r.lastUsedAt,
      usageCount: r.usageCount,
      inUse: false,
      shared: false,
      description: `mount / from exec ${r.definition.args ? JSON.parse(r.definition.args).join(' ') : r.description}`,
      internal: false,
      key: { kind: 'record', id: r.key },
    });
  }
  for (const m of cache.mounts.values()) {
    out.push({
      id: recordId(`mount/${m.id}`),
      cacheType: 'exec.cachemount',
      size: layerSize(m.tree),
      createdAt: m.createdAt,
      lastUsedAt: m.lastUsedAt,
      usageCount: m.usageCount,
      inUse: false,
      shared: false,
      description: `cached mount ${m.id}`,
      internal: false,
      key: { kind: 'mount', id: m.id },
    });
  }
  return out.sort((a, b) => a.lastUsedAt - b.lastUsedAt || a.id.localeCompare(b.id));
}

/**
 * `docker builder prune`: every record nothing uses (a build in progress would hold its own); `all` adds BuildKit's
 * internal and frontend records. `olderThan` (virtual ms) keeps records used since then, the `until` filter.
 */
export function pruneCache(cache: BuildCache, options: { all: boolean; olderThan?: number }): { cache: BuildCache; removed: CacheUsage[] } {
  const removed = cacheUsage(cache).filter((u) => (options.all || !u.internal) && (options.olderThan === undefined || u.lastUsedAt < options.olderThan));
  if (removed.length === 0) return { cache, removed };
  const records = new Map(cache.records);
  const sources = new Map(cache.sources);
  const mounts = new Map(cache.mounts);
  for (const u of removed) {
    if (u.key.kind === 'record') records.delete(u.key.id);
    else if (u.key.kind === 'mount') mounts.delete(u.key.id);
    else sources.delete(u.key.id);
  }
  // A prune forgets the contexts too: the next build sends everything again.
  return { cache: { records, sources, contexts: new Map(), mounts }, removed };
}
