import { describe, expect, it } from 'vitest';
import { catalogRunner } from './runner.ts';

describe('docker logs --since/--until', () => {
  it('picks lines by time, relative to the virtual clock', async () => {
    const run = catalogRunner();
    await run("docker run -d --name tick alpine sh -c 'for i in 1 2 3 4; do echo tick $i; sleep 60; done'");
    await run('sleep 200');
    expect((await run('docker logs --since 90s tick')).stdout).toBe('tick 3\ntick 4\n');
    expect((await run('docker logs --until 100s tick')).stdout).toBe('tick 1\ntick 2\n');
    const stamps = (await run('docker logs -t tick')).stdout.split('\n').map((l) => l.split(' ')[0]);
    expect((await run(`docker logs --since ${stamps[1]} --until ${stamps[2]} tick`)).stdout).toBe('tick 2\ntick 3\n');
  });

  it('refuses a value it cannot read', async () => {
    const run = catalogRunner();
    await run('docker create --name job alpine true');
    expect(await run('docker logs --since yesterday job')).toEqual({
      stdout: '',
      stderr: 'invalid value for "since": failed to parse value as time or duration: "yesterday"\n',
      exitCode: 1,
    });
  });
});
