import { beforeAll, describe, expect, it } from 'vitest';
import { check, stateAfter, type State } from './helpers.ts';

describe('file check', () => {
  let state: State;
  beforeAll(async () => {
    state = await stateAfter(
      [
        "printf 'PORT=3000\\n' > .env",
        'docker volume create data',
        'docker run -d --name box -v data:/data alpine sh -c "echo saved > /data/a.txt; echo layer > /tmp/b.txt; sleep 1000"',
        'docker run --name stopped alpine sh -c "echo x > /c.txt"',
      ].join('\n'),
    );
  }, 120_000);

  it('reads host files relative to the project', async () => {
    expect((await check({ file: '.env', contains: 'PORT=3000', matches: '^PORT=\\d+$', equals: 'PORT=3000' }, state)).passed).toBe(true);
    expect((await check({ file: '.env', contains: 'PORT=80' }, state)).message).toBe('.env does not contain "PORT=80"');
    expect((await check({ file: 'missing.txt' }, state)).message).toBe('missing.txt does not exist');
    expect((await check({ file: 'missing.txt', exists: false }, state)).passed).toBe(true);
    expect((await check({ file: '/home/student/project/.env', matches: 'PORT' }, state)).passed).toBe(true);
  });

  it('reads files in containers, running or not, mounts included', async () => {
    expect((await check({ file: { container: 'box', path: '/data/a.txt' }, equals: 'saved\n' }, state)).passed).toBe(true);
    expect((await check({ file: { container: 'box', path: '/tmp/b.txt' }, contains: 'layer' }, state)).passed).toBe(true);
    expect((await check({ file: { container: 'stopped', path: '/c.txt' } }, state)).passed).toBe(true);
    expect((await check({ file: { container: 'box', path: '/nope' } }, state)).message).toBe('/nope in container box does not exist');
    expect((await check({ file: { container: 'ghost', path: '/x' } }, state)).message).toBe('there is no container named ghost to look for /x in');
  });
});
