import { describe, expect, it } from 'vitest';
import { parseAttempt } from '../../engine/scenario/attempt.ts';
import { AttemptRecorder } from '../../engine/scenario/recorder.ts';

class FakeClock {
  constructor(public t: number) {}
  now() {
    return this.t;
  }
}

describe('AttemptRecorder', () => {
  it('records events with virtual times and round-trips through parseAttempt', () => {
    const clock = new FakeClock(1_000_000);
    const r = new AttemptRecorder('demo', { seed: 4, clock });
    clock.t += 1500;
    const run = r.command(0, 'docker run --name db mongo');
    clock.t += 2000;
    r.write('Dockerfile', 'FROM node\n');
    const ps = r.command(1, 'cat');
    ps.input('hello\n');
    clock.t += 100;
    ps.end(0);
    r.rename('a', 'b');
    r.mkdir('src');
    r.remove('old.txt');
    r.hint('db');
    clock.t += 10_000;
    run.end(130);
    r.solution();
    expect(r.solutionShown).toBe(true);
    const attempt = parseAttempt(r.serialize());
    expect(attempt).toEqual({
      format: 'json',
      scenario: 'demo',
      seed: 4,
      events: [
        { type: 'command', at: 1500, terminal: 0, line: 'docker run --name db mongo', exitCode: 130, endedAt: 13_600 },
        { type: 'write', at: 3500, path: 'Dockerfile', content: 'FROM node\n' },
        { type: 'command', at: 3500, terminal: 1, line: 'cat', input: 'hello\n', exitCode: 0, endedAt: 3600 },
        { type: 'rename', at: 3600, path: 'a', to: 'b' },
        { type: 'mkdir', at: 3600, path: 'src' },
        { type: 'remove', at: 3600, path: 'old.txt' },
        { type: 'hint', at: 3600, task: 'db' },
        { type: 'solution', at: 13_600 },
      ],
    });
  });

  it('keeps counting across a reset onto a new machine clock', () => {
    const first = new FakeClock(50_000);
    const r = new AttemptRecorder('demo', { seed: 0, clock: first });
    first.t += 4000;
    r.reset(new FakeClock(10));
    r.command(0, 'ls').end(0);
    expect(r.events.map((e) => e.at)).toEqual([4000, 4000]);
  });
});
