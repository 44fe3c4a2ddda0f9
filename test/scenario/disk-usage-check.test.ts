import { beforeAll, describe, expect, it } from 'vitest';
import { parseCheck } from '../../engine/scenario/checks/index.ts';
import { check, stateAfter, type State } from './helpers.ts';

describe('diskUsage check', () => {
  let state: State;
  beforeAll(async () => {
    state = await stateAfter(['docker pull alpine', 'docker run --name writer -v data:/data alpine sh -c "echo hi > /data/note.txt"'].join('\n'));
  }, 120_000);

  it('compares what docker system df shows with the limits', async () => {
    expect((await check({ diskUsage: { total: { max: '10MB' } } }, state)).passed).toBe(true);
    expect((await check({ diskUsage: { images: { max: '9MB' }, buildCache: { max: 0 } } }, state)).passed).toBe(true);
    expect((await check({ diskUsage: { total: { max: '1MB' } } }, state)).message).toBe(
      'docker system df adds up to 8.309MB; expected at most 1MB (Images 8.309MB, Containers 0B, Local Volumes 3B, Build Cache 0B)',
    );
    expect((await check({ diskUsage: { volumes: { max: '2B' } } }, state)).message).toMatch(/^docker system df shows Local Volumes at 3B; expected at most 2B/);
  });

  it('counts what is left after a removal', async () => {
    const after = await stateAfter(['docker pull alpine', 'docker rmi alpine'].join('\n'));
    expect((await check({ diskUsage: { total: { max: 0 } } }, after)).passed).toBe(true);
  });

  it('needs a limit and a size docker would print', () => {
    expect(() => parseCheck({ diskUsage: {} }, 'c')).toThrow('c.diskUsage: needs at least one limit (images, containers, volumes, buildCache, total)');
    expect(() => parseCheck({ diskUsage: { total: { max: 'lots' } } }, 'c')).toThrow(/c\.diskUsage\.total\.max: invalid size "lots"/);
    expect(() => parseCheck({ diskUsage: { disk: { max: 1 } } }, 'c')).toThrow(/c\.diskUsage: unknown field "disk"/);
  });
});
