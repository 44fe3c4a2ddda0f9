/**
 * Where the page gets its simulated machine. The engine is loaded as its own chunk so the page shell paints first.
 */
import type { Machine, Terminal } from '../engine/api.ts';
import type { Completer } from './terminal/line-editor.ts';

/** The host's home directory as the engine sets it up (engine/host/layout.ts). */
const HOME = '/home/student';

/** The file the editor opens first in the sandbox: the starting project's Dockerfile. */
export const SANDBOX_OPEN_FILE = `${HOME}/project/Dockerfile`;

/** A new simulated machine, holding the sandbox's starting project, whose clock the page moves from real time. */
export async function startMachine(): Promise<Machine> {
  // A dynamic import: the engine becomes its own chunk, loaded while the page shell paints.
  const [{ createMachine }, { sandboxProject }] = await Promise.all([import('../engine/index.ts'), import('./sandbox.ts')]);
  return createMachine({ mode: 'interactive', project: sandboxProject() });
}

/**
 * Tab completion for one terminal: the engine's, which reads that terminal's shell (directory, variables, functions)
 * and the machine's docker (commands, flags, names of containers, images, volumes and networks).
 */
export function hostCompleter(terminal: Terminal): Completer {
  return (line, cursor) => terminal.complete?.(line, cursor);
}
