// A teacher grades a class's attempts in one go: attempts graded per second for the capstone scenario (its solution
// and its example attempts, round robin), each a full replay with its probes on copies of the machine. Measured in
// this thread, and through `dockyard grade`'s worker threads (one per processor) as a teacher runs it.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { useNodeSha256 } from '../../bin/node-sha256.ts';
import { loadScenario, type GradeJob } from '../../bin/scenario-jobs.ts';
import { runJobs } from '../../bin/scenario-pool.ts';
import { parseAttempt } from '../../engine/scenario/attempt.ts';
import { unfreedRuntimes } from '../../engine/programs/js/quickjs.ts';
import { grade } from '../../engine/scenario/grade.ts';
import { atLeast, type Figure } from './figure.ts';

export const area = 'grading';

useNodeSha256();

const SCENARIOS = fileURLToPath(new URL('../../scenarios', import.meta.url));
const ID = 'capstone-notes-api';

export default async function bench(opts: { smoke: boolean }): Promise<Figure[]> {
  const scenario = loadScenario(SCENARIOS, ID);
  const texts = [scenario.solution, ...scenario.examples.map((e) => readFileSync(`${SCENARIOS}/${ID}/${e.attempt}`, 'utf8'))];
  // The first grade loads the programs, the registry and QuickJS: what a teacher waits for once per run.
  await grade(scenario, parseAttempt(texts[0]!));
  const count = opts.smoke ? 2 : Math.max(10, texts.length * 2);
  let started = performance.now();
  for (let i = 0; i < count; i++) await grade(scenario, parseAttempt(texts[i % texts.length]!));
  const oneThread = (performance.now() - started) / count;
  // Grades share one QuickJS module: a runtime left behind would make the next grade depend on this one.
  if (unfreedRuntimes() > 0) throw new Error(`${unfreedRuntimes()} QuickJS runtimes could not be freed while grading`);

  // A class: each attempt text graded as its own file would be, workers started (and warmed) inside the figure.
  const workers = availableParallelism();
  const jobs: GradeJob[] = Array.from({ length: opts.smoke ? 2 : count * workers }, (_, i) => ({ kind: 'grade', dir: SCENARIOS, id: ID, name: `attempt-${i}`, text: texts[i % texts.length]! }));
  started = performance.now();
  const outcomes = await runJobs(jobs, workers);
  const pooled = jobs.length / ((performance.now() - started) / 1000);
  const failed = outcomes.find((o) => 'error' in o);
  if (failed && 'error' in failed) throw new Error(`grading failed: ${failed.error}`);
  return [
    { name: `${ID}: one attempt graded, one thread`, value: oneThread, unit: 'ms' },
    { name: `${ID}: attempts graded per second (${workers} threads)`, value: pooled, unit: 'attempts/s', target: atLeast(50) },
  ];
}
