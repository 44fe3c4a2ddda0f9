// Size (issue 9): 1,000 containers on one machine. Slower than most tests, with no timing assertion.
import { describe, expect, it } from 'vitest';
import { createMachine, playScript } from '../../../engine/index.ts';

const COUNT = 1000;

describe('size: 1,000 containers', () => {
  it('run detached, are all listed by ps -a, and rm -f $(docker ps -aq) removes every one', { timeout: 300_000 }, async () => {
    const machine = createMachine({ mode: 'headless' });
    const started = await playScript(machine, Array.from({ length: COUNT }, (_, i) => `docker run -d --name c${i} alpine sleep 100000`).join('\n'));
    expect(started.filter((e) => e.exitCode === 0 && /^[0-9a-f]{64}\n$/.test(e.stdout))).toHaveLength(COUNT);
    const ids = started.map((e) => e.stdout.slice(0, 12));
    const [ps, quiet, removed, after] = await playScript(machine, ['docker ps -a', 'docker ps -aq', 'docker rm -f $(docker ps -aq)', 'docker ps -a'].join('\n'));
    const rows = ps!.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^CONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES$/);
    expect(rows).toHaveLength(COUNT + 1);
    // Newest first, as Docker lists them.
    expect(rows[1]).toMatch(new RegExp(`^${ids[COUNT - 1]}\\s+alpine\\s+"sleep 100000"\\s.*\\sUp .*\\sc${COUNT - 1}$`));
    expect(rows[COUNT]).toMatch(new RegExp(`^${ids[0]}\\s.*\\sc0$`));
    expect(quiet!.stdout).toBe([...ids].reverse().map((id) => `${id}\n`).join(''));
    expect(removed!.exitCode).toBe(0);
    expect(removed!.stdout).toBe(quiet!.stdout);
    expect(after!.stdout.trimEnd().split('\n')).toHaveLength(1);
  });
});
