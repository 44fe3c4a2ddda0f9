import { beforeAll, describe, expect, it } from 'vitest';
import { check, stateAfter, type State } from './helpers.ts';

describe('network check', () => {
  let state: State;
  beforeAll(async () => {
    state = await stateAfter(['docker network create appnet', 'docker create --name alpha --network appnet alpine', 'docker create --name beta alpine'].join('\n'));
  }, 120_000);

  it('checks a network, its driver and its members', async () => {
    expect((await check({ network: 'appnet', driver: 'bridge', containers: ['alpha'] }, state)).passed).toBe(true);
    expect((await check({ network: 'appnet', containers: ['alpha', 'beta'] }, state)).message).toBe('container beta is not on network appnet');
    expect((await check({ network: 'host', driver: 'bridge' }, state)).message).toBe('network host uses the host driver; expected bridge');
    expect((await check({ network: 'other' }, state)).message).toBe('there is no network named other');
    expect((await check({ network: 'other', exists: false }, state)).passed).toBe(true);
  });
});
