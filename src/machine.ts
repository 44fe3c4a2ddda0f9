/**
 * Where the page gets its simulated machine. The engine is loaded as its own chunk so the page shell paints first.
 */
import type { Machine, MachineOptions, Terminal } from '../engine/api.ts';
import { commandsOnPath, createCompleter } from './terminal/completion.ts';
import type { Completer } from './terminal/line-editor.ts';

/** The host's layout as the engine sets it up (engine/host/layout.ts); completion needs HOME and PATH. */
const HOME = '/home/student';
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

interface EngineModule {
  createMachine(options?: MachineOptions): Machine | Promise<Machine>;
}

// A glob import resolves to nothing (instead of failing the build) while engine/index.ts does not exist yet.
const engines = import.meta.glob<EngineModule>('../engine/index.ts');

export async function startMachine(): Promise<Machine> {
  const load = engines['../engine/index.ts'];
  if (!load) throw new Error('The simulator engine is not part of this build yet.');
  const { createMachine } = await load();
  return await createMachine({ mode: 'interactive' });
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
