import type { DirEntry } from '../fs/types.ts';
import type { NewLayer } from '../image/store.ts';

/**
 * BuildKit's cache as one immutable value: each record is the result of one operation, found by its cache key (the
 * digest of the operation's definition and its inputs' keys). A record remembers what it was made from, so a miss
 * can be explained by finding the record made from the same input and comparing definitions.
 */
export interface CacheRecord {
  readonly key: string;
  /** Key of the input this operation ran on (`''` for sources). */
  readonly parent: string;
  /** What the operation was, in words the explanation compares (`RUN npm install`, env, user…). */
  readonly definition: Readonly<Record<string, string>>;
  /** For COPY/ADD: digest per selected source path, to name the files that changed. */
  readonly files?: ReadonlyMap<string, string>;
  /** The layer the operation added on top of its input. */
  readonly layer: NewLayer;
  /** `[2/6] WORKDIR /app`: how `docker buildx du --verbose` and the UI describe it. */
  readonly description: string;
  /** Virtual ms: the layer's creation time, which a cached rebuild keeps (so it keeps the image ID). */
  readonly createdAt: number;
  readonly lastUsedAt: number;
  readonly usageCount: number;
}

/** Base images BuildKit pulled for itself (the classic store does not tag them): their layers, kept by the cache. */
export interface CachedSource {
  readonly ref: string;
  readonly manifestDigest: string;
  readonly layers: readonly NewLayer[];
  readonly createdAt: number;
  readonly lastUsedAt: number;
}

export interface BuildCache {
  readonly records: ReadonlyMap<string, CacheRecord>;
  readonly sources: ReadonlyMap<string, CachedSource>;
  /**
   * The last context each directory sent (BuildKit keeps a local source's snapshot by its shared key): files
   * whose metadata did not change are not sent again, which is what `transferring context:` counts.
   */
  readonly contexts: ReadonlyMap<string, DirEntry>;
  /** `RUN --mount=type=cache` contents by cache id: they outlive every build until pruned, never in a layer. */
  readonly mounts: ReadonlyMap<string, CacheMount>;
}

export interface CacheMount {
  readonly id: string;
  readonly tree: DirEntry;
  readonly createdAt: number;
  readonly lastUsedAt: number;
  readonly usageCount: number;
}

export const EMPTY_CACHE: BuildCache = { records: new Map(), sources: new Map(), contexts: new Map(), mounts: new Map() };

export function putMount(cache: BuildCache, id: string, tree: DirEntry, at: number): BuildCache {
  const mounts = new Map(cache.mounts);
  const before = cache.mounts.get(id);
  mounts.set(id, { id, tree, createdAt: before?.createdAt ?? at, lastUsedAt: at, usageCount: (before?.usageCount ?? 0) + 1 });
  return { ...cache, mounts };
}

export function putContext(cache: BuildCache, dir: string, root: DirEntry): BuildCache {
  const contexts = new Map(cache.contexts);
  contexts.set(dir, root);
  return { ...cache, contexts };
}

export function putRecord(cache: BuildCache, record: CacheRecord): BuildCache {
  const records = new Map(cache.records);
  records.set(record.key, record);
  return { ...cache, records };
}

export function touchRecord(cache: BuildCache, key: string, at: number): BuildCache {
  const r = cache.records.get(key);
  if (!r) return cache;
  return putRecord(cache, { ...r, lastUsedAt: at, usageCount: r.usageCount + 1 });
}

export function putSource(cache: BuildCache, source: CachedSource): BuildCache {
  const sources = new Map(cache.sources);
  sources.set(source.manifestDigest, source);
  return { ...cache, sources };
}

/** The most recent record made from the same input: the step's previous result, to explain a miss against. */
export function previousFromSameInput(cache: BuildCache, parent: string, kind: string): CacheRecord | undefined {
  let best: CacheRecord | undefined;
  for (const r of cache.records.values()) {
    if (r.parent !== parent || r.definition.op !== kind) continue;
    if (!best || r.lastUsedAt > best.lastUsedAt) best = r;
  }
  return best;
}

/** Bytes the cache holds (layers it made, and the sources it pulled). */
export function cacheSize(cache: BuildCache): number {
  let n = 0;
  for (const r of cache.records.values()) n += r.layer.size;
  for (const s of cache.sources.values()) for (const l of s.layers) n += l.size;
  return n;
}
