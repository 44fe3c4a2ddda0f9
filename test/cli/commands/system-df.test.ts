import { describe, expect, it } from 'vitest';
import type { EngineView } from '../../../engine/cli/engine-view.ts';
import { machine, nodeImage, pythonImage, short } from './machine.ts';
import { runDockerCli } from '../../../engine/cli/cli.ts';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { ImageService } from '../../../engine/image/service.ts';
import { REGISTRY } from './machine.ts';
import type { DiskUsageSources } from '../../../engine/cli/commands/system-df.ts';
import { driveHeadless } from '../../../engine/host/driver.ts';

describe('docker system df', () => {
  it('counts a layer shared by two images once', async () => {
    const { run } = machine();
    await run('docker pull node:20');
    await run('docker pull python:3.12');
    // debian 74MB + node 190MB + yarn 5.2MB + python 150MB; the images alone would add up to 493.2MB.
    expect((await run('docker system df')).stdout).toBe(
      [
        'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE',
        'Images          2         0         419.2MB   419.2MB (100%)',
        'Containers      0         0         0B        0B',
        'Local Volumes   0         0         0B        0B',
        'Build Cache     0         0         0B        0B',
        '',
      ].join('\n'),
    );
  });

  it('-v shows each image with its shared and unique size, newest first', async () => {
    const { run } = machine();
    await run('docker pull node:20');
    await run('docker pull python:3.12');
    await run('docker tag python:3.12 py:latest');
    expect((await run('docker system df -v')).stdout).toBe(
      [
        'Images space usage:',
        '',
        'REPOSITORY   TAG       IMAGE ID       CREATED       SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS',
        `py           latest    ${short(pythonImage.id)}   4 weeks ago   224MB     74MB          150MB         0`,
        `node         20        ${short(nodeImage.id)}   4 weeks ago   269MB     74MB          195.2MB       0`,
        '',
        'Containers space usage:',
        '',
        'CONTAINER ID   IMAGE     COMMAND   LOCAL VOLUMES   SIZE      CREATED   STATUS    NAMES',
        '',
        'Local Volumes space usage:',
        '',
        'VOLUME NAME   LINKS     SIZE',
        '',
        'Build cache usage: 0B',
        '',
        'CACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED',
        '',
      ].join('\n'),
    );
  });

  it('keeps what images in use hold alone; takes containers, volumes and build cache from the engine', async () => {
    const clock = new VirtualClock(Date.UTC(2025, 0, 6, 9, 0, 0));
    const images = new ImageService(REGISTRY, clock);
    const engine: EngineView & DiskUsageSources = {
      containers: () => [{ state: 'running' }, { state: 'exited' }],
      containerSizes: () => [
        { state: 'running', sizeRw: 2_000 },
        { state: 'exited', sizeRw: 1_000 },
      ],
      images,
      containersUsing: (id) => (id === nodeImage.id ? [{ id: 'c1', running: true }] : []),
      volumeUsage: () => [
        { name: 'data', refCount: 1, size: 30_000 },
        { name: 'old', refCount: 0, size: 10_000 },
      ],
      buildCache: () => [
        { size: 5_000, inUse: false, shared: false },
        { size: 7_000, inUse: true, shared: true },
      ],
    };
    let stdout = '';
    const docker = (argv: string[]) =>
      driveHeadless(clock, runDockerCli(argv, { stdout: { write: async (s) => void (stdout += String(s)) }, stderr: { write: async () => {} }, engine }), () => {});
    await docker(['pull', 'node:20']);
    await docker(['pull', 'python:3.12']);
    stdout = '';
    await docker(['system', 'df', '--format', '{{json .}}']);
    expect(stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l))).toEqual([
      // node's own 195.2MB is in use; the shared Debian layer and python's are not.
      { Active: '1', Reclaimable: '224MB (53%)', Size: '419.2MB', TotalCount: '2', Type: 'Images' },
      { Active: '1', Reclaimable: '1kB (33%)', Size: '3kB', TotalCount: '2', Type: 'Containers' },
      { Active: '1', Reclaimable: '10kB (25%)', Size: '40kB', TotalCount: '2', Type: 'Local Volumes' },
      { Active: '1', Reclaimable: '5kB', Size: '5kB', TotalCount: '2', Type: 'Build Cache' },
    ]);
  });
});

describe('docker system df -v containers', () => {
  it('lists every container newest first with its local volumes and the size of its writable layer alone', async () => {
    const { catalogRunner } = await import('./runner.ts');
    const run = catalogRunner();
    const job = (await run('docker run -d --name job alpine sh -c "echo hello > /f"')).stdout.slice(0, 12);
    await run('docker wait job');
    const up = (await run('docker run -d --name up -v data:/data alpine sleep 100')).stdout.slice(0, 12);
    const out = (await run('docker system df -v')).stdout;
    const section = out.slice(out.indexOf('Containers space usage:'), out.indexOf('Local Volumes space usage:'));
    expect(section.split('\n').slice(2, 5)).toEqual([
      'CONTAINER ID   IMAGE     COMMAND                  LOCAL VOLUMES   SIZE      CREATED         STATUS                     NAMES',
      `${up}   alpine    "sleep 100"              1               0B        1 second ago    Up 1 second                up`,
      `${job}   alpine    "sh -c echo hello > …"   0               6B        3 seconds ago   Exited (0) 3 seconds ago   job`,
    ]);
    expect((await run('docker system df -v --format "{{range .Containers}}{{.Names}}={{.Size}} {{end}}"')).stdout).toBe('up=0B job=6B ');
  });
});
