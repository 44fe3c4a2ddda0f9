import { describe, expect, it } from 'vitest';
import { chainIds } from '../../../engine/fs/digest.ts';
import { alpineImage, nodeImage, session } from './session.ts';

const PROMPT = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ';

describe('docker image prune', () => {
  it('asks first; anything but y cancels quietly with exit 0', async () => {
    const { run } = session();
    expect(await run('docker image prune')).toEqual({ stdout: PROMPT, stderr: '', exitCode: 0 });
    expect(await run('docker image prune', { stdin: 'n\n' })).toEqual({ stdout: PROMPT, stderr: '', exitCode: 0 });
    expect((await run('docker image prune', { stdin: 'Y\n' })).stdout).toBe(`${PROMPT}Total reclaimed space: 0B\n`);
    expect((await run('docker image prune -a')).stdout).toBe(
      'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ',
    );
  });

  it('removes dangling images and reports in lower case', async () => {
    const { run, images } = session();
    await run('docker pull alpine');
    await run('docker tag alpine keep');
    // `alpine:latest` and its digest go; `keep` still names the image, so nothing is dangling.
    await run('docker rmi alpine');
    expect((await run('docker image prune -f')).stdout).toBe('Total reclaimed space: 0B\n');
    expect(images.store.images.size).toBe(1);
  });

  it('-a removes every image no container uses, with the space its layers took', async () => {
    const { run, useImage, images } = session();
    await run('docker pull node:20');
    await run('docker pull alpine');
    useImage(alpineImage.id, { id: 'c0ffee00112233445566', running: false });
    const { stdout } = await run('docker image prune -af');
    const [debian, node, yarn] = chainIds(nodeImage.layers.map((l) => l.diffId));
    expect(stdout).toBe(
      [
        'Deleted Images:',
        'untagged: node:20',
        `untagged: node@${nodeImage.manifestDigest}`,
        `deleted: ${nodeImage.id}`,
        `deleted: ${yarn}`,
        `deleted: ${node}`,
        `deleted: ${debian}`,
        '',
        'Total reclaimed space: 325MB',
        '',
      ].join('\n'),
    );
    expect([...images.store.images.keys()]).toEqual([alpineImage.id]);
  });
});
