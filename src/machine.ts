/**
 * Where the page gets its simulated machine. The engine is loaded as its own chunk so the page shell paints first.
 */
import type { Machine, Terminal } from '../engine/api.ts';
import { once } from '../engine/core/loading.ts';
import type { Completer } from './terminal/line-editor.ts';

/** The host's home directory as the engine sets it up (engine/host/layout.ts). */
const HOME = '/home/student';

/** The file the editor opens first in the sandbox: the starting project's Dockerfile. */
export const SANDBOX_OPEN_FILE = `${HOME}/project/Dockerfile`;

/** The engine's chunk and the sandbox project: dynamic imports, so the page shell paints while they download. */
const engineCode = once(() => Promise.all([import('../engine/index.ts'), import('./sandbox.ts')]));

/**
 * Starts downloading the engine now (main.ts calls this before mounting the page): otherwise the download would wait
 * for the page to mount and for IndexedDB to say whether there is a saved session, and both take a while.
 * A failure is reported by startMachine, which tries again.
 */
export function prefetchEngine(): void {
  engineCode().catch(() => {});
}

/** A new simulated machine, holding the sandbox's starting project, whose clock the page moves from real time. */
export async function startMachine(): Promise<Machine> {
  const [{ createMachine, preloadLazyCode }, { sandboxProject }] = await engineCode();
  const machine = createMachine({ mode: 'interactive', project: sandboxProject() });
  // Servers, runtimes, the image catalog and the builder load on first use; fetch them ahead of that, so the first
  // `docker run` does not wait for them. A failure here is retried by that first use, which reports it.
  whenIdle(() => void preloadLazyCode().catch(() => {}));
  return machine;
}

/**
 * Runs `work` when the student starts typing, or a few seconds after the machine exists, whichever comes first, in
 * an idle moment: fetching code earlier would compete with the first prompt.
 */
function whenIdle(work: () => void): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    window.removeEventListener('keydown', start, true);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 });
    else setTimeout(work, 0);
  };
  window.addEventListener('keydown', start, true);
  setTimeout(start, 5000);
}

/**
 * Tab completion for one terminal: the engine's, which reads that terminal's shell (directory, variables, functions)
 * and the machine's docker (commands, flags, names of containers, images, volumes and networks).
 */
export function hostCompleter(terminal: Terminal): Completer {
  return (line, cursor) => terminal.complete?.(line, cursor);
}
