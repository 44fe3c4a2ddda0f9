import { beforeAll, describe, expect, it } from 'vitest';
import { check, stateAfter, type State } from './helpers.ts';

describe('diskUsage check', () => {
  let state: State;
  beforeAll(async () => {
    state = await stateAfter('docker pull -q alpine\ndocker run --name writer -v data:/data alpine sh -c "seq 1 20000 > /data/s; seq 1 10000 > /z"');
  }, 120_000);

  it('limits what docker system df counts, row by row and in total', async () => {
    expect((await check({ diskUsage: { images: { max: '20MB' }, total: { max: '20MB' } } }, state)).passed).toBe(true);
    expect((await check({ diskUsage: { images: { max: '1MB' } } }, state)).message).toMatch(/^images take \d+(\.\d+)?MB on disk \(docker system df\); expected at most 1MB$/);
    expect((await check({ diskUsage: { volumes: { max: '50kB' } } }, state)).message).toBe('local volumes take 108.9kB on disk (docker system df); expected at most 50kB');
    expect((await check({ diskUsage: { containers: { max: '10kB' } } }, state)).message).toBe('containers take 48.89kB on disk (docker system df); expected at most 10kB');
    expect((await check({ diskUsage: { buildCache: { max: 0 } } }, state)).passed).toBe(true);
  });
});
