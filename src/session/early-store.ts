/**
 * Opening IndexedDB takes a while on a first visit (the browser creates the database), and the first prompt waits
 * for it: until the store answers, the page cannot know whether to restore a saved session. main.ts starts opening
 * it before mounting the page, so that wait overlaps the mount; the session controller takes the store from here.
 */
import { openIdbRecords } from './idb.ts';
import type { Records } from './records.ts';
import { sessionStore, type SessionStore } from './store.ts';

let early: Promise<Records> | undefined;

export function openSessionStoreEarly(): void {
  early = openIdbRecords();
  // Whoever takes it reports a failure; until then it must not count as unhandled.
  early.catch(() => {});
}

/**
 * The store named `name` (the sandbox's by default) over the records opened early, the first time; over new ones after
 * that (a second controller must not share records the first one closes).
 */
export async function takeSessionStore(name = ''): Promise<SessionStore> {
  const records = early ?? openIdbRecords();
  early = undefined;
  return sessionStore(await records, Date.now, name);
}
