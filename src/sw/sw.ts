/**
 * Dockyard's service worker: a class loads the site once and keeps working offline. Every file of the build is
 * cached when this worker installs (the list and its version are written in at build time by precache-plugin.ts),
 * and same-origin GETs are answered from that cache first. Nothing else is touched: the site makes no request to any
 * other origin, and a request this worker does not handle goes to the network unchanged.
 */
export {};

declare const self: ServiceWorkerGlobalScope;
/** Paths of every file in dist/, relative to this script ('./' is the folder itself, which serves index.html). */
declare const __PRECACHE_FILES__: readonly string[];
/** A digest of every file's content: a new deployment is a new cache. */
declare const __PRECACHE_VERSION__: string;

const PREFIX = 'dockyard-';
const CACHE = PREFIX + __PRECACHE_VERSION__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` skips the HTTP cache, so the precache holds this deployment's bytes and not a stale copy.
      await cache.addAll(__PRECACHE_FILES__.map((path) => new Request(new URL(path, self.location.href), { cache: 'reload' })));
      // A new deployment takes over on the next load rather than after every tab of the old one has closed.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Keep the deployment just before this one: a page still running it may load one of its lazy chunks later.
      // Cache names come back in creation order, so the previous one is the last before ours.
      const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      await Promise.all(names.slice(0, -1).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      // Search strings never name a different file here (the app reads none), so `?x` is still the cached file.
      const hit = await caches.match(request, { ignoreSearch: true });
      return hit ?? fetch(request);
    })(),
  );
});
