import { beforeAll, describe, expect, it } from 'vitest';
import { check, stateAfter, type State } from './helpers.ts';

describe('volume and anonymousVolumes checks', () => {
  let state: State;
  beforeAll(async () => {
    state = await stateAfter(['docker run --name writer -v data:/data alpine sh -c "echo hi > /data/note.txt"', 'docker run --name anon -v /cache alpine true'].join('\n'));
  }, 120_000);

  it('finds a volume and its files', async () => {
    expect((await check({ volume: 'data', holds: 'note.txt' }, state)).passed).toBe(true);
    expect((await check({ volume: 'data', holds: '/other.txt' }, state)).message).toBe('volume data holds no /other.txt');
    expect((await check({ volume: 'gone' }, state)).message).toBe('there is no volume named gone');
    expect((await check({ volume: 'gone', exists: false }, state)).passed).toBe(true);
    expect((await check({ volume: 'data', exists: false }, state)).message).toBe('volume data still exists');
  });

  it('counts anonymous volumes', async () => {
    expect((await check({ anonymousVolumes: { max: 1 } }, state)).passed).toBe(true);
    expect((await check({ anonymousVolumes: { max: 0 } }, state)).message).toMatch(/^there is 1 anonymous volume; expected at most 0/);
  });
});
