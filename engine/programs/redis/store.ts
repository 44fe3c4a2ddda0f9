/**
 * The keyspace: numbered databases of typed values, with expiry times in virtual milliseconds. It lives in the
 * server's memory only; what survives a restart is what persistence wrote to files.
 */

export type RedisValue =
  | { readonly type: 'string'; value: string }
  | { readonly type: 'list'; readonly items: string[] }
  | { readonly type: 'hash'; readonly fields: Map<string, string> }
  /**
   * `intset` mirrors Redis's encoding for sets of integers (up to set-max-intset-entries): their members come back
   * sorted numerically, while other small sets (listpacks) keep insertion order.
   */
  | { readonly type: 'set'; members: Set<string>; intset: boolean };

export type ValueType = RedisValue['type'];

const MAX_INTSET_ENTRIES = 512;

export class Database {
  readonly data = new Map<string, RedisValue>();
  /** Absolute expiry times (ms since the epoch) of the keys that have one. */
  readonly expires = new Map<string, number>();
}

export class Keyspace {
  readonly dbs: Database[];
  /** Called when a key is found expired and removed, so the AOF can record the deletion (Redis propagates a DEL). */
  onExpired: ((db: number, key: string) => void) | undefined;

  constructor(
    private readonly now: () => number,
    databases = 16,
  ) {
    this.dbs = Array.from({ length: databases }, () => new Database());
  }

  /** The live value at `key`; an expired one is removed first (lazy expiry, as on access in Redis). */
  get(db: number, key: string): RedisValue | undefined {
    const d = this.dbs[db]!;
    const at = d.expires.get(key);
    if (at !== undefined && at <= this.now()) {
      d.data.delete(key);
      d.expires.delete(key);
      this.onExpired?.(db, key);
      return undefined;
    }
    return d.data.get(key);
  }

  /** Stores a value; an overwrite clears the key's expiry unless `keepTtl`. */
  set(db: number, key: string, value: RedisValue, keepTtl = false): void {
    const d = this.dbs[db]!;
    d.data.set(key, value);
    if (!keepTtl) d.expires.delete(key);
  }

  delete(db: number, key: string): boolean {
    if (!this.get(db, key)) return false;
    this.dbs[db]!.data.delete(key);
    this.dbs[db]!.expires.delete(key);
    return true;
  }

  setExpire(db: number, key: string, at: number): void {
    this.dbs[db]!.expires.set(key, at);
  }

  persist(db: number, key: string): boolean {
    return this.dbs[db]!.expires.delete(key);
  }

  expireAt(db: number, key: string): number | undefined {
    return this.get(db, key) ? this.dbs[db]!.expires.get(key) : undefined;
  }

  /** Live keys, in insertion order (Redis's order is its hash table's, which nobody can rely on). */
  keys(db: number): string[] {
    return [...this.dbs[db]!.data.keys()].filter((k) => this.get(db, k) !== undefined);
  }

  size(db: number): number {
    return this.keys(db).length;
  }

  /** Empties one database, or all of them; returns how many keys went. */
  flush(db?: number): number {
    let removed = 0;
    for (const [i, d] of this.dbs.entries()) {
      if (db !== undefined && i !== db) continue;
      removed += d.data.size;
      d.data.clear();
      d.expires.clear();
    }
    return removed;
  }
}

export function newSet(): RedisValue & { type: 'set' } {
  return { type: 'set', members: new Set(), intset: true };
}

/** Adds a member keeping Redis's member order (see RedisValue). Returns false when it was there already. */
export function addMember(set: RedisValue & { type: 'set' }, member: string): boolean {
  if (set.members.has(member)) return false;
  if (set.intset && (!isInteger(member) || set.members.size >= MAX_INTSET_ENTRIES)) set.intset = false;
  if (set.intset) set.members = new Set([...set.members, member].sort((a, b) => Number(BigInt(a) - BigInt(b))));
  else set.members.add(member);
  return true;
}

const INT_RE = /^(0|-?[1-9][0-9]*)$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Redis's string2ll: a canonical signed 64-bit integer (no `+`, no leading zeros, no spaces). */
export function isInteger(s: string): boolean {
  if (!INT_RE.test(s) || s.length > 20) return false;
  const n = BigInt(s);
  return n >= INT64_MIN && n <= INT64_MAX;
}

export function parseInteger(s: string): bigint | undefined {
  return isInteger(s) ? BigInt(s) : undefined;
}

export function inInt64(n: bigint): boolean {
  return n >= INT64_MIN && n <= INT64_MAX;
}
