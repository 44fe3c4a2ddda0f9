// A teacher grades a class's attempts in one go: attempts graded per second for the capstone scenario (its solution
// and its example attempts, round robin), each a full replay with its probes on copies of the machine.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setSha256 } from '../../engine/fs/digest.ts';
import { parseAttempt } from '../../engine/scenario/attempt.ts';
import { grade } from '../../engine/scenario/grade.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import type { Attempt } from '../../engine/scenario/types.ts';
import { scenarioSource } from '../../bin/scenario-io.ts';
import { atLeast, type Figure } from './figure.ts';

export const area = 'grading';

// As the dockyard command line does: Node's own SHA-256.
setSha256(() => {
  const hash = createHash('sha256');
  return { update: (data: Uint8Array) => void hash.update(data), hex: () => hash.digest('hex') };
});

const SCENARIOS = fileURLToPath(new URL('../../scenarios', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../scenario/fixtures', import.meta.url));

export default async function bench(opts: { smoke: boolean }): Promise<Figure[]> {
  // The capstone once it is in scenarios/; until then the engine's own fixture (MongoDB with a volume and a probe).
  const [root, id] = existsSync(`${SCENARIOS}/capstone-notes-api/scenario.yaml`) ? [SCENARIOS, 'capstone-notes-api'] : [FIXTURES, 'keep-data'];
  const scenario = parseScenario(scenarioSource(root, id), id);
  const attempts: Attempt[] = [parseAttempt(scenario.solution), ...scenario.examples.map((e) => parseAttempt(readFileSync(`${root}/${id}/${e.attempt}`, 'utf8')))];
  // The first grade loads the programs, the registry and QuickJS: what a teacher waits for once per run.
  await grade(scenario, attempts[0]!);
  const count = opts.smoke ? 2 : Math.max(10, attempts.length * 2);
  const started = performance.now();
  for (let i = 0; i < count; i++) await grade(scenario, attempts[i % attempts.length]!);
  const seconds = (performance.now() - started) / 1000;
  return [{ name: `${id}: attempts graded per second`, value: count / seconds, unit: 'attempts/s', target: atLeast(50) }];
}
