import { describe, expect, it } from 'vitest';
import { grade, parseAttempt, parseScenario, startScenario } from '../../../engine/scenarios.ts';
import type { Terminal } from '../../../engine/api.ts';
import { scenarioSource } from '../../../bin/scenario-io.ts';
import { AttemptLog } from '../../../src/scenario/attempt-log.ts';
import { PROJECT_DIR, recordingMachine } from '../../../src/scenario/recording.ts';

const scenario = parseScenario(scenarioSource('test/scenario/fixtures', 'keep-data'));

async function run(terminal: Terminal, line: string): Promise<number> {
  return terminal.run(line, { stdout: () => {}, stderr: () => {} });
}

/** What the page records while a student works, exported as the teacher gets it. */
async function recordedAttempt(work: (t: Terminal, log: AttemptLog, save: (path: string, text: string) => void) => Promise<void>): Promise<string> {
  const machine = await startScenario(scenario, { mode: 'headless' });
  const log = new AttemptLog(scenario.id);
  log.begin(machine.clock.now());
  const recorded = recordingMachine(machine, log, () => {});
  await work(recorded.openTerminal(), log, (path, text) => recorded.hostFs.writeFile(`${PROJECT_DIR}/${path}`, text));
  return JSON.stringify(log.file(log.at(machine.clock.now())));
}

describe("the page's attempt export", () => {
  it('is an attempt the teacher’s grader reads, and the work in it earns full marks', async () => {
    const text = await recordedAttempt(async (t, _log, save) => {
      await run(t, 'docker run -d --name db -v data:/data/db mongo');
      // Written in the editor, not the shell: the export carries it as a write.
      save('NOTES.md', 'I used a named volume\n');
    });
    const attempt = parseAttempt(text);
    expect(attempt.format).toBe('json');
    expect(attempt.events.map((e) => e.type)).toEqual(['command', 'write']);
    const result = await grade(scenario, attempt);
    expect(result.tasks.map((t) => [t.id, t.passed, t.message])).toEqual([
      ['db-runs', true, ''],
      ['data-survives', true, ''],
      ['readme', true, ''],
    ]);
  });

  it('carries hints and the solution shown, which the grade counts', async () => {
    const text = await recordedAttempt(async (t, log) => {
      log.add({ type: 'hint', at: 0, task: 'db-runs' });
      log.add({ type: 'solution', at: 0 });
      await run(t, 'docker run -d --name db -v data:/data/db mongo');
    });
    const result = await grade(scenario, parseAttempt(text));
    expect(result.passed).toBe(false);
    expect(result.tasks.find((t) => t.id === 'db-runs')?.message).toMatch(/solution shown/);
  });
});
