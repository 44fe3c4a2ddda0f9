/**
 * Registers the service worker the build writes (precache-plugin.ts), by a relative URL so the site works from any
 * folder of a static host. The dev server has no sw.js and must never be cached, so only a built site registers.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((e: unknown) => {
    // The page works without it (a file:// URL, a browser with storage off); it just will not work offline.
    console.warn('Dockyard: offline use is unavailable:', e instanceof Error ? e.message : e);
  });
}
