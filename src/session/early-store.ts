/**
 * Opening IndexedDB takes a while on a first visit (the browser creates the database), and the first prompt waits
 * for it: until the store answers, the page cannot know whether to restore a saved session. main.ts starts opening
 * it before mounting the page, so that wait overlaps the mount; the session controller takes the store from here.
 */
import { openSessionStore, type SessionStore } from './store.ts';

let early: Promise<SessionStore> | undefined;

export function openSessionStoreEarly(): void {
  early = openSessionStore();
  // Whoever takes it reports a failure; until then it must not count as unhandled.
  early.catch(() => {});
}

/** The store opened early, the first time; a new one after that (a second controller must not share a closed one). */
export function takeSessionStore(): Promise<SessionStore> {
  const store = early ?? openSessionStore();
  early = undefined;
  return store;
}
