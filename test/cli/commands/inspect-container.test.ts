import { describe, expect, it } from 'vitest';
import { catalogRunner } from './runner.ts';

describe('docker inspect of containers', () => {
  it('prints one 4-space indented object per container, in Docker 28’s field order', async () => {
    const run = catalogRunner();
    const id = (await run('docker run -d --name web alpine sleep 100')).stdout.trim();
    const r = await run('docker container inspect web');
    expect(r.exitCode).toBe(0);
    const [data] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(r.stdout.startsWith(`[\n    {\n        "Id": "${id}",\n        "Created": "`)).toBe(true);
    expect(Object.keys(data!).slice(0, 6)).toEqual(['Id', 'Created', 'Path', 'Args', 'State', 'Image']);
    expect(data).toMatchObject({ Name: '/web', Path: 'sleep', Args: ['100'], Driver: 'overlay2', State: { Status: 'running', Running: true } });
  });

  it('docker inspect tries containers first, then images; --type narrows the lookup', async () => {
    const run = catalogRunner();
    await run('docker run -d --name alpine alpine sleep 100');
    expect((await run("docker inspect -f '{{.Name}}' alpine")).stdout).toBe('/alpine\n');
    expect((await run("docker inspect --type image -f '{{index .RepoTags 0}}' alpine")).stdout).toBe('alpine:latest\n');
    const missing = await run('docker inspect --type container nope');
    expect(missing).toEqual({ stdout: '[]\n', stderr: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });

  it('templates see Go field names (CPUShares) and JSON ones, and -s adds the sizes', async () => {
    const run = catalogRunner();
    await run("docker run --name job alpine sh -c 'echo hello > /f'");
    expect((await run("docker inspect -f '{{.HostConfig.CPUShares}} {{.State.ExitCode}}' job")).stdout).toBe('0 0\n');
    // The Go name fails on the raw JSON and the JSON name on the typed value: one template cannot mix them.
    expect((await run("docker inspect -f '{{.HostConfig.CpuShares}}' job")).stdout).toBe('0\n');
    expect((await run("docker inspect -f '{{.Config.Cmd}} {{.HostConfig.Binds}} {{json .HostConfig.Binds}}' job")).stdout).toBe('[sh -c echo hello > /f] [] null\n');
    const sized = await run("docker inspect -s -f '{{.SizeRw}}' job");
    expect(sized.stdout).toBe('6\n');
    expect((await run("docker inspect -f '{{json .Config.Labels}}' job")).stdout).toBe('{}\n');
  });

  it('shows what run was given: labels, hostname, stop settings, the health check, extra hosts', async () => {
    const run = catalogRunner();
    await run('docker run -d --name api -l app=api -h box --stop-timeout 3 --stop-signal SIGINT --health-cmd true --health-interval 30s --add-host db=10.0.0.5 alpine sleep 100');
    const out = await run("docker inspect -f '{{json .Config}}|{{json .HostConfig.ExtraHosts}}' api");
    const [config, hosts] = out.stdout.trim().split('|');
    expect(JSON.parse(config!)).toMatchObject({
      Hostname: 'box', Labels: { app: 'api' }, StopSignal: 'SIGINT', StopTimeout: 3, Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 30_000_000_000 },
    });
    expect(hosts).toBe('["db:10.0.0.5"]');
    expect((await run('docker run --rm -h box alpine sh -c \'echo $HOSTNAME $(hostname)\'')).stdout).toBe('box box\n');
  });
});
