import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { startHealthMonitor, type HealthExec, type HealthState } from '../../../engine/runtime/containers/health-monitor.ts';

const S = 1_000_000_000;

async function run(clock: VirtualClock, ms: number) {
  for (let t = 0; t < ms; t += 100) {
    clock.advance(100);
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

function monitor(results: number[], config: object, exec?: HealthExec) {
  const clock = new VirtualClock(0);
  const seen: HealthState[] = [];
  const cmds: (readonly string[])[] = [];
  let i = 0;
  const m = startHealthMonitor({
    clock,
    config,
    test: ['CMD-SHELL', 'curl -f localhost'],
    exec:
      exec ??
      (async (cmd) => {
        cmds.push(cmd);
        return { exitCode: results[Math.min(i++, results.length - 1)]!, output: `probe ${i}\n` };
      }),
    onChange: (s) => seen.push(s),
  });
  return { clock, m, seen, cmds };
}

describe('the health monitor', () => {
  it('runs CMD-SHELL through /bin/sh -c every interval; healthy on exit 0, unhealthy after retries failures', async () => {
    const t = monitor([0, 1, 1, 1], { Interval: 2 * S, Retries: 3 });
    expect(t.m.state().Status).toBe('starting');
    await run(t.clock, 2_000);
    expect(t.cmds[0]).toEqual(['/bin/sh', '-c', 'curl -f localhost']);
    expect(t.m.state()).toMatchObject({ Status: 'healthy', FailingStreak: 0 });
    await run(t.clock, 4_000);
    expect(t.m.state()).toMatchObject({ Status: 'healthy', FailingStreak: 2 });
    await run(t.clock, 2_000);
    expect(t.m.state()).toMatchObject({ Status: 'unhealthy', FailingStreak: 3 });
    expect(t.m.state().Log.map((p) => p.ExitCode)).toEqual([0, 1, 1, 1]);
    t.m.stop();
  });

  it('does not count failures during the start period, and probes at the start interval meanwhile', async () => {
    const t = monitor([1], { Interval: 30 * S, StartPeriod: 10 * S, StartInterval: 1 * S, Retries: 1 });
    await run(t.clock, 5_000);
    expect(t.cmds.length).toBe(5);
    expect(t.m.state()).toMatchObject({ Status: 'starting', FailingStreak: 0 });
    await run(t.clock, 6_000);
    expect(t.m.state().Status).toBe('unhealthy');
    t.m.stop();
  });

  it('kills a probe at the timeout and records Docker\'s message; keeps only the last five results', async () => {
    const hang: HealthExec = (_cmd, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve({ exitCode: 137, output: '' })));
    const t = monitor([], { Interval: 1 * S, Timeout: 2 * S, Retries: 100 }, hang);
    await run(t.clock, 3_000);
    expect(t.m.state().Log[0]).toMatchObject({ ExitCode: -1, Output: 'Health check exceeded timeout (2s)' });
    await run(t.clock, 20_000);
    expect(t.m.state().Log).toHaveLength(5);
    t.m.stop();
  });
});
