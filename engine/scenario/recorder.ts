import { serializeAttempt } from './attempt.ts';
import type { AttemptEvent } from './types.ts';

/** What the recorder reads the time from: the scenario machine's virtual clock. */
export interface ClockLike {
  now(): number;
}

type CommandEvent = Extract<AttemptEvent, { type: 'command' }>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A command the student started: say what they typed to it and how it ended. */
export interface RecordedCommand {
  /** Text typed to the running command's standard input (appended in order). */
  input(text: string): void;
  end(exitCode: number): void;
}

/**
 * Records what a student does in a scenario as attempt events with virtual times (ms since the scenario started),
 * for the teacher's `dockyard grade`. A command is recorded when it starts, so events stay in time order while
 * it runs on in one terminal and the student works in another; its exit code and end time are filled in later.
 */
export class AttemptRecorder {
  readonly #scenario: string;
  readonly #seed: number;
  readonly #events: (AttemptEvent | Mutable<CommandEvent>)[] = [];
  #clock: ClockLike;
  /** Elapsed ms at the last (re)start, and the clock reading then: a reset brings a new machine and clock. */
  #offset = 0;
  #base: number;

  constructor(scenario: string, options: { readonly seed: number; readonly clock: ClockLike }) {
    this.#scenario = scenario;
    this.#seed = options.seed;
    this.#clock = options.clock;
    this.#base = options.clock.now();
  }

  /** Virtual ms since the scenario started, never going back. */
  #at(): number {
    const at = Math.max(0, Math.round(this.#offset + this.#clock.now() - this.#base));
    const last = this.#events.at(-1)?.at ?? 0;
    return Math.max(at, last);
  }

  command(terminal: number, line: string): RecordedCommand {
    const event: Mutable<CommandEvent> = { type: 'command', at: this.#at(), terminal, line, exitCode: 130 };
    this.#events.push(event);
    let ended = false;
    return {
      input: (text) => {
        if (!ended) event.input = (event.input ?? '') + text;
      },
      end: (exitCode) => {
        if (ended) return;
        ended = true;
        event.exitCode = exitCode;
        event.endedAt = Math.max(event.at!, Math.round(this.#offset + this.#clock.now() - this.#base));
      },
    };
  }

  write(path: string, content: string): void {
    this.#events.push({ type: 'write', at: this.#at(), path, content });
  }

  remove(path: string): void {
    this.#events.push({ type: 'remove', at: this.#at(), path });
  }

  mkdir(path: string): void {
    this.#events.push({ type: 'mkdir', at: this.#at(), path });
  }

  rename(path: string, to: string): void {
    this.#events.push({ type: 'rename', at: this.#at(), path, to });
  }

  hint(task: string): void {
    this.#events.push({ type: 'hint', at: this.#at(), task });
  }

  solution(): void {
    this.#events.push({ type: 'solution', at: this.#at() });
  }

  /** The student started over: `clock` is the new machine's. */
  reset(clock: ClockLike): void {
    const at = this.#at();
    this.#events.push({ type: 'reset', at });
    this.#offset = at;
    this.#clock = clock;
    this.#base = clock.now();
  }

  /** Whether the solution was shown (the page then shows the scenario as not solved). */
  get solutionShown(): boolean {
    return this.#events.some((e) => e.type === 'solution');
  }

  get events(): readonly AttemptEvent[] {
    return this.#events.map((e) => ({ ...e }));
  }

  /** The `.dockyard-attempt` file's text. */
  serialize(): string {
    return serializeAttempt({ scenario: this.#scenario, seed: this.#seed, events: this.events });
  }
}
