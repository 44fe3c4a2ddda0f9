import { describe, expect, it } from 'vitest';
import { catalogRunner } from './runner.ts';

async function three() {
  const run = catalogRunner();
  await run('docker run -d --name web -l app=web -l tier=front -v data:/data alpine sleep 100');
  await run('docker run -d --name db -l app=db --health-cmd true -v /srv/files:/files alpine sleep 100');
  await run('docker run --name job -v /cache alpine true');
  return run;
}
const names = async (run: Awaited<ReturnType<typeof three>>, args: string) => (await run(`docker ps -a ${args} --format '{{.Names}}'`)).stdout.split('\n').filter(Boolean);

describe('docker ps filters', () => {
  it('label= by key or key=value; volume= by name, bind source or destination', async () => {
    const run = await three();
    expect(await names(run, '--filter label=app')).toEqual(['db', 'web']);
    expect(await names(run, '--filter label=app=db')).toEqual(['db']);
    expect(await names(run, '--filter label=app --filter label=tier')).toEqual(['web']);
    expect(await names(run, '--filter volume=data')).toEqual(['web']);
    expect(await names(run, '--filter volume=/srv/files')).toEqual(['db']);
    expect(await names(run, '--filter volume=/cache')).toEqual(['job']);
  });

  it('before= and since= by name, ID or prefix; a missing container is the daemon’s error', async () => {
    const run = await three();
    expect(await names(run, '--filter before=db')).toEqual(['web']);
    expect(await names(run, '--filter since=web')).toEqual(['job', 'db']);
    expect((await run('docker ps --filter since=nope')).stderr).toBe('Error response from daemon: No such container: nope\n');
  });

  it('health= starting for a running container with a check, none without; other values refused', async () => {
    const run = await three();
    expect(await names(run, '--filter health=starting')).toEqual(['db']);
    expect(await names(run, '--filter health=none')).toEqual(['job', 'web']);
    expect(await names(run, '--filter health=healthy')).toEqual([]);
    expect((await run('docker ps --filter health=sick')).stderr).toBe('Error response from daemon: Unrecognised filter value for health: sick\n');
    expect((await run("docker ps --filter name=db --format '{{.Status}}'")).stdout).toMatch(/^Up \d+ seconds \(health: starting\)\n$/);
  });
});

describe('docker ps --format placeholders', () => {
  it('Labels (sorted k=v), Label "k", Mounts (names cut to 12), LocalVolumes, Networks (the container\'s network, running or not)', async () => {
    const run = await three();
    const out = await run("docker ps -a --format '{{.Names}}|{{.Labels}}|{{.Label \"app\"}}|{{.Mounts}}|{{.LocalVolumes}}|{{.Networks}}'");
    const [job, db, web] = out.stdout.trim().split('\n');
    expect(web).toBe('web|app=web,tier=front|web|data|1|bridge');
    expect(db).toBe('db|app=db|db|/srv/files|0|bridge');
    expect(job).toMatch(/^job\|\|\|[0-9a-f]{12}\|1\|bridge$/);
    expect((await run("docker ps -a --no-trunc --filter name=job --format '{{.Mounts}}'")).stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('a table header for Label names the label', async () => {
    const run = await three();
    expect((await run("docker ps --format 'table {{.Names}}\\t{{.Label \"app\"}}'")).stdout.split('\n')[0]).toBe('NAMES     app');
  });
});
