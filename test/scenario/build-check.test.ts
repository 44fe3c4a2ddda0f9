import { beforeAll, describe, expect, it } from 'vitest';
import { check, stateAfter, type State } from './helpers.ts';

describe('build check', () => {
  let state: State;
  beforeAll(async () => {
    state = await stateAfter(
      ['docker build -q -t app .', "echo 'two' > b.txt", 'docker build -q -t app .', "printf 'FROM alpine\\nRUN false\\n' > Dockerfile.bad", 'docker build -q -f Dockerfile.bad -t bad .'].join('\n'),
      [
        { path: 'Dockerfile', type: 'file', content: 'FROM alpine\nCOPY a.txt /a.txt\nRUN echo built > /built\nCOPY b.txt /b.txt\n' },
        { path: 'a.txt', type: 'file', content: 'one\n' },
        { path: 'b.txt', type: 'file', content: 'one\n' },
      ],
    );
  }, 120_000);

  it('reads the last build that tagged the image, step by step', async () => {
    expect((await check({ build: { tag: 'app', step: '^RUN echo built', cached: true } }, state)).passed).toBe(true);
    expect((await check({ build: { tag: 'app:latest', step: 'COPY b.txt', cached: false } }, state)).passed).toBe(true);
    expect((await check({ build: { tag: 'app', step: 'COPY b.txt', cached: true } }, state)).message).toBe(
      'in the last build of app, COPY b.txt /b.txt was not CACHED (it ran again); expected it CACHED',
    );
    expect((await check({ build: { tag: 'app', step: 'npm' } }, state)).message).toBe('the last build of app has no step matching /npm/');
    expect((await check({ build: { tag: 'other', succeeded: true } }, state)).message).toBe('no build tagged other');
  });

  it('tells a failed build', async () => {
    expect((await check({ build: { tag: 'app', succeeded: true } }, state)).passed).toBe(true);
    expect((await check({ build: { tag: 'bad', succeeded: true } }, state)).message).toMatch(/^the last build of bad failed: /);
  });
});
