/**
 * Which session the page shows (the sandbox or a scenario, from the URL's hash) and switching between them: the
 * session being left is saved first, then the next one is restored from its own save or started fresh. Loaded with
 * the page shell, so it only routes: the scenario code (engine, markdown, lesson) is fetched when a scenario opens.
 */
import { SANDBOX_OPEN_FILE, startMachine } from '../machine.ts';
import { SessionController } from '../session/controller.svelte.ts';
import { hashOf, parseHash, SANDBOX, sameRoute, storeNameOf, type Route } from './route.ts';
import type { ScenarioSession } from './scenario-session.svelte.ts';

export class PageSessions {
  route = $state.raw<Route>(SANDBOX);
  session = $state.raw<SessionController>();
  /** The scenario being run, when the route is one. */
  scenario = $state.raw<ScenarioSession>();
  /** The scenario list is open. */
  listOpen = $state(false);
  /** Why the page could not open what was asked (an unknown scenario), shown in the lesson panel. */
  problem = $state<string>();
  /** Why no session could start at all. */
  failure = $state<string>();

  readonly #onClockError = (e: unknown) => console.error('Dockyard: a background task failed', e);
  #switching: Promise<void> = Promise.resolve();
  readonly #onHash = () => void this.open(parseHash(location.hash));

  /** Opens the session the hash names and follows the hash from then on; returns the clean-up. */
  start(): () => void {
    window.addEventListener('hashchange', this.#onHash);
    void this.open(parseHash(location.hash), true);
    return () => {
      window.removeEventListener('hashchange', this.#onHash);
      this.session?.dispose();
      this.scenario?.dispose();
    };
  }

  /** Shows `route` (and puts it in the address bar, so a reload or a shared link comes back to it). */
  go(route: Route): void {
    this.listOpen = false;
    if (location.hash !== hashOf(route)) location.hash = hashOf(route);
    else void this.open(route);
  }

  open(route: Route, first = false): Promise<void> {
    // One switch at a time, in the order asked: the last one wins.
    this.#switching = this.#switching.then(() => this.#open(route, first));
    return this.#switching;
  }

  async #open(route: Route, first: boolean): Promise<void> {
    if (!first && sameRoute(route, this.route) && this.session) return;
    const previous = this.session;
    const previousScenario = this.scenario;
    this.session = undefined;
    this.scenario = undefined;
    this.failure = undefined;
    this.problem = undefined;
    await previous?.close();
    previousScenario?.dispose();
    this.route = route;
    let session: SessionController;
    if (route.kind === 'scenario') {
      try {
        const { openScenario } = await import('./open.ts');
        const opened = await openScenario(route.id, this.#onClockError);
        this.scenario = opened.scenario;
        session = new SessionController({ ...opened.options, storeName: storeNameOf(route) });
      } catch (e) {
        this.problem = e instanceof Error ? e.message : String(e);
        this.route = SANDBOX;
        session = this.#sandbox();
      }
    } else {
      session = this.#sandbox();
    }
    this.session = session;
    try {
      await session.start();
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
    }
  }

  #sandbox(): SessionController {
    return new SessionController({ startMachine, openFile: SANDBOX_OPEN_FILE, onClockError: this.#onClockError, storeName: storeNameOf(SANDBOX) });
  }
}

export const page = new PageSessions();
