import { describe, expect, it } from 'vitest';
import { parseAttempt, serializeAttempt } from '../../engine/scenario/attempt.ts';
import { grade, SOLUTION_SHOWN } from '../../engine/scenario/grade.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import type { AttemptEvent } from '../../engine/scenario/types.ts';

const scenario = parseScenario(
  {
    yaml: `id: box
title: A box with a volume
level: beginner
summary: Run a box with its data in a volume.
lesson: Run it.
start:
  project: project
  images: [alpine]
  setup: [docker volume create scratch]
tasks:
  - id: box
    title: Run container box with a named volume at /data
    points: 2
    checks:
      - container: box
        running: true
        mount: { target: /data }
    mistakes:
      - check: { container: box, mount: { target: /srv } }
        message: The volume is at /srv; the box keeps its data in /data.
  - id: config
    title: Set the greeting in config.txt
    checks:
      - file: config.txt
        contains: hello
solution: |
  docker run -d --name box -v data:/data alpine sleep 1000
  echo hello > config.txt
note: A test scenario.
`,
    files: new Map([['project/config.txt', 'greeting=\n']]),
  },
  'box',
);

const json = (events: readonly AttemptEvent[]) => parseAttempt(serializeAttempt({ scenario: 'box', seed: 0, events }));

describe('grade', () => {
  it('gives the solution full marks and an empty attempt none', async () => {
    const solution = await grade(scenario, parseAttempt(scenario.solution), { name: 'solution' });
    expect(solution).toEqual({
      attempt: 'solution',
      scenario: 'box',
      score: 3,
      maxScore: 3,
      passed: true,
      tasks: [
        { id: 'box', title: 'Run container box with a named volume at /data', passed: true, message: '' },
        { id: 'config', title: 'Set the greeting in config.txt', passed: true, message: '' },
      ],
    });
    const empty = await grade(scenario, parseAttempt(''));
    expect(empty.score).toBe(0);
    expect(empty.tasks.map((t) => t.message)).toEqual(['there is no container named box (there are no containers)', 'config.txt does not contain "hello"']);
  }, 60_000);

  it('shows the first matching mistake, and is the same every time', async () => {
    const attempt = parseAttempt('docker run -d --name box -v data:/srv alpine sleep 1000\n');
    const first = await grade(scenario, attempt);
    expect(first.tasks[0]!.message).toBe('The volume is at /srv; the box keeps its data in /data.');
    expect(JSON.stringify(await grade(scenario, attempt))).toBe(JSON.stringify(first));
  }, 60_000);

  it('replays editor saves, times and a command left running in another terminal', async () => {
    const result = await grade(
      scenario,
      json([
        { type: 'command', at: 1_000, terminal: 0, line: 'docker run --name box -v data:/data alpine sleep 1000', exitCode: 130, endedAt: 50_000 },
        { type: 'write', at: 5_000, path: 'config.txt', content: 'greeting=hello\n' },
        { type: 'command', at: 6_000, terminal: 1, line: 'docker ps', exitCode: 0, endedAt: 6_100 },
      ]),
    );
    // The foreground `docker run` is still attached when the attempt ends; grading sees the box running then.
    expect(result.tasks.map((t) => t.passed)).toEqual([true, true]);
  }, 60_000);

  it('keeps credit only for tasks done before the solution was shown, and starts over on reset', async () => {
    const shown = await grade(
      scenario,
      json([
        { type: 'write', at: 1_000, path: 'config.txt', content: 'hello\n' },
        { type: 'solution', at: 2_000 },
        { type: 'command', at: 3_000, terminal: 0, line: 'docker run -d --name box -v data:/data alpine sleep 1000', exitCode: 0 },
      ]),
    );
    expect(shown.tasks.map((t) => [t.passed, t.message])).toEqual([
      [false, SOLUTION_SHOWN],
      [true, ''],
    ]);
    const reset = await grade(
      scenario,
      json([
        { type: 'write', at: 1_000, path: 'config.txt', content: 'hello\n' },
        { type: 'reset', at: 2_000 },
        { type: 'command', at: 3_000, terminal: 0, line: 'docker run -d --name box -v data:/data alpine sleep 1000', exitCode: 0 },
      ]),
    );
    expect(reset.tasks.map((t) => t.passed)).toEqual([true, false]);
  }, 60_000);
});
