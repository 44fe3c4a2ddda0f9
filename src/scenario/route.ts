/**
 * Which session the page shows, as the URL's hash says: `#scenario=ID` for a scenario (so a teacher can link one),
 * `#sandbox` or nothing for the sandbox. Anything else is the sandbox too: a mistyped link still opens the page.
 * Loaded with the page shell, so it stays tiny; whether ID names a real scenario is checked when scenarios load.
 */

export type Route = { readonly kind: 'sandbox' } | { readonly kind: 'scenario'; readonly id: string };

export const SANDBOX: Route = { kind: 'sandbox' };

/** Scenario ids as the scenario format allows them (and folder names). */
const ID = /^[a-z0-9-]+$/;

export function parseHash(hash: string): Route {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const m = /^scenario=(.*)$/.exec(text);
  if (!m) return SANDBOX;
  let id: string;
  try {
    id = decodeURIComponent(m[1]!);
  } catch {
    return SANDBOX;
  }
  return ID.test(id) ? { kind: 'scenario', id } : SANDBOX;
}

export function hashOf(route: Route): string {
  return route.kind === 'scenario' ? `#scenario=${route.id}` : '#sandbox';
}

export function sameRoute(a: Route, b: Route): boolean {
  return a.kind === b.kind && (a.kind === 'sandbox' || a.id === (b as { id: string }).id);
}

/** Where a session is kept in IndexedDB: the sandbox under the keys it always used, each scenario under its own. */
export function storeNameOf(route: Route): string {
  return route.kind === 'scenario' ? `scenario:${route.id}:` : '';
}
