/**
 * What the student did in a scenario, as the attempt format records it (docs/scenarios.md, "Attempts"): every command
 * with its terminal, virtual start and end and what was typed to it, every editor save and explorer change, hints,
 * the solution shown, resets. It is saved with the session and exported for the teacher's `dockyard grade`.
 *
 * Times are virtual ms since the scenario started. The machine's clock goes back on undo and starts again on a reset
 * or an import, so the log keeps `base`, the clock reading that counts as time 0, and moves it when the machine changes.
 */

import type { AttemptEvent as ReplayedEvent } from '../../engine/scenario/types.ts';

/**
 * An event as the page records it: the replay's own event (what `dockyard grade` reads), always with its time, and
 * open to the changes a command gets once it ends (its exit code, its end, what was typed to it).
 */
type Recorded<E> = E extends unknown ? { -readonly [K in keyof Omit<E, 'at'>]: E[K] } & { at: number } : never;
export type AttemptEvent = Recorded<ReplayedEvent>;

export interface AttemptFile {
  readonly format: 'dockyard-attempt';
  readonly version: 1;
  readonly scenario: string;
  readonly seed: number;
  readonly events: readonly AttemptEvent[];
}

/** What the session saves beside the machine: the attempt and the clock reading of its time 0. */
interface Saved extends AttemptFile {
  readonly base: number;
}

export class AttemptLog {
  readonly scenario: string;
  readonly seed: number;
  #events: AttemptEvent[] = [];
  #base = 0;

  constructor(scenario: string, seed = 0) {
    this.scenario = scenario;
    this.seed = seed;
  }

  get events(): readonly AttemptEvent[] {
    return this.#events;
  }

  /** The scenario starts now, on a clock that reads `now`. */
  begin(now: number): void {
    this.#base = now;
  }

  /**
   * The machine changed under the log (reset, import): a clock reading `now` continues from the last time recorded,
   * so times in the log never go backwards.
   */
  continueAt(now: number): void {
    this.#base = now - this.#last();
  }

  /** Virtual ms since the scenario started, for a clock reading `now`. */
  at(now: number): number {
    return Math.max(0, Math.round(now - this.#base));
  }

  add<E extends AttemptEvent>(event: E): E {
    this.#events.push(event);
    return event;
  }

  /**
   * Undo took the machine back to before the last command: that command leaves the log, and so do the file changes
   * made after it (the restored machine no longer has them). Hints and the solution shown stay: they were seen.
   */
  undoLastCommand(): void {
    let i = this.#events.length - 1;
    while (i >= 0 && this.#events[i]!.type !== 'command') i--;
    if (i < 0) return;
    this.#events = this.#events.filter((e, at) => at < i || (at > i && (e.type === 'hint' || e.type === 'solution')));
  }

  count(type: AttemptEvent['type'], where: (e: AttemptEvent) => boolean = () => true): number {
    return this.#events.filter((e) => e.type === type && where(e)).length;
  }

  /**
   * The attempt as the teacher's tool reads it, at virtual time `now`. A command still running is exported as
   * interrupted then, as the replay will treat it (started, not awaited, Ctrl-C at the end).
   */
  file(now?: number): AttemptFile {
    const end = now ?? this.#last();
    const events = this.#events.map((e) => (e.type === 'command' && e.exitCode === undefined ? { ...e, exitCode: 130, endedAt: Math.max(e.at, end) } : { ...e }));
    return { format: 'dockyard-attempt', version: 1, scenario: this.scenario, seed: this.seed, events };
  }

  serialize(): string {
    return JSON.stringify({ format: 'dockyard-attempt', version: 1, scenario: this.scenario, seed: this.seed, events: this.#events, base: this.#base } satisfies Saved);
  }

  /** The log saved with a session; undefined when the text is not one for this scenario (a fresh log is used). */
  static restore(text: string | undefined, scenario: string): AttemptLog | undefined {
    if (text === undefined) return undefined;
    let raw: Partial<Saved>;
    try {
      raw = JSON.parse(text) as Partial<Saved>;
    } catch {
      return undefined;
    }
    if (raw?.format !== 'dockyard-attempt' || raw.version !== 1 || raw.scenario !== scenario || !Array.isArray(raw.events) || typeof raw.base !== 'number') return undefined;
    if (!raw.events.every(isEvent)) return undefined;
    const log = new AttemptLog(scenario, typeof raw.seed === 'number' ? raw.seed : 0);
    log.#events = raw.events.map((e) => ({ ...e }));
    log.#base = raw.base;
    return log;
  }

  #last(): number {
    let last = 0;
    for (const e of this.#events) last = Math.max(last, e.at, e.type === 'command' ? (e.endedAt ?? 0) : 0);
    return last;
  }
}

function isEvent(e: unknown): e is AttemptEvent {
  if (typeof e !== 'object' || e === null) return false;
  const event = e as Record<string, unknown>;
  if (typeof event.at !== 'number') return false;
  switch (event.type) {
    case 'command':
      return typeof event.line === 'string' && typeof event.terminal === 'number';
    case 'write':
      return typeof event.path === 'string' && typeof event.content === 'string';
    case 'remove':
    case 'mkdir':
      return typeof event.path === 'string';
    case 'rename':
      return typeof event.path === 'string' && typeof event.to === 'string';
    case 'hint':
      return typeof event.task === 'string';
    case 'solution':
    case 'reset':
      return true;
    default:
      return false;
  }
}
