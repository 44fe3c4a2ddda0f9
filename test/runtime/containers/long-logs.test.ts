// Size (issue 9): a container that printed 10,000 lines. Slower than most tests, with no timing assertion.
import { describe, expect, it } from 'vitest';
import { createMachine, playScript } from '../../../engine/index.ts';

const LINES = 10_000;
const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}\n`).join('');

describe('size: 10,000 log lines', () => {
  it('docker logs prints them all, --tail the last few, and -f follows until the container exits', { timeout: 120_000 }, async () => {
    const machine = createMachine({ mode: 'headless' });
    const [run, logs, tail, follower, follow] = await playScript(
      machine,
      [
        `docker run --name counter alpine seq 1 ${LINES}`,
        'docker logs counter',
        'docker logs --tail 3 counter',
        // Still running when followed: the lines come after its sleep, and logs -f ends when it exits.
        `docker run -d --name late alpine sh -c "sleep 5; seq 1 ${LINES}"`,
        'docker logs -f late | wc -l',
      ].join('\n'),
    );
    expect(run!.stdout).toBe(numbers(1, LINES));
    expect(logs!.stdout).toBe(numbers(1, LINES));
    expect(tail!.stdout).toBe(numbers(LINES - 2, LINES));
    expect(follower!.exitCode).toBe(0);
    expect(follow!.stdout).toBe(`${LINES}\n`);
    const [state] = await playScript(machine, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' late");
    expect(state!.stdout).toBe('exited 0\n');
  });
});
