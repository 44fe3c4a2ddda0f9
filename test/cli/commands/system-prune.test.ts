import { describe, expect, it } from 'vitest';
import { catalogRunner } from './runner.ts';

describe('docker system prune', () => {
  it('lists what it will remove, --volumes and -a included, and anything but y cancels quietly', async () => {
    const run = catalogRunner();
    await run('docker create --name job alpine true');
    expect(await run('echo n | docker system prune')).toEqual({
      stdout:
        'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] ',
      stderr: '',
      exitCode: 0,
    });
    expect((await run('echo n | docker system prune -a --volumes')).stdout).toBe(
      'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all anonymous volumes not used by at least one container\n  - all images without at least one container associated to them\n  - all build cache\n\nAre you sure you want to continue? [y/N] ',
    );
    expect((await run('docker ps -aq')).stdout).not.toBe('');
    expect((await run("echo n | docker system prune --filter until=24h --filter 'label!=keep' --filter label=a=b")).stdout).toBe(
      'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\n  Items to be pruned will be filtered with:\n  - label!=keep\n  - label=a=b\n  - until=24h\n\nAre you sure you want to continue? [y/N] ',
    );
  });

  it('removes stopped containers first, so their anonymous volumes go with --volumes; named volumes stay even with -a', async () => {
    const run = catalogRunner();
    await run('docker volume create keep');
    const db = (await run('docker run -d --name db -v keep:/data/db mongo')).stdout.trim();
    await run('docker stop db');
    const anonymous = (await run("docker volume ls -q --filter label=com.docker.volume.anonymous")).stdout.trim();
    expect(anonymous).toMatch(/^[0-9a-f]{64}$/);
    await run('docker network create unused');
    const r = await run('docker system prune -a --volumes -f');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`Deleted Containers:\n${db}\n\nDeleted Networks:\nunused\n\nDeleted Volumes:\n${anonymous}\n\nDeleted Images:\nuntagged: mongo:latest\n`);
    expect(r.stdout).toMatch(/\n\nTotal reclaimed space: \d+(\.\d+)?[kMG]?B\n$/);
    expect((await run('docker volume ls -q')).stdout).toBe('keep\n');
    expect((await run('docker images -q')).stdout).toBe('');
  });

  it('keeps what running containers use, tagged images without -a, and says 0B when nothing went', async () => {
    const run = catalogRunner();
    await run('docker run -d --name up alpine sleep 100');
    await run('docker pull busybox');
    const r = await run('docker system prune -f --volumes');
    expect(r).toEqual({ stdout: 'Total reclaimed space: 0B\n', stderr: '', exitCode: 0 });
    expect((await run("docker images --format '{{.Repository}}' | sort")).stdout).toBe('alpine\nbusybox\n');
  });

  it('removes dangling images and the build cache', async () => {
    const run = catalogRunner();
    await run("printf 'FROM alpine\\nRUN echo one > /f\\n' > Dockerfile");
    await run('docker build -q -t app .');
    await run("printf 'FROM alpine\\nRUN echo two > /f\\n' > Dockerfile");
    await run('docker build -q -t app .');
    expect((await run('docker images -q --filter dangling=true')).stdout).not.toBe('');
    const r = await run('docker system prune -f');
    expect(r.stdout).toMatch(/^Deleted Images:\ndeleted: sha256:[0-9a-f]{64}\n/);
    expect(r.stdout).toMatch(/\nDeleted build cache objects:\n([0-9a-z]{25}\n)+\nTotal reclaimed space: /);
    expect((await run('docker images -q --filter dangling=true')).stdout).toBe('');
    expect((await run("docker images --format '{{.Repository}}'")).stdout).toBe('app\n');
    expect((await run("docker system df --format '{{.Type}} {{.Size}}'")).stdout).toContain('Build Cache 0B');
  });

  it('refuses until with --volumes and unknown filters', async () => {
    const run = catalogRunner();
    expect(await run('docker system prune -f --volumes --filter until=1h')).toEqual({
      stdout: '',
      stderr: 'ERROR: The "until" filter is not supported with "--volumes"\n',
      exitCode: 1,
    });
    expect((await run('docker system prune -f --filter status=exited')).stderr).toBe("Error response from daemon: invalid filter 'status'\n");
  });
});
