import { describe, expect, it } from 'vitest';
import { progressText } from '../../../engine/cli/pull-progress.ts';
import { base, nodeImage, pythonImage, session, short } from './session.ts';

const layerIds = (img: typeof nodeImage) => img.layers.map((l) => l.diffId.slice(7, 19));

describe('docker pull', () => {
  it('prints status lines only off a terminal: no Downloading or Extracting, then the digest, status and reference', async () => {
    const { run } = session();
    const { stdout, stderr, exitCode } = await run('docker pull node:20');
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('20: Pulling from library/node');
    expect(lines.slice(1, 4)).toEqual(layerIds(nodeImage).map((id) => `${id}: Pulling fs layer`));
    expect(stdout).not.toMatch(/Downloading|Extracting/);
    for (const id of layerIds(nodeImage)) expect(lines).toContain(`${id}: Pull complete`);
    expect(lines.slice(-3)).toEqual([`Digest: ${nodeImage.manifestDigest}`, 'Status: Downloaded newer image for node:20', 'docker.io/library/node:20']);
  });

  it('says Already exists for a base layer another image brought, and Using default tag without a tag', async () => {
    const { run } = session();
    await run('docker pull python:3.12');
    const { stdout } = await run('docker pull node:20');
    expect(stdout).toContain(`${short(base.diffId)}: Already exists\n`);
    expect(stdout).not.toContain(`${short(base.diffId)}: Pulling fs layer`);
    const latest = await run('docker pull alpine');
    expect(latest.stdout.split('\n')[0]).toBe('Using default tag: latest');
    expect(latest.stdout.trimEnd().split('\n').at(-1)).toBe('docker.io/library/alpine:latest');
  });

  it('is up to date the second time; -q prints only the reference', async () => {
    const { run } = session();
    await run('docker pull python:3.12');
    const again = await run('docker pull python:3.12');
    expect(again.stdout).toBe(`3.12: Pulling from library/python\nDigest: ${pythonImage.manifestDigest}\nStatus: Image is up to date for python:3.12\ndocker.io/library/python:3.12\n`);
    expect((await run('docker pull -q alpine')).stdout).toBe('docker.io/library/alpine:latest\n');
  });

  it('fails in the daemon’s words on stderr with exit 1, and rejects bad names client-side', async () => {
    const { run } = session();
    expect(await run('docker pull nosuch:1')).toEqual({
      stdout: '',
      stderr: "Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      exitCode: 1,
    });
    expect((await run('docker pull node:99')).stderr).toBe('Error response from daemon: manifest for node:99 not found: manifest unknown: manifest unknown\n');
    expect(await run('docker pull Node')).toEqual({ stdout: '', stderr: 'invalid reference format: repository name (library/Node) must be lowercase\n', exitCode: 1 });
    expect((await run('docker pull -a node:20')).stderr).toBe("tag can't be used with --all-tags/-a\n");
  });

  it('redraws layer lines in place on a terminal, as jsonmessage does', async () => {
    const { run } = session();
    await run('docker pull python:3.12');
    const { stdout } = await run('docker pull node:20', { tty: { columns: 80, rows: 24 } });
    const [a, b, c] = layerIds(nodeImage);
    // The first layer gets a fresh line: newline, up one, clear, text, carriage return, down one.
    expect(stdout).toContain(`20: Pulling from library/node\n\n\x1b[1A\x1b[2K\r${a}: Already exists \r\x1b[1B`);
    expect(stdout).toContain(`\n\x1b[1A\x1b[2K\r${b}: Pulling fs layer \r\x1b[1B\n\x1b[1A\x1b[2K\r${c}: Pulling fs layer \r\x1b[1B`);
    // An update to the second of three lines moves up two and back down two; 80 columns show no bar.
    expect(stdout).toMatch(new RegExp(`\\x1b\\[2A\\x1b\\[2K\\r${b}: Downloading {2,}[0-9.]+[kM]B/66\\.67MB\\r\\x1b\\[2B`));
    expect(stdout.endsWith(`Digest: ${nodeImage.manifestDigest}\nStatus: Downloaded newer image for node:20\ndocker.io/library/node:20\n`)).toBe(true);
  });

  it('prints line by line on a terminal that cannot redraw (a transcript)', async () => {
    const { run } = session();
    const { stdout } = await run('docker pull alpine', { tty: { columns: 120, rows: 40, redraws: false } });
    expect(stdout).not.toContain('\x1b[');
    expect(stdout).not.toContain('Downloading');
  });

  it('stops on Ctrl-C and leaves the store as it was', async () => {
    const { run, images, clock } = session();
    const interrupt = new AbortController();
    clock.after(500, () => interrupt.abort('SIGINT'));
    const result = await run('docker pull node:20', { signal: interrupt.signal });
    expect(result.exitCode).toBe(130);
    expect(result.stdout).not.toContain('docker.io/library/node:20');
    expect(images.store.images.size).toBe(0);
  });
});

describe('JSONProgress.String', () => {
  it('shows a 50-cell bar only wider than 110 columns, sizes with 4 significant digits', () => {
    expect(progressText({ current: 12_345_678, total: 45_600_000 }, 80)).toBe(' 12.35MB/45.6MB');
    expect(progressText({ current: 12_345_678, total: 45_600_000 }, 120)).toBe(`[${'='.repeat(13)}>${' '.repeat(37)}]  12.35MB/45.6MB`);
    expect(progressText({ current: 45_600_000, total: 45_600_000 }, 200)).toBe(`[${'='.repeat(50)}>]   45.6MB/45.6MB`);
    expect(progressText({ current: 0, total: 0 }, 200)).toBe('');
    expect(progressText({ current: 2048, total: 0 }, 200)).toBe(' 2.048kB');
  });
});
