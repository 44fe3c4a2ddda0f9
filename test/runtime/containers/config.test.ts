import { describe, expect, it } from 'vitest';
import { commandLine, mergeConfig, mergeEnv } from '../../../engine/runtime/containers/config.ts';
import { findContainer } from '../../../engine/runtime/containers/resolve.ts';
import type { ContainerRecord } from '../../../engine/runtime/containers/types.ts';

const node = { Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'], Env: ['PATH=/usr/bin:/bin', 'NODE_VERSION=20'], WorkingDir: '/app', User: 'node' };

describe('mergeConfig: the image config under the flags', () => {
  it('a command replaces CMD and keeps ENTRYPOINT', () => {
    expect(commandLine(mergeConfig(node, { image: 'node', command: ['npm', 'test'] }))).toEqual(['docker-entrypoint.sh', 'npm', 'test']);
  });
  it('--entrypoint replaces ENTRYPOINT and drops the image CMD; "" clears it', () => {
    expect(commandLine(mergeConfig(node, { image: 'node', command: [], entrypoint: 'sh' }))).toEqual(['sh']);
    expect(commandLine(mergeConfig(node, { image: 'node', command: ['echo', 'x'], entrypoint: '' }))).toEqual(['echo', 'x']);
  });
  it('nothing to run is the daemon\'s "No command specified"', () => {
    expect(() => mergeConfig(node, { image: 'node', command: [], entrypoint: '' })).toThrow('Error response from daemon: No command specified');
  });
  it('-e replaces an image variable in place and appends new ones; -w and -u win', () => {
    const c = mergeConfig(node, { image: 'node', command: [], env: ['NODE_VERSION=22', 'A=1'], workdir: '/srv', user: 'root' });
    expect(c.Env).toEqual(['PATH=/usr/bin:/bin', 'NODE_VERSION=22', 'A=1']);
    expect([c.WorkingDir, c.User, c.Image]).toEqual(['/srv', 'root', 'node']);
  });
  it('mergeEnv keeps the first position of a key', () => {
    expect(mergeEnv(['A=1', 'B=2'], ['B=3', 'A=4'])).toEqual(['A=4', 'B=3']);
  });
});

describe('findContainer: full ID, then name, then unique prefix', () => {
  const rec = (id: string, name: string) => ({ id, name }) as ContainerRecord;
  const all = [rec('abc123' + '0'.repeat(58), 'web'), rec('abd456' + '0'.repeat(58), 'abc'), rec('ff' + '1'.repeat(62), 'db')];
  it('a name beats an ID prefix, a leading slash is allowed', () => {
    expect(findContainer(all, 'abc').name).toBe('abc');
    expect(findContainer(all, '/web').name).toBe('web');
    expect(findContainer(all, 'ff').name).toBe('db');
  });
  it('an ambiguous prefix and an unknown ref fail with the daemon\'s words', () => {
    expect(() => findContainer(all, 'ab')).toThrow('Error response from daemon: multiple IDs found with provided prefix: ab');
    expect(() => findContainer(all, 'nope')).toThrow('Error response from daemon: No such container: nope');
  });
});
