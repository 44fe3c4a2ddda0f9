/**
 * Undo for the terminal: the machine's state just before each command, in a ring of the last few. Snapshots are
 * structurally shared values, so twenty of them cost little more than one.
 *
 * Undo restores the state from before the last command on the same machine. Anything the command started that
 * runs on (a server in a container) is treated as after a daemon restart: running containers come back stopped
 * (exited, as if killed), and their restart policies apply from there. Shell state (the working directory,
 * variables) is the terminal's, not the machine's, and is left as it is. Undo is refused while a command runs:
 * restoring under a running command would leave it writing into a state it did not start from.
 */
import type { Machine, Snapshot, Terminal } from '../../engine/api.ts';

export const UNDO_DEPTH = 20;

export class CommandHistory {
  readonly #machine: Machine;
  readonly #depth: number;
  #before: { line: string; snapshot: Snapshot }[] = [];
  #running = 0;
  readonly #onChange: () => void;

  constructor(machine: Machine, onChange: () => void = () => {}, depth = UNDO_DEPTH) {
    this.#machine = machine;
    this.#onChange = onChange;
    this.#depth = depth;
  }

  /** The machine as the page should use it: the same machine, with terminals whose commands are recorded. */
  track(): Machine {
    // A copy of the machine's own properties (closures, no `this`), with terminals wrapped.
    return { ...this.#machine, openTerminal: () => this.#wrap(this.#machine.openTerminal()) };
  }

  get canUndo(): boolean {
    return this.#running === 0 && this.#before.length > 0;
  }

  get running(): boolean {
    return this.#running > 0;
  }

  /** The command the next undo takes back. */
  get lastCommand(): string | undefined {
    return this.#before.at(-1)?.line;
  }

  /** Restores the state from before the last command; false when there is nothing to undo or a command runs. */
  undo(): boolean {
    if (!this.canUndo) return false;
    const { snapshot } = this.#before.pop()!;
    this.#machine.restore(snapshot);
    this.#onChange();
    return true;
  }

  #wrap(terminal: Terminal): Terminal {
    const run: Terminal['run'] = async (line, io) => {
      // A blank line changes nothing: undo should take back the last command that did something.
      if (line.trim() !== '') {
        this.#before.push({ line, snapshot: this.#machine.snapshot() });
        if (this.#before.length > this.#depth) this.#before.shift();
      }
      this.#running++;
      this.#onChange();
      try {
        return await terminal.run(line, io);
      } finally {
        this.#running--;
        this.#onChange();
      }
    };
    const wrapped: Terminal & { complete?: unknown } = {
      get cwd() {
        return terminal.cwd;
      },
      prompt: () => terminal.prompt(),
      needsMore: (text) => terminal.needsMore(text),
      run,
    };
    // The engine's own completion, when a terminal offers one (src/machine.ts hostCompleter looks for it).
    const own = (terminal as Terminal & { complete?: unknown }).complete;
    if (typeof own === 'function') wrapped.complete = own.bind(terminal);
    return wrapped;
  }
}
