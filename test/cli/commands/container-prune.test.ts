import { describe, expect, it } from 'vitest';
import { catalogRunner } from './runner.ts';

describe('docker container prune', () => {
  it('asks first; anything but y cancels quietly', async () => {
    const run = catalogRunner();
    await run('docker create --name job alpine true');
    const r = await run('echo n | docker container prune');
    expect(r).toEqual({ stdout: 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ', stderr: '', exitCode: 0 });
    expect((await run('docker ps -aq')).stdout).not.toBe('');
  });

  it('removes stopped and created containers, not running ones; lists full IDs and the space of their layers', async () => {
    const run = catalogRunner();
    await run('docker run -d --name up alpine sleep 100');
    const job = (await run("docker run -d --name job alpine sh -c 'echo hello > /f'")).stdout.trim();
    const made = (await run('docker create --name made alpine true')).stdout.trim();
    await run('docker wait job');
    const r = await run('echo y | docker container prune');
    expect(r.stdout).toBe(
      `WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] Deleted Containers:\n${made}\n${job}\n\nTotal reclaimed space: 6B\n`,
    );
    expect((await run("docker ps -a --format '{{.Names}}'")).stdout).toBe('up\n');
    expect((await run('docker container prune -f')).stdout).toBe('Total reclaimed space: 0B\n');
  });

  it('filters by label and until; other filters are the daemon’s error', async () => {
    const run = catalogRunner();
    await run('docker create --name keep -l keep=yes alpine true');
    await run('docker create --name drop alpine true');
    const r = await run('docker container prune -f --filter label!=keep');
    expect(r.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    expect((await run("docker ps -a --format '{{.Names}}'")).stdout).toBe('keep\n');
    expect((await run('docker container prune -f --filter until=1h')).stdout).toBe('Total reclaimed space: 0B\n');
    expect((await run('docker container prune -f --filter status=exited')).stderr).toBe("Error response from daemon: invalid filter 'status'\n");
  });
});
