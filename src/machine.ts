/**
 * Where the page gets its simulated machine. The engine is loaded as its own chunk so the page shell paints first.
 */
import type { Machine, Terminal } from '../engine/api.ts';
import { commandsOnPath, createCompleter } from './terminal/completion.ts';
import type { Completer } from './terminal/line-editor.ts';

/** The host's layout as the engine sets it up (engine/host/layout.ts); completion needs HOME and PATH. */
const HOME = '/home/student';
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** A new simulated machine whose clock the page moves from real time. */
export async function startMachine(): Promise<Machine> {
  // A dynamic import: the engine becomes its own chunk, loaded while the page shell paints.
  const { createMachine, preloadLazyCode } = await import('../engine/index.ts');
  const machine = createMachine({ mode: 'interactive' });
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
 * Tab completion for one terminal: the engine's own when it offers one (it knows docker's commands and flags),
 * otherwise command names and paths from the host's filesystem and PATH.
 */
export function hostCompleter(machine: Machine, terminal: Terminal): Completer {
  const own = (terminal as Terminal & { complete?: Completer }).complete;
  if (typeof own === 'function') return (line, cursor) => own.call(terminal, line, cursor);
  return createCompleter({
    cwd: () => terminal.cwd,
    home: HOME,
    fs: machine.hostFs,
    commands: () => commandsOnPath(machine.hostFs, PATH),
  });
}
