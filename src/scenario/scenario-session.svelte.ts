/**
 * One scenario as the page runs it: the session companion that records the attempt (src/scenario/recording.ts) and
 * keeps it with the save, and the checklist's state: each task done or not (re-checked after every command and file
 * save, without probes), the full check with probes on request, hints shown, the solution,
 * progress. No Docker logic: the engine's `evaluate` decides what passes.
 */
import type { Machine } from '../../engine/api.ts';
import type { SessionCompanion } from '../session/controller.svelte.ts';
import { AttemptLog } from './attempt-log.ts';
import { checklist, type TaskState } from './checklist.ts';
import type { LiveTaskResult, LogEntry, Scenario, ScenarioEngine, Task } from './engine.ts';
import { ProgressBook, type Progress } from './progress.ts';
import { recordingMachine } from './recording.ts';

export type { TaskState, TaskStatus } from './checklist.ts';

export interface ScenarioDeps {
  readonly engine: Pick<ScenarioEngine, 'evaluate'>;
  readonly progress?: ProgressBook;
}

/** After a command or a save, the checklist waits this long for more before it re-checks. */
const SETTLE_MS = 150;

export class ScenarioSession implements SessionCompanion {
  readonly scenario: Scenario;
  tasks = $state.raw<Readonly<Record<string, TaskState>>>({});
  /** A full check (with probes) is running. */
  checking = $state(false);
  /** Hints shown so far, by task id. */
  hintsShown = $state.raw<Readonly<Record<string, number>>>({});
  solutionShown = $state(false);
  progress = $state<Progress>('not-started');
  /** The live region's text: "Task done: …". */
  announcement = $state('');
  /** A check that could not run, said plainly. */
  problem = $state<string>();

  readonly #deps: ScenarioDeps;
  readonly #book: ProgressBook;
  #log: AttemptLog;
  #machine: Machine | undefined;
  #onChange: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every change: a result computed for an older state is not shown as current. */
  #generation = 0;
  #evaluating: Promise<void> | undefined;
  #again = false;

  constructor(scenario: Scenario, deps: ScenarioDeps) {
    this.scenario = scenario;
    this.#deps = deps;
    this.#book = deps.progress ?? new ProgressBook();
    this.#log = new AttemptLog(scenario.id);
    this.progress = this.#book.of(scenario.id);
    this.tasks = Object.fromEntries(scenario.tasks.map((t) => [t.id, { status: 'pending', message: '' }]));
  }

  get log(): AttemptLog {
    return this.#log;
  }

  // ---- the session companion ----

  restore(attachment: string | undefined): void {
    const log = AttemptLog.restore(attachment, this.scenario.id);
    if (log) this.#log = log;
    this.#syncFromLog();
  }

  attach(machine: Machine, how: 'fresh' | 'restored' | 'reset' | 'imported'): Machine {
    const now = machine.clock.now();
    if (how === 'fresh') this.#log.begin(now);
    else if (how === 'reset' || how === 'imported') {
      if (how === 'reset' && this.#machine) this.#log.add({ type: 'reset', at: this.#log.at(this.#machine.clock.now()) });
      this.#log.continueAt(now);
    } else if (this.#log.events.length === 0) this.#log.begin(now);
    this.#machine = machine;
    this.#mark('in-progress');
    this.#changed();
    return recordingMachine(machine, this.#log, () => this.#changed());
  }

  attachment(): string {
    return this.#log.serialize();
  }

  undone(): void {
    this.#log.undoLastCommand();
    // Undo turned the clock back too; the log's times go on from where they were.
    if (this.#machine) this.#log.continueAt(this.#machine.clock.now());
    this.#changed();
  }

  onChange(listener: () => void): void {
    this.#onChange = listener;
  }

  // ---- what the lesson panel offers ----

  showHint(task: Task): void {
    const shown = this.hintsShown[task.id] ?? 0;
    if (shown >= task.hints.length) return;
    this.#log.add({ type: 'hint', at: this.#now(), task: task.id });
    this.#syncFromLog();
    this.#onChange?.();
  }

  showSolution(): void {
    if (!this.solutionShown) {
      this.#log.add({ type: 'solution', at: this.#now() });
      this.#syncFromLog();
      this.#onChange?.();
    }
  }

  /** The full check: every task, probes included, on a copy of the machine. */
  async checkMyWork(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      await this.#evaluating;
      await this.#evaluate(true);
    } finally {
      this.checking = false;
    }
  }

  /** The attempt as the teacher's `dockyard grade` reads it. */
  exportText(): string {
    return `${JSON.stringify(this.#log.file(this.#now()), null, 2)}\n`;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#machine = undefined;
  }

  // ---- inside ----

  #now(): number {
    return this.#machine ? this.#log.at(this.#machine.clock.now()) : 0;
  }

  #syncFromLog(): void {
    const hints: Record<string, number> = {};
    for (const e of this.#log.events) if (e.type === 'hint') hints[e.task] = (hints[e.task] ?? 0) + 1;
    this.hintsShown = hints;
    this.solutionShown = this.#log.count('solution') > 0;
  }

  #changed(): void {
    this.#generation++;
    this.#onChange?.();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#live(), SETTLE_MS);
  }

  /** One live evaluation at a time; changes made while one runs get one more afterwards. */
  async #live(): Promise<void> {
    if (this.#evaluating) {
      this.#again = true;
      return;
    }
    this.#evaluating = this.#evaluate(false);
    try {
      await this.#evaluating;
    } finally {
      this.#evaluating = undefined;
    }
    if (this.#again) {
      this.#again = false;
      void this.#live();
    }
  }

  /** The commands since the last reset, as the checks' command log reads them. */
  #commandLog(): LogEntry[] {
    const events = this.#log.events;
    let from = 0;
    events.forEach((e, i) => {
      if (e.type === 'reset') from = i + 1;
    });
    const out: LogEntry[] = [];
    for (const e of events.slice(from)) if (e.type === 'command' && e.exitCode !== undefined) out.push({ line: e.line, exitCode: e.exitCode, at: e.at, terminal: e.terminal });
    return out;
  }

  async #evaluate(probes: boolean): Promise<void> {
    const machine = this.#machine;
    if (!machine) return;
    const generation = this.#generation;
    let results: readonly LiveTaskResult[];
    try {
      // The engine's evaluate only reads the machine; probes run on copies it makes (engine/scenario/evaluate.ts).
      results = await this.#deps.engine.evaluate(this.scenario, machine, this.#commandLog(), { probes });
      this.problem = undefined;
    } catch (e) {
      this.problem = `The tasks could not be checked: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    // A full check the student asked for is shown even if they typed meanwhile; a stale live one is not.
    if (!probes && generation !== this.#generation) return;
    this.#show(results);
  }

  #show(results: readonly LiveTaskResult[]): void {
    const list = checklist(this.scenario.tasks, results, this.tasks);
    this.tasks = list.states;
    if (list.newlyDone.length > 0) this.announcement = list.newlyDone.map((t) => `Task done: ${t}`).join('. ');
    if (list.allDone) this.#mark(this.solutionShown ? 'solution-shown' : 'solved');
  }

  #mark(progress: Progress): void {
    this.progress = this.#book.mark(this.scenario.id, progress);
  }
}
