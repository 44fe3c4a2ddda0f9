/**
 * Where the page keeps the session between visits: one IndexedDB object store holding save files under keys of
 * their own and a pointer (`current`) naming the good one. A save is written whole under a new key before the pointer
 * moves to it (and only then is the old one deleted, in the same transaction as the move), so a save interrupted at
 * any point leaves the previous good save in place.
 */

const DB_NAME = 'dockyard';
const STORE = 'session';
/** The pointer: `{ key, savedAt }`. */
export const CURRENT_KEY = 'current';
/** A save that could not be restored, kept for the student to download: `{ bytes, reason, at }`. */
export const DAMAGED_KEY = 'damaged';
const SAVE_PREFIX = 'save-';

export interface DamagedSave {
  readonly bytes: Uint8Array;
  readonly reason: string;
  readonly at: number;
}

/**
 * What `load` found: nothing, a save file (with the text saved beside it, if any), or a record that is not one (kept
 * as bytes all the same).
 */
export type Loaded =
  | { readonly kind: 'none' }
  | { readonly kind: 'save'; readonly bytes: Uint8Array; readonly attachment?: string }
  | { readonly kind: 'unreadable'; readonly bytes: Uint8Array; readonly reason: string };

export interface SessionStore {
  load(): Promise<Loaded>;
  /** `attachment` (a scenario's attempt log) lives in the pointer record, so it moves with the save it belongs to. */
  save(bytes: Uint8Array, attachment?: string): Promise<void>;
  /** Moves an unrestorable save aside (replacing any kept before) and forgets it as the current save. */
  keepDamaged(damaged: DamagedSave): Promise<void>;
  damaged(): Promise<DamagedSave | undefined>;
  close(): void;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The write was aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/**
 * Opens the store; rejects when the browser offers no IndexedDB here (some private modes, disabled storage). `name`
 * prefixes every key, so several sessions (the sandbox's, one per scenario) share the database without meeting.
 */
export async function openSessionStore(name = ''): Promise<SessionStore> {
  if (typeof indexedDB === 'undefined') throw new Error('this browser offers no IndexedDB here');
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  const db = await request(open);
  let seq = 0;

  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode);
  const currentKey = name + CURRENT_KEY;
  const damagedKey = name + DAMAGED_KEY;
  const savePrefix = name + SAVE_PREFIX;

  return {
    async load() {
      const t = tx('readonly');
      const store = t.objectStore(STORE);
      const pointer = (await request(store.get(currentKey))) as unknown;
      const keys = (await request(store.getAllKeys())).filter((k): k is string => typeof k === 'string' && k.startsWith(savePrefix));
      const key = (pointer as { key?: unknown } | null | undefined)?.key;
      const value = typeof key === 'string' ? ((await request(store.get(key))) as unknown) : undefined;
      // Saves nothing points at (a write cut off before the pointer moved, one set aside as damaged) are dropped.
      const stale = keys.filter((k) => k !== key);
      if (stale.length > 0) {
        const w = tx('readwrite');
        for (const k of stale) w.objectStore(STORE).delete(k);
        await done(w);
      }
      if (pointer === undefined) return { kind: 'none' };
      if (typeof key !== 'string') return { kind: 'unreadable', bytes: asBytes(pointer), reason: 'The pointer to the saved session is damaged.' };
      const attachment = (pointer as { attachment?: unknown }).attachment;
      if (value instanceof Uint8Array) return { kind: 'save', bytes: value, ...(typeof attachment === 'string' ? { attachment } : {}) };
      return { kind: 'unreadable', bytes: asBytes(value), reason: value === undefined ? 'The saved session is missing.' : 'The saved session is not a file.' };
    },

    async save(bytes, attachment) {
      // Never the key of the save it replaces: that one must stay whole until the pointer has moved.
      const key = `${savePrefix}${Date.now().toString(36)}-${(seq++).toString(36)}`;
      const write = tx('readwrite');
      write.objectStore(STORE).put(bytes, key);
      await done(write);
      const swap = tx('readwrite');
      const store = swap.objectStore(STORE);
      const before = (await request(store.get(currentKey))) as { key?: unknown } | undefined;
      store.put({ key, savedAt: Date.now(), ...(attachment !== undefined ? { attachment } : {}) }, currentKey);
      if (typeof before?.key === 'string' && before.key !== key) store.delete(before.key);
      await done(swap);
    },

    async keepDamaged(damaged) {
      const t = tx('readwrite');
      const store = t.objectStore(STORE);
      store.put(damaged, damagedKey);
      store.delete(currentKey);
      await done(t);
    },

    async damaged() {
      const value = (await request(tx('readonly').objectStore(STORE).get(damagedKey))) as Partial<DamagedSave> | undefined;
      if (!value || !(value.bytes instanceof Uint8Array)) return undefined;
      return { bytes: value.bytes, reason: String(value.reason ?? ''), at: Number(value.at ?? 0) };
    },

    close: () => db.close(),
  };
}

/** Whatever a broken record holds, as bytes the student can download. */
function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (typeof value === 'string') return new TextEncoder().encode(value);
  try {
    return new TextEncoder().encode(JSON.stringify(value) ?? String(value));
  } catch {
    return new TextEncoder().encode(String(value));
  }
}
