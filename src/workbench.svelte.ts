/**
 * What every panel of the page shares: the simulated machine, a revision counter per kind of engine change (pictures
 * re-read their views when theirs moves), the terminal tabs and which file the editor shows. Panels get it with
 * `getWorkbench()`; none of them holds Docker logic: they read the engine's public API.
 */
import { getContext, setContext } from 'svelte';
import type { EngineEvent, Machine, Terminal } from '../engine/api.ts';
import { oncePerMacrotask } from '../engine/core/batch.ts';

export interface TerminalTab {
  readonly id: number;
  readonly title: string;
  readonly terminal: Terminal;
}

/** Types into one terminal tab as its keyboard would (the lesson's Run buttons); its view provides it. */
export interface Typist {
  input(data: string): void;
  focus(): void;
}

/** The kinds of change a panel can follow. */
export type ChangeKind = 'host' | 'images' | 'build' | 'containers' | 'volumes' | 'networks' | 'command';

const KIND_OF: Record<EngineEvent['type'], ChangeKind> = {
  command: 'command',
  'fs-changed': 'host',
  'images-changed': 'images',
  'build-finished': 'build',
  'build-cache-changed': 'build',
  'volumes-changed': 'volumes',
  'networks-changed': 'networks',
  'containers-changed': 'containers',
};

export class Workbench {
  readonly machine: Machine;
  /** Bumped on each engine event of that kind. */
  readonly revisions = $state<Record<ChangeKind, number>>({
    host: 0,
    images: 0,
    build: 0,
    containers: 0,
    volumes: 0,
    networks: 0,
    command: 0,
  });
  terminals = $state.raw<readonly TerminalTab[]>([]);
  activeTerminal = $state(0);
  /** The host path the editor shows (absolute), if any. */
  openFile = $state<string>();
  /** Each mounted terminal view's typist, by tab id. Not state: nothing renders from it. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly typists = new Map<number, Typist>();
  #nextTab = 1;
  readonly #stop: () => void;
  // Callbacks, not state: nothing renders from this set, so it need not be reactive.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #beforeCommand = new Set<() => void>();
  #shown!: () => void;
  /** Resolves once a terminal shows its prompt: heavy parts (Monaco) wait for it, so a student can type first. */
  readonly firstPrompt = new Promise<void>((resolve) => (this.#shown = resolve));

  constructor(machine: Machine) {
    this.machine = machine;
    // Bumped once per task, not per event: `docker rm -f` of a thousand containers announces a thousand changes
    // between two paints, and each bump would have the pictures re-read the whole machine.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const changed = new Set<ChangeKind>();
    const bump = oncePerMacrotask(() => {
      for (const kind of changed) this.revisions[kind]++;
      changed.clear();
    });
    this.#stop = machine.events.subscribe((e) => {
      const kind = KIND_OF[e.type];
      if (!kind) return;
      changed.add(kind);
      bump();
    });
    this.openTerminal();
  }

  /** A terminal painted its first prompt. */
  terminalShown(): void {
    this.#shown();
  }

  /** A new terminal tab (its own shell), made active. */
  openTerminal(): TerminalTab {
    const id = this.#nextTab++;
    const tab: TerminalTab = { id, title: `Terminal ${id}`, terminal: this.#announcingRuns(this.machine.openTerminal()) };
    this.terminals = [...this.terminals, tab];
    this.activeTerminal = id;
    return tab;
  }

  /**
   * Calls `fn` just before any terminal runs a command line, until the returned function is called: the editor saves
   * there, so a `docker build` typed right after an edit sees it.
   */
  beforeCommand(fn: () => void): () => void {
    this.#beforeCommand.add(fn);
    return () => this.#beforeCommand.delete(fn);
  }

  /** The terminal as is (its getters and any extra methods such as `complete`), with `run` announced first. */
  #announcingRuns(terminal: Terminal): Terminal {
    const run: Terminal['run'] = (line, io) => {
      for (const fn of this.#beforeCommand) fn();
      return terminal.run(line, io);
    };
    return new Proxy(terminal, { get: (target, prop) => (prop === 'run' ? run : Reflect.get(target, prop, target)) });
  }

  /** Types `data` into the active terminal and focuses it; false when no terminal is on screen. */
  typeIntoActive(data: string): boolean {
    const typist = this.typists.get(this.activeTerminal);
    if (!typist) return false;
    typist.input(data);
    typist.focus();
    return true;
  }

  closeTerminal(id: number): void {
    if (this.terminals.length <= 1) return;
    const at = this.terminals.findIndex((t) => t.id === id);
    this.terminals = this.terminals.filter((t) => t.id !== id);
    if (this.activeTerminal === id) this.activeTerminal = this.terminals[Math.max(0, at - 1)]!.id;
  }

  dispose(): void {
    this.#stop();
  }
}

const KEY = Symbol('workbench');

export function setWorkbench(workbench: Workbench): void {
  setContext(KEY, workbench);
}

export function getWorkbench(): Workbench {
  const workbench = getContext<Workbench | undefined>(KEY);
  if (!workbench) throw new Error('Dockyard: a panel was mounted outside the workbench');
  return workbench;
}
