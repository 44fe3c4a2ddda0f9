// The work behind `dockyard check` and `grade`, one scenario or attempt at a time: each job is a pure function of
// files on disk, so it can run in this thread or in a worker (scenario-pool.ts) with the same result.
import { parseAttempt } from '../engine/scenario/attempt.ts';
import { AttemptError, ScenarioError } from '../engine/scenario/errors.ts';
import { grade } from '../engine/scenario/grade.ts';
import { parseScenario } from '../engine/scenario/parse.ts';
import { StartError } from '../engine/scenario/start.ts';
import type { GradeResult, Scenario } from '../engine/scenario/types.ts';
import { scenarioSource } from './scenario-io.ts';

/** Grade one attempt (its text already read) on scenario `id` of `dir`. */
export interface GradeJob {
  readonly kind: 'grade';
  readonly dir: string;
  readonly id: string;
  readonly name: string;
  readonly text: string;
}

/** Prove scenario `id` of `dir`: valid, its solution scores full marks, an empty attempt fails, examples as declared. */
export interface ProveJob {
  readonly kind: 'prove';
  readonly dir: string;
  readonly id: string;
}

export type ScenarioJob = GradeJob | ProveJob;

export type GradeOutcome = { readonly result: GradeResult } | { readonly error: string };
export interface ProveOutcome {
  /** The scenario's task count when it loaded. */
  readonly tasks?: number;
  readonly failures: readonly string[];
}

export type JobOutcome<J extends ScenarioJob> = J extends GradeJob ? GradeOutcome : ProveOutcome;

export async function runJob<J extends ScenarioJob>(job: J): Promise<JobOutcome<J>> {
  return (job.kind === 'grade' ? await gradeJob(job) : await proveJob(job)) as JobOutcome<J>;
}

/** Why loading or running a scenario failed, in one line: a teacher gets a message, never a stack trace. */
export function problem(e: unknown): string {
  if (e instanceof ScenarioError || e instanceof AttemptError || e instanceof StartError) return e.message;
  if (e instanceof Error && (e as NodeJS.ErrnoException).syscall !== undefined) return e.message;
  if (e instanceof Error && /^no scenario /.test(e.message)) return e.message;
  // An engine bug: say so plainly, go on with the next scenario or attempt.
  return `internal error: ${e instanceof Error ? e.message : String(e)}`;
}

// A worker grades many attempts of one scenario: it reads and validates the scenario once.
const loaded = new Map<string, Scenario>();

export function loadScenario(dir: string, id: string): Scenario {
  const key = `${dir}\0${id}`;
  let scenario = loaded.get(key);
  if (!scenario) loaded.set(key, (scenario = parseScenario(scenarioSource(dir, id), id)));
  return scenario;
}

async function gradeJob(job: GradeJob): Promise<GradeOutcome> {
  try {
    const scenario = loadScenario(job.dir, job.id);
    const attempt = parseAttempt(job.text);
    if (attempt.scenario !== undefined && attempt.scenario !== scenario.id) throw new AttemptError('scenario', `this attempt is for scenario "${attempt.scenario}", not "${scenario.id}"`);
    return { result: await grade(scenario, attempt, { name: job.name }) };
  } catch (e) {
    return { error: problem(e) };
  }
}

async function proveJob(job: ProveJob): Promise<ProveOutcome> {
  let scenario: Scenario;
  try {
    scenario = loadScenario(job.dir, job.id);
  } catch (e) {
    return { failures: [problem(e)] };
  }
  const failures: string[] = [];
  try {
    const solution = await grade(scenario, parseAttempt(scenario.solution), { name: 'solution' });
    if (!solution.passed) failures.push(`solution: scores ${solution.score}/${solution.maxScore}: ${failed(solution)}`);
    const empty = await grade(scenario, parseAttempt(''), { name: 'empty' });
    if (empty.passed || empty.score > 0) failures.push(`an empty attempt scores ${empty.score}/${empty.maxScore}; it must fail every task`);
    for (const [i, example] of scenario.examples.entries()) {
      const result = await grade(scenario, parseAttempt(scenario.exampleTexts.get(example.attempt)!), { name: example.attempt });
      const passed = result.tasks.filter((t) => t.passed).map((t) => t.id);
      const want = [...example.passes].sort();
      if (passed.slice().sort().join(',') !== want.join(',')) {
        const why = result.passed ? '' : ` (${failed(result)})`;
        failures.push(`examples[${i}] (${example.attempt}): passes [${passed.join(', ')}], declared [${example.passes.join(', ')}]${why}`);
      }
      for (const [task, text] of Object.entries(example.messages)) {
        const message = result.tasks.find((t) => t.id === task)?.message ?? '';
        if (!message.includes(text)) failures.push(`examples[${i}] (${example.attempt}): ${task}'s message ${JSON.stringify(message)} does not contain ${JSON.stringify(text)}`);
      }
    }
  } catch (e) {
    failures.push(problem(e));
  }
  return { tasks: scenario.tasks.length, failures };
}

function failed(result: GradeResult): string {
  return result.tasks
    .filter((t) => !t.passed)
    .map((t) => `${t.id}: ${t.message}`)
    .join('; ');
}
