import { beforeAll, describe, expect, it } from 'vitest';
import { check, stateAfter, type State } from './helpers.ts';

const DOCKERFILE = ['FROM alpine', 'RUN mkdir -p /app && echo built > /app/built', 'COPY hello.txt /app/', 'USER nobody', 'EXPOSE 3000', 'CMD ["cat", "/app/hello.txt"]', ''].join('\n');

describe('image check', () => {
  let state: State;
  beforeAll(async () => {
    state = await stateAfter('docker pull -q alpine\ndocker build -q -t hello .', [
      { path: 'Dockerfile', type: 'file', content: DOCKERFILE },
      { path: 'hello.txt', type: 'file', content: 'hi\n' },
    ]);
  }, 120_000);

  it('reads the image config', async () => {
    expect(await check({ image: 'hello', user: 'nobody', cmd: ['cat', '/app/hello.txt'], exposes: 3000, from: 'alpine' }, state)).toEqual({ passed: true, message: '' });
    expect((await check({ image: 'hello', user: 'root' }, state)).message).toBe('image hello runs as user nobody; expected user root');
    expect((await check({ image: 'hello', exposes: 8080 }, state)).message).toBe('image hello does not expose 8080/tcp (it exposes 3000/tcp)');
    expect((await check({ image: 'hello', entrypoint: ['sh'] }, state)).message).toBe('image hello has ENTRYPOINT []; expected ["sh"]');
    expect((await check({ image: 'hello', from: 'hello' }, state)).passed).toBe(true);
  });

  it('counts layers as docker history does and compares sizes', async () => {
    // alpine's one layer, RUN mkdir, COPY.
    expect((await check({ image: 'hello', maxLayers: 3, minLayers: 3 }, state)).passed).toBe(true);
    expect((await check({ image: 'hello', maxLayers: 2 }, state)).message).toBe('image hello has 3 layers; expected at most 2');
    expect((await check({ image: 'hello', maxSize: '100MB' }, state)).passed).toBe(true);
    expect((await check({ image: 'hello', maxSize: '1MB' }, state)).message).toMatch(/^image hello is \d+(\.\d+)?MB; expected at most 1MB$/);
  });

  it('looks for files in the image', async () => {
    expect((await check({ image: 'hello', hasFile: '/app/hello.txt', lacksFile: '/app/Dockerfile' }, state)).passed).toBe(true);
    expect((await check({ image: 'hello', hasFile: '/app/missing' }, state)).message).toBe('image hello has no /app/missing');
    expect((await check({ image: 'hello', lacksFile: '/app/hello.txt' }, state)).message).toBe('image hello contains /app/hello.txt; expected it not to');
  });

  it('checks existence', async () => {
    expect((await check({ image: 'nope' }, state)).message).toBe('there is no image nope');
    expect((await check({ image: 'nope', exists: false }, state)).passed).toBe(true);
    expect((await check({ image: 'hello', exists: false }, state)).message).toBe('image hello still exists');
  });
});
