// Grades in one process share one QuickJS module: a grade must leave nothing running in it, or the next attempt's
// grade could depend on this one. The capstone found it: its machines were dropped with mongod and the app still
// running, and the next attempt's backend could not be freed (after a few more grades, tasks flipped).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioSource } from '../../bin/scenario-io.ts';
import { unfreedRuntimes } from '../../engine/programs/js/quickjs.ts';
import { parseAttempt } from '../../engine/scenario/attempt.ts';
import { grade } from '../../engine/scenario/grade.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';

const SCENARIOS = fileURLToPath(new URL('../../scenarios', import.meta.url));

describe('grading one attempt after another', () => {
  it('leaves no runtime behind, so the next grade starts as the first did', async () => {
    const scenario = parseScenario(scenarioSource(SCENARIOS, 'capstone-notes-api'), 'capstone-notes-api');
    const example = scenario.examples.find((e) => e.attempt === 'attempts/naive-dockerfile.sh')!;
    const text = readFileSync(`${SCENARIOS}/capstone-notes-api/${example.attempt}`, 'utf8');
    const before = unfreedRuntimes();
    expect((await grade(scenario, parseAttempt(scenario.solution))).passed).toBe(true);
    const after = await grade(scenario, parseAttempt(text));
    expect(after.tasks.filter((t) => t.passed).map((t) => t.id)).toEqual([...example.passes]);
    expect(unfreedRuntimes() - before).toBe(0);
  }, 240_000);
});
