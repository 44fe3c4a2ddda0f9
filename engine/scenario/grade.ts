import { evaluate } from './evaluate.ts';
import { replayAttempt } from './replay.ts';
import { startScenario } from './start.ts';
import type { Attempt, GradeResult, Scenario, TaskResult } from './types.ts';

export const SOLUTION_SHOWN = 'solution shown before this task was done';

export interface GradeOptions {
  /** What the result calls the attempt (its file name); "attempt" by default. */
  readonly name?: string;
}

/**
 * Grades an attempt: a pure function of (scenario, attempt). The attempt is replayed on a fresh machine in the
 * scenario's start state, then every task is decided, probes included.
 */
export async function grade(scenario: Scenario, attempt: Attempt, options: GradeOptions = {}): Promise<GradeResult> {
  let passedAtSolution: Set<string> | undefined;
  const { machine, log } = await replayAttempt(attempt, {
    start: () => startScenario(scenario, { seed: attempt.seed, mode: 'interactive' }),
    onSolution: async (m, log) => {
      if (passedAtSolution) return;
      const results = await evaluate(scenario, m, log, { probes: false });
      passedAtSolution = new Set(results.filter((r) => r.passed).map((r) => r.id));
    },
  });
  const results = await evaluate(scenario, machine, log, { probes: true });
  machine.shutdown();
  const tasks: TaskResult[] = results.map((r) => {
    if (passedAtSolution && !passedAtSolution.has(r.id)) return { id: r.id, title: r.title, passed: false, message: SOLUTION_SHOWN };
    return { id: r.id, title: r.title, passed: r.passed, message: r.message };
  });
  const points = new Map(scenario.tasks.map((t) => [t.id, t.points]));
  const score = tasks.reduce((n, t) => n + (t.passed ? points.get(t.id)! : 0), 0);
  const maxScore = scenario.tasks.reduce((n, t) => n + t.points, 0);
  return { attempt: options.name ?? 'attempt', scenario: scenario.id, score, maxScore, passed: tasks.every((t) => t.passed), tasks };
}
