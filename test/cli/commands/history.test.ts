import { describe, expect, it } from 'vitest';
import { alpineImage, machine, nodeImage, short } from './machine.ts';

describe('docker history', () => {
  it('lists the history newest first: the image ID on top, <missing> below, sizes from the layers', async () => {
    const { run } = machine();
    await run('docker pull node:20');
    const { stdout, exitCode } = await run('docker history node:20');
    expect(exitCode).toBe(0);
    // The clock reads 2025-01-06 09:00 plus a second per command.
    expect(stdout).toBe(
      [
        'IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT',
        `${short(nodeImage.id)}   4 weeks ago   CMD ["node"]                                    0B        buildkit.dockerfile.v0`,
        // A tab in created_by becomes a space; 44 columns and an ellipsis.
        '<missing>      4 weeks ago   RUN /bin/sh -c set -ex yarn --version # buil…   5.2MB     buildkit.dockerfile.v0',
        '<missing>      4 weeks ago   RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --p…   190MB     buildkit.dockerfile.v0',
        '<missing>      4 weeks ago   ENV NODE_VERSION=20.18.1                        0B        buildkit.dockerfile.v0',
        '<missing>      6 weeks ago   CMD ["bash"]                                    0B        ',
        '<missing>      6 weeks ago   # debian.sh --arch amd64 out/ bookworm @1732…   74MB      ',
        '',
      ].join('\n'),
    );
  });

  it('-H=false prints RFC 3339 dates and byte counts; --no-trunc the full ID and command', async () => {
    const { run } = machine();
    await run('docker pull alpine');
    expect((await run('docker image history -H=false alpine')).stdout).toBe(
      [
        'IMAGE          CREATED AT             CREATED BY                                      SIZE      COMMENT',
        `${short(alpineImage.id)}   2024-12-30T09:00:00Z   CMD ["/bin/sh"]                                 0         buildkit.dockerfile.v0`,
        '<missing>      2024-12-30T09:00:00Z   ADD alpine-minirootfs-3.21.0-x86_64.tar.gz /…   8300000   buildkit.dockerfile.v0',
        '',
      ].join('\n'),
    );
    const full = (await run('docker history --no-trunc alpine')).stdout.split('\n');
    expect(full[1]).toContain(alpineImage.id);
    expect(full[2]).toContain('ADD alpine-minirootfs-3.21.0-x86_64.tar.gz / # buildkit');
  });

  it('-q prints IDs only, unless a custom --format says otherwise; --format json uses the row fields', async () => {
    const { run } = machine();
    await run('docker pull alpine');
    expect((await run('docker history -q alpine')).stdout).toBe(`${short(alpineImage.id)}\n<missing>\n`);
    expect((await run("docker history -q --format '{{.ID}}|{{.Size}}' alpine")).stdout).toBe(`${short(alpineImage.id)}|0B\n<missing>|8.3MB\n`);
    const json = (await run('docker history --format json alpine')).stdout.split('\n')[1];
    expect(json).toBe(
      '{"Comment":"buildkit.dockerfile.v0","CreatedAt":"2024-12-30T09:00:00Z","CreatedBy":"ADD alpine-minirootfs-3.21.0-x86_64.tar.gz /…",' +
        '"CreatedSince":"7 days ago","ID":"\\u003cmissing\\u003e","Size":"8.3MB"}',
    );
  });

  it('fails as the daemon does for an unknown image', async () => {
    const { run } = machine();
    expect(await run('docker history nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such image: nope:latest\n', exitCode: 1 });
  });
});
