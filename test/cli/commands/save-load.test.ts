import { describe, expect, it } from 'vitest';
import { tarBytes } from '../../../engine/fs/tar.ts';
import { buildTree, makeFile } from '../../../engine/fs/tree.ts';
import { loadArchive } from '../../../engine/image/archive/index.ts';
import { alpineImage, builtImage, machine, nodeImage, pythonImage, short } from './machine.ts';
import { fakeRegistry, layer } from '../../image/fake-registry.ts';
import { digestBytes } from '../../../engine/fs/digest.ts';

describe('docker save and docker load', () => {
  it('round-trips an image through a file in the user’s directory, owned by the user, mode 0600', async () => {
    const { run, machine: m } = machine();
    await run('docker pull alpine');
    expect(await run('docker save -o a.tar alpine')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const st = m.hostFs.stat('/home/student/project/a.tar');
    expect({ mode: st.mode, uid: st.uid }).toEqual({ mode: 0o600, uid: 1000 });
    const archive = loadArchive(m.hostFs.readFile('/home/student/project/a.tar'));
    expect(archive.images.map((i) => [i.id, i.repoTags])).toEqual([[alpineImage.id, ['alpine:latest']]]);

    await run('docker rmi alpine');
    expect(await run('docker load -i a.tar')).toEqual({ stdout: 'Loaded image: alpine:latest\n', stderr: '', exitCode: 0 });
    const inspect = JSON.parse((await run('docker image inspect alpine')).stdout)[0];
    expect(inspect.Id).toBe(alpineImage.id);
    expect(inspect.RootFS.Layers).toEqual([alpineImage.layers[0]!.diffId]);
    // The registry digest is not in the archive.
    expect(inspect.RepoDigests).toEqual([]);
    expect((await run('docker history -q alpine')).stdout).toBe(`${short(alpineImage.id)}\n<missing>\n`);
  });

  it('a bare repository name saves all its tags; loading moves tags from other images, which become dangling', async () => {
    const other = builtImage('2024-12-31T00:00:00Z', [layer('other', 1_000)], [{ created: '2024-12-31T00:00:00Z', created_by: 'ADD x /' }]);
    const registry = fakeRegistry({ 'library/alpine': { latest: alpineImage, '3.21': alpineImage }, 'library/other': { latest: other } });
    const { run } = machine(registry);
    await run('docker pull alpine:3.21');
    await run('docker pull alpine');
    await run('docker save -o all.tar alpine');
    await run('docker pull other');
    await run('docker tag other alpine:3.21');
    await run('docker rmi other');
    expect((await run('docker load -i all.tar')).stdout).toBe(
      `The image alpine:3.21 already exists, renaming the old one with ID ${other.id} to empty string\nLoaded image: alpine:3.21\nLoaded image: alpine:latest\n`,
    );
    expect((await run(`docker image inspect -f {{.RepoTags}} ${other.id.slice(7)} alpine`)).stdout).toBe('[]\n[alpine:3.21 alpine:latest]\n');
  });

  it('reuses layers the store has, and says "Loaded image ID" for an image saved by ID', async () => {
    const { run, machine: m } = machine();
    await run('docker pull node:20');
    await run('docker pull python:3.12');
    await run(`docker save -o py.tar ${pythonImage.id.slice(7)}`);
    expect(loadArchive(m.hostFs.readFile('/home/student/project/py.tar')).images[0]!.repoTags).toEqual([]);
    await run('docker rmi python:3.12');
    // node still holds the Debian layer python shares.
    const before = m.snapshot();
    expect((await run('docker load -i py.tar')).stdout).toBe(`Loaded image ID: ${pythonImage.id}\n`);
    expect((await run('docker images -q')).stdout).toBe(`${short(pythonImage.id)}\n${short(nodeImage.id)}\n`);
    m.restore(before);
  });

  it('an image from a hand-made archive with no container config or history lists, inspects and runs like any other', async () => {
    const { run, machine: m } = machine();
    const config = '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}';
    const tar = tarBytes(buildTree([
      { path: '/manifest.json', entry: makeFile('[{"Config":"c.json","RepoTags":["hand:made"],"Layers":[]}]') },
      { path: '/c.json', entry: makeFile(config) },
    ]));
    m.hostFs.writeFile('/home/student/project/hand.tar', tar);
    expect(await run('docker load -i hand.tar')).toEqual({ stdout: 'Loaded image: hand:made\n', stderr: '', exitCode: 0 });
    expect((await run('docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}"')).stdout).toBe('hand:made 0B\n');
    expect((await run('docker image inspect -f "{{.Architecture}} {{json .Config.Env}}" hand:made')).exitCode).toBe(0);
    expect((await run('docker history -q hand:made')).exitCode).toBe(0);
    // Nothing to run, as Docker says for an image without a command.
    expect((await run('docker run --rm hand:made')).stderr).toContain('No command specified');
  });

  it('pipes through stdout and stdin', async () => {
    const { run } = machine();
    await run('docker pull alpine');
    expect(await run('docker save alpine | docker load')).toEqual({ stdout: 'Loaded image: alpine:latest\n', stderr: '', exitCode: 0 });
    expect(await run('docker save alpine > b.tar && docker rmi -f alpine >/dev/null && docker load < b.tar')).toEqual({
      stdout: 'Loaded image: alpine:latest\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('loads an image whose config has only what the OCI spec requires, and works with it (found by fuzzing saves)', async () => {
    const layerTar = tarBytes(buildTree([{ path: '/hello.txt', entry: makeFile('hi\n') }]));
    const config = JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [digestBytes(layerTar)] } });
    const archive = tarBytes(
      buildTree([
        { path: '/manifest.json', entry: makeFile(JSON.stringify([{ Config: 'config.json', RepoTags: ['bare:1'], Layers: ['layer.tar'] }])) },
        { path: '/config.json', entry: makeFile(config) },
        { path: '/layer.tar', entry: makeFile(layerTar) },
      ]),
    );
    const { run, machine: m } = machine();
    m.hostFs.writeFile('/home/student/project/bare.tar', archive);
    expect(await run('docker load -i bare.tar')).toEqual({ stdout: 'Loaded image: bare:1\n', stderr: '', exitCode: 0 });
    expect((await run('docker images --format {{.Repository}}:{{.Tag}}')).stdout).toBe('bare:1\n');
    // No history: moby lists none.
    expect(await run('docker history -q bare:1')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await run('docker image inspect bare:1')).exitCode).toBe(0);
    expect(await run('docker create bare:1')).toMatchObject({ stderr: expect.stringContaining('No command specified'), exitCode: 125 });
    expect(m.views.images().images.map((i) => i.tags)).toEqual([['bare:1']]);
  });

  it('answers with the client’s and the daemon’s errors', async () => {
    const { run } = machine();
    await run('docker pull alpine');
    const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });
    expect(await run('docker save alpine')).toEqual(fail('cowardly refusing to save to a terminal. Use the -o flag or redirect\n'));
    expect(await run('docker save -o nodir/a.tar alpine')).toEqual(fail('failed to save image: invalid output path: stat nodir: no such file or directory\n'));
    expect(await run('docker save -o . alpine')).toEqual(fail('failed to save image: cannot write to a directory\n'));
    expect(await run('docker save -o /etc/a.tar alpine')).toEqual(fail('failed to save image: open /etc/.tmp-a.tar1804289383: permission denied\n'));
    expect(await run('docker save -o a.tar alpine:nope')).toEqual(fail('Error response from daemon: reference does not exist\n'));
    expect(await run('docker save -o a.tar nope')).toEqual(fail('Error response from daemon: No such image: nope\n'));
    // A failed save leaves nothing behind.
    expect(await run('ls -A')).toMatchObject({ stdout: '' });
    expect(await run('docker load -i missing.tar')).toEqual(fail('open missing.tar: no such file or directory\n'));
    expect(await run('echo hello > bad.tar; docker load -i bad.tar')).toEqual(fail('Error response from daemon: unexpected EOF\n'));
  });
});
