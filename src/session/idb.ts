/**
 * IndexedDB as the session store's records (records.ts): one object store, each commit one transaction.
 */
import type { Records } from './records.ts';

const DB_NAME = 'dockyard';
const STORE = 'session';

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

/** Opens the records; rejects when the browser offers no IndexedDB here (some private modes, disabled storage). */
export async function openIdbRecords(): Promise<Records> {
  if (typeof indexedDB === 'undefined') throw new Error('this browser offers no IndexedDB here');
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  const db = await request(open);
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    get: (key) => request(store('readonly').get(key)),
    keys: async () => (await request(store('readonly').getAllKeys())).filter((k): k is string => typeof k === 'string'),
    async commit(puts, deletes = []) {
      const tx = db.transaction(STORE, 'readwrite');
      const s = tx.objectStore(STORE);
      for (const [key, value] of puts) s.put(value, key);
      for (const key of deletes) s.delete(key);
      await done(tx);
    },
    close: () => db.close(),
  };
}
