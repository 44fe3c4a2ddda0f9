import type { Machine, ProjectEntry } from '../api.ts';
import type { MachineInternals } from '../host/machine.ts';

export type Level = 'beginner' | 'intermediate' | 'advanced';

/** One parsed check: its kind, the options its kind's schema accepted, and where it was written. */
export interface Check<O = unknown> {
  readonly kind: string;
  readonly options: O;
  /** Replaces the generated failure message. */
  readonly message?: string;
  /** `tasks[0].checks[1]`, for error messages. */
  readonly path: string;
}

export interface Mistake {
  readonly check: Check;
  readonly message: string;
}

export interface Task {
  readonly id: string;
  readonly title: string;
  readonly points: number;
  readonly hints: readonly string[];
  readonly checks: readonly Check[];
  readonly mistakes: readonly Mistake[];
}

/** What the list and the checklist show of a task. */
export type TaskInfo = Pick<Task, 'id' | 'title' | 'points' | 'hints'>;

export interface Example {
  /** Path relative to the scenario folder. */
  readonly attempt: string;
  readonly passes: readonly string[];
  readonly messages: Readonly<Record<string, string>>;
}

export interface StartState {
  /** The project copied into the host's working directory (empty when the scenario has none). */
  readonly project: readonly ProjectEntry[];
  readonly images: readonly string[];
  readonly setup: readonly string[];
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly level: Level;
  readonly summary: string;
  readonly lesson: string;
  readonly start: StartState;
  readonly tasks: readonly Task[];
  readonly solution: string;
  readonly note: string;
  readonly examples: readonly Example[];
  /** The example attempts' texts by their path, when the source had them. */
  readonly exampleTexts: ReadonlyMap<string, string>;
}

/** One command of the attempt's log as the replay ran it. */
export interface LogEntry {
  readonly line: string;
  readonly exitCode: number;
  /** Virtual ms since the scenario started. */
  readonly at: number;
  readonly terminal: number;
}

export interface CheckResult {
  readonly passed: boolean;
  /** What was expected and what was found; "" when it passed and there is nothing to say. */
  readonly message: string;
}

/** What a check reads: the machine after the attempt, the command log, and a way to run probes on a copy. */
export interface CheckContext {
  readonly machine: Machine;
  readonly internals: MachineInternals;
  readonly log: readonly LogEntry[];
  /** Probes are skipped (counted as not run) when false: the live checklist in the page does without them. */
  readonly probes: boolean;
  /** A new headless machine holding a copy of the attempt's state, its running containers running again. */
  probeMachine(): Promise<Machine>;
  /** Evaluates another check in this context (for `not` and probe expectations). */
  evaluate(check: Check, on?: Machine): Promise<CheckResult>;
  /** The last successful `docker build` line that tagged REF, with the directory it ran in (for rebuild probes). */
  lastBuild(ref: string): { readonly line: string; readonly cwd: string } | undefined;
}

/** A check kind: how its options are read from YAML and how it is decided. One per file in checks/. */
export interface CheckKind<O = unknown> {
  readonly kind: string;
  /** True when it runs on a probe machine (skipped by a live checklist without probes). */
  readonly probe?: boolean;
  /** Validates the check's mapping (the kind key included); throws ScenarioError naming `path`. */
  parse(raw: Readonly<Record<string, unknown>>, path: string, parseCheck: (raw: unknown, path: string) => Check): O;
  evaluate(options: O, ctx: CheckContext): Promise<CheckResult> | CheckResult;
}

export interface TaskResult {
  readonly id: string;
  readonly title: string;
  readonly passed: boolean;
  readonly message: string;
}

export interface GradeResult {
  readonly attempt: string;
  readonly scenario: string;
  readonly score: number;
  readonly maxScore: number;
  readonly passed: boolean;
  readonly tasks: readonly TaskResult[];
}

export type AttemptEvent =
  | { readonly type: 'command'; readonly at?: number; readonly terminal: number; readonly line: string; readonly input?: string; readonly exitCode?: number; readonly endedAt?: number }
  | { readonly type: 'write'; readonly at?: number; readonly path: string; readonly content: string }
  | { readonly type: 'remove' | 'mkdir'; readonly at?: number; readonly path: string }
  | { readonly type: 'rename'; readonly at?: number; readonly path: string; readonly to: string }
  | { readonly type: 'hint'; readonly at?: number; readonly task: string }
  | { readonly type: 'solution' | 'reset'; readonly at?: number };

export interface Attempt {
  /** 'script' events have no times: the replay spaces them as `play` does. */
  readonly format: 'script' | 'json';
  readonly scenario?: string;
  readonly seed: number;
  readonly events: readonly AttemptEvent[];
}
