import { describe, expect, it } from 'vitest';
import { catalogRunner } from './runner.ts';

const FAILED = (name: string) => `Error: failed to rename container named ${name}\n`;

describe('docker rename', () => {
  it('renames silently; the old name is free and the new one answers', async () => {
    const run = catalogRunner();
    await run('docker run -d --name web alpine sleep 100');
    expect(await run('docker rename web api')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await run("docker ps --format '{{.Names}}'")).stdout).toBe('api\n');
    expect((await run('docker create --name web alpine true')).exitCode).toBe(0);
  });

  it('prints the daemon’s refusal, then the client’s summary, exit 1', async () => {
    const run = catalogRunner();
    await run('docker create --name web alpine true');
    const id = (await run('docker create --name db alpine true')).stdout.trim();
    expect(await run('docker rename nope x1')).toEqual({ stdout: '', stderr: `Error response from daemon: No such container: nope\n${FAILED('nope')}`, exitCode: 1 });
    expect((await run('docker rename web web')).stderr).toBe(`Error response from daemon: Renaming a container with the same name as its current name\n${FAILED('web')}`);
    expect((await run('docker rename web db')).stderr).toBe(
      `Error response from daemon: Error when allocating new name: Conflict. The container name "/db" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n${FAILED('web')}`,
    );
    expect(await run("docker rename web ' '")).toEqual({ stdout: '', stderr: 'Error: Neither old nor new names may be empty\n', exitCode: 1 });
  });

  it('a renamed container’s errors use its new name', async () => {
    const run = catalogRunner();
    await run('docker create --name web alpine true');
    await run('docker rename web api');
    expect((await run('docker kill api')).stderr).toMatch(/^Error response from daemon: cannot kill container: api: container [0-9a-f]{64} is not running\n$/);
  });
});
