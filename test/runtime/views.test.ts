import { describe, expect, it } from 'vitest';
import { createMachine, type Machine, type Terminal } from '../../engine/index.ts';

async function run(terminal: Terminal, line: string): Promise<string> {
  let out = '';
  await terminal.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return out;
}

function setup(): { machine: Machine; t: Terminal } {
  const machine = createMachine({ mode: 'headless' });
  return { machine, t: machine.openTerminal() };
}

describe('the containers view', () => {
  it('is empty on a fresh machine', () => {
    expect(setup().machine.views.containers()).toEqual({ containers: [], volumes: [] });
  });

  it('describes a running container as ps and inspect do: status, ports, mounts, networks, restart policy', async () => {
    const { machine, t } = setup();
    await run(t, 'docker run -d --name web -p 8089:80 -v site:/usr/share/nginx/html:ro -v /tmp:/host-tmp --restart always nginx');
    const ps = await run(t, 'docker ps --format "{{.Status}}|{{.Ports}}|{{.Image}}"');
    const [card] = machine.views.containers().containers;
    expect(card).toMatchObject({
      name: 'web',
      image: 'nginx',
      state: 'running',
      phase: 'running.up',
      health: 'none',
      restartCount: 0,
      restartPolicy: 'always',
      networks: [{ name: 'bridge', ipAddress: '172.17.0.2' }],
      mounts: [
        { type: 'volume', source: 'site', anonymous: false, destination: '/usr/share/nginx/html', readOnly: true },
        { type: 'bind', source: '/tmp', anonymous: false, destination: '/host-tmp', readOnly: false },
      ],
    });
    expect(`${card!.status}|${card!.ports}|${card!.image}\n`).toBe(ps);
    expect(card!.shortId).toBe(card!.id.slice(0, 12));
    expect(card!.command).toBe('/docker-entrypoint.sh nginx -g daemon off;');
  });

  it("splits the filesystem: the image's layers, the writable layer with docker diff's top-level paths, the mounts", async () => {
    const { machine, t } = setup();
    await run(t, 'docker run -d --name web -v data:/data nginx');
    await run(t, 'docker exec web touch /newfile');
    const diff = (await run(t, 'docker diff web')).trim().split('\n');
    const sizes = await run(t, 'docker ps -s --format "{{.Size}}"');
    const images = await run(t, 'docker image inspect nginx --format "{{len .RootFS.Layers}} {{.Size}}"');
    const fs = machine.views.containers().containers[0]!.filesystem;
    expect(fs.writable.changedPaths.map((c) => `${c.kind} ${c.path}`)).toEqual(diff.filter((l) => l.lastIndexOf('/') === 2));
    expect(fs.writable.changedPaths).toContainEqual({ kind: 'A', path: '/newfile' });
    expect(fs.writable.changeCount).toBe(diff.length);
    expect(fs.writable.size).toBeGreaterThan(0);
    expect(sizes).toMatch(/^\S+ \(virtual /);
    expect(`${fs.imageLayers.count} ${fs.imageLayers.size}\n`).toBe(images);
    expect(fs.mounts).toBe(1);
  });

  it('shows a stopped container with no address or ports and its exit in the status', async () => {
    const { machine, t } = setup();
    await run(t, 'docker run -d --name web -p 8089:80 nginx');
    await run(t, 'docker stop web');
    const [card] = machine.views.containers().containers;
    expect(card).toMatchObject({ state: 'exited', ports: '', networks: [{ name: 'bridge' }] });
    expect(card!.status).toMatch(/^Exited \(0\) /);
    expect(card!.networks[0]!.ipAddress).toBeUndefined();
  });

  it('lists volumes by name with anonymous ones marked and every container using them, running or not', async () => {
    const { machine, t } = setup();
    await run(t, 'docker volume create named');
    await run(t, 'docker create --name db mongo');
    await run(t, 'docker run -d --name web -v named:/data nginx');
    await run(t, 'docker run -d --name web2 -v named:/srv nginx');
    await run(t, 'docker exec web sh -c "echo hello > /data/f"');
    const { volumes } = machine.views.containers();
    const named = volumes.find((v) => v.name === 'named')!;
    expect(named).toMatchObject({ anonymous: false, driver: 'local', size: 6 });
    expect(named.users.map((u) => [u.containerName, u.destination, u.running]).sort()).toEqual([
      ['web', '/data', true],
      ['web2', '/srv', true],
    ]);
    const anonymous = volumes.filter((v) => v.anonymous);
    expect(anonymous.map((v) => v.users.map((u) => [u.containerName, u.running]))).toEqual([[['db', false]], [['db', false]]]);
    expect(anonymous.map((v) => v.users[0]!.destination).sort()).toEqual(['/data/configdb', '/data/db']);
    expect(volumes.map((v) => v.name)).toEqual([...volumes.map((v) => v.name)].sort());
  });
});
