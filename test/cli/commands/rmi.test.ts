import { describe, expect, it } from 'vitest';
import { base, nodeImage, pythonImage, session, short } from './session.ts';
import { chainIds } from '../../../engine/fs/digest.ts';

const chains = (img: typeof nodeImage) => chainIds(img.layers.map((l) => l.diffId));

describe('docker rmi', () => {
  it('only untags when another tag names the image', async () => {
    const { run, images } = session();
    await run('docker pull node:20');
    await run('docker pull node:lts');
    expect(await run('docker rmi node:lts')).toEqual({ stdout: 'Untagged: node:lts\n', stderr: '', exitCode: 0 });
    expect(images.store.images.has(nodeImage.id)).toBe(true);
  });

  it('removing the last reference deletes the image and only the layers nobody else uses, top first', async () => {
    const { run, images } = session();
    await run('docker pull python:3.12');
    await run('docker pull node:20');
    const [, node, yarn] = chains(nodeImage);
    const { stdout } = await run('docker image rm node:20');
    expect(stdout).toBe(
      [
        'Untagged: node:20',
        `Untagged: node@${nodeImage.manifestDigest}`,
        `Deleted: ${nodeImage.id}`,
        `Deleted: ${yarn}`,
        `Deleted: ${node}`,
        '',
      ].join('\n'),
    );
    expect(images.store.layers.has(base.diffId)).toBe(true);
    expect(images.store.layers.size).toBe(2);
    const py = await run('docker image remove python:3.12');
    expect(py.stdout.trimEnd().split('\n').slice(-2)).toEqual([`Deleted: ${chains(pythonImage)[1]}`, `Deleted: ${base.diffId}`]);
    expect(images.store.layers.size).toBe(0);
  });

  it('by ID: refuses several tags without -f, removes them all with it', async () => {
    const { run } = session();
    await run('docker pull node:20');
    await run('docker pull node:lts');
    const id = short(nodeImage.id);
    expect(await run(`docker rmi ${id}`)).toEqual({
      stdout: '',
      stderr: `Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories\n`,
      exitCode: 1,
    });
    const forced = await run(`docker rmi -f ${id}`);
    expect(forced.stdout.split('\n').slice(0, 4)).toEqual(['Untagged: node:20', 'Untagged: node:lts', `Untagged: node@${nodeImage.manifestDigest}`, `Deleted: ${nodeImage.id}`]);
  });

  it('conflicts with containers that use the image', async () => {
    const { run, useImage, images } = session();
    await run('docker pull alpine');
    const id = [...images.store.images.keys()][0]!;
    useImage(id, { id: 'c0ffee00112233445566', running: false });
    expect((await run('docker rmi alpine')).stderr).toBe(
      `Error response from daemon: conflict: unable to remove repository reference "alpine" (must force) - container c0ffee001122 is using its referenced image ${short(id)}\n`,
    );
    expect((await run(`docker rmi ${short(id)}`)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${short(id)} (must be forced) - image is being used by stopped container c0ffee001122\n`,
    );
    useImage(id, { id: 'beef0000111122223333', running: true });
    expect((await run(`docker rmi -f ${short(id)}`)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${short(id)} (cannot be forced) - image is being used by running container beef00001111\n`,
    );
    // Forcing a name untags; the image stays (dangling) for its running container.
    const digest = images.store.images.get(id)!.repoDigests[0]!.split('@')[1]!;
    expect((await run('docker rmi -f alpine')).stdout).toBe(`Untagged: alpine:latest\nUntagged: alpine@${digest}\n`);
    expect(images.store.images.has(id)).toBe(true);
  });

  it('processes every argument and reports the errors together afterwards', async () => {
    const { run } = session();
    await run('docker pull alpine');
    const r = await run('docker rmi nope alpine x:1');
    expect(r.stdout).toMatch(/^Untagged: alpine:latest\n/);
    expect(r.stderr).toBe('Error response from daemon: No such image: nope:latest\nError response from daemon: No such image: x:1\n');
    expect(r.exitCode).toBe(1);
    // With -f, missing images are reported but do not fail the command.
    expect(await run('docker rmi -f nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such image: nope:latest\n', exitCode: 0 });
  });
});
