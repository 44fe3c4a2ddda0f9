import { describe, expect, it } from 'vitest';
import { putImage } from '../../../engine/image/store.ts';
import { alpineImage, nodeImage, pythonImage, session, short } from './session.ts';

describe('docker images', () => {
  it('lists one row per tag, newest image first; alias tags share an ID', async () => {
    const { run } = session();
    await run('docker pull node:20');
    await run('docker pull node:lts');
    const { stdout, exitCode } = await run('docker images');
    expect(exitCode).toBe(0);
    const id = short(nodeImage.id);
    expect(stdout).toBe(
      [
        'REPOSITORY   TAG       IMAGE ID       CREATED        SIZE',
        `node         20        ${id}   7 months ago   325MB`,
        `node         lts       ${id}   7 months ago   325MB`,
        '',
      ].join('\n'),
    );
    // -q lists an ID once per row, as docker does.
    expect((await run('docker image ls -q')).stdout).toBe(`${id}\n${id}\n`);
  });

  it('sorts by the image config’s created time and uses the virtual clock for CREATED', async () => {
    const { run } = session();
    await run('docker pull alpine');
    await run('docker pull node:20');
    await run('docker pull python:3.12');
    const { stdout } = await run('docker images');
    expect(stdout.split('\n').slice(1, 4).map((l) => l.replace(/ {2,}/g, '|'))).toEqual([
      `alpine|latest|${short(alpineImage.id)}|7 days ago|8MB`,
      `python|3.12|${short(pythonImage.id)}|6 weeks ago|270MB`,
      `node|20|${short(nodeImage.id)}|7 months ago|325MB`,
    ]);
  });

  it('shows digests, full IDs, and filters by reference, dangling, before/since and label', async () => {
    const { run } = session();
    await run('docker pull node:20');
    await run('docker pull python:3.12');
    const digests = await run('docker images --digests node');
    expect(digests.stdout.split('\n')[0]).toBe('REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED        SIZE');
    expect(digests.stdout).toContain(`node         20        ${nodeImage.manifestDigest}   ${short(nodeImage.id)}`);
    expect((await run('docker images --no-trunc -q python')).stdout).toBe(`${pythonImage.id}\n`);
    expect((await run(['docker', 'images', '--format', '{{.Repository}}:{{.Tag}}', '--filter', 'reference=py*'])).stdout).toBe('python:3.12\n');
    expect((await run(['docker', 'images', '--format', '{{.Repository}}', '-f', 'reference=*:20'])).stdout).toBe('node\n');
    expect((await run('docker images -q --filter dangling=true')).stdout).toBe('');
    expect((await run('docker images -q --filter label=maintainer')).stdout).toBe('');
    expect((await run('docker images -q --filter before=node:20')).stdout).toBe('');
    expect((await run('docker images --filter dangling=maybe')).stderr).toBe("Error response from daemon: invalid filter 'dangling=[maybe]'\n");
    expect((await run('docker images --filter colour=red')).stderr).toBe("Error response from daemon: invalid filter 'colour'\n");
    expect((await run('docker images --filter before=nope')).stderr).toBe('Error response from daemon: No such image: nope:latest\n');
    const bad = await run('docker images --filter foo');
    expect(bad.exitCode).toBe(125);
    expect(bad.stderr.split('\n')[0]).toBe('invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected name=value)');
  });

  it('shows an image that lost its tag by its digest reference, and a dangling one as <none> <none>', async () => {
    const { run, images } = session();
    await run('docker pull alpine');
    await run('docker pull node:20');
    // The tag moves to node; the old alpine image keeps only its repo digest, as after pulling a newer version.
    await run('docker tag node:20 alpine');
    const rows = (await run(['docker', 'images', '--format', '{{.Repository}} {{.Tag}} {{.ID}}'])).stdout;
    // Tags come in the reference store's lexical order, so alpine:latest before node:20.
    expect(rows).toBe(`alpine <none> ${short(alpineImage.id)}\nalpine latest ${short(nodeImage.id)}\nnode 20 ${short(nodeImage.id)}\n`);
    images.update((s) => ({ store: putImage(s, { ...s.images.get(alpineImage.id)!, repoDigests: [] }) }));
    expect((await run(['docker', 'images', '--format', '{{.Repository}} {{.Tag}} {{.Digest}}', '-f', 'dangling=true'])).stdout).toBe('<none> <none> <none>\n');
    expect((await run('docker images -q -f dangling=false')).stdout).toBe(`${short(nodeImage.id)}\n${short(nodeImage.id)}\n`);
  });

  it('formats JSON and templates with docker’s field names', async () => {
    const { run } = session();
    await run('docker pull alpine');
    const json = (await run(['docker', 'images', '--format', 'json'])).stdout;
    expect(JSON.parse(json)).toEqual({
      Containers: 'N/A',
      CreatedAt: '2024-12-30 09:00:00 +0000 UTC',
      CreatedSince: '7 days ago',
      Digest: '<none>',
      ID: expect.stringMatching(/^[0-9a-f]{12}$/),
      Repository: 'alpine',
      SharedSize: 'N/A',
      Size: '8MB',
      Tag: 'latest',
      UniqueSize: 'N/A',
      VirtualSize: '8MB',
    });
    expect(json).toContain('"Digest":"\\u003cnone\\u003e"');
    expect((await run(['docker', 'images', '--format', 'table {{.Repository}}\\t{{.Size}}'])).stdout).toBe('REPOSITORY   SIZE\nalpine       8MB\n');
    expect((await run(['docker', 'images', '--format', '{{.Nope}}'])).stderr).toMatch(/^template parsing error: /);
  });
});
