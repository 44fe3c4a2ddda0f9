import { beforeAll, describe, expect, it } from 'vitest';
import { check, stateAfter, type State } from './helpers.ts';

describe('command and not checks', () => {
  let state: State;
  beforeAll(async () => {
    state = await stateAfter(['docker ps', 'docker ps -a', 'docker nosuch', 'echo done'].join('\n'));
  }, 60_000);

  it('counts matching command lines', async () => {
    expect((await check({ command: '^docker ps' }, state)).passed).toBe(true);
    expect((await check({ command: '^docker ps', count: { min: 2, max: 2 } }, state)).passed).toBe(true);
    expect((await check({ command: '^docker ps', count: { max: 1 } }, state)).message).toBe('2 commands matching /^docker ps/ ran; expected at most 1');
    expect((await check({ command: '^docker nosuch', exitCode: 0 }, state)).message).toBe('no command exiting with 0 matching /^docker nosuch/ was run');
    expect((await check({ command: '^docker nosuch', exitCode: 1 }, state)).passed).toBe(true);
    expect((await check({ command: 'docker rm', count: { min: 3 } }, state)).message).toBe('0 command matching /docker rm/ ran; expected at least 3');
  });

  it('inverts a check with its own message', async () => {
    expect(await check({ not: { command: 'docker rm' }, message: 'no rm' }, state)).toEqual({ passed: true, message: '' });
    expect(await check({ not: { command: 'echo' }, message: 'Do not echo.' }, state)).toEqual({ passed: false, message: 'Do not echo.' });
  });
});
