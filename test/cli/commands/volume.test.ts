import { describe, expect, it } from 'vitest';
import { runDockerCli } from '../../../engine/cli/cli.ts';
import type { EngineView } from '../../../engine/cli/engine-view.ts';
import { naturalCompare } from '../../../engine/cli/sort-order.ts';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { initialIds } from '../../../engine/core/ids.ts';
import { makeDir, makeFile } from '../../../engine/fs/tree.ts';
import { driveHeadless } from '../../../engine/host/driver.ts';
import { EMPTY_REGISTRY, ImageService } from '../../../engine/image/service.ts';
import { setVolumeContent } from '../../../engine/runtime/volumes/store.ts';
import { VolumeService, type VolumeEvent } from '../../../engine/runtime/volumes/service.ts';
import { BytesReader, EMPTY_READER } from '../../../engine/programs/streams.ts';

const START = Date.UTC(2025, 6, 14, 9, 0, 0);
const PROMPT = 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ';
const ALL_PROMPT = 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ';

/** A docker CLI over a volume service whose users (containers) a test declares. */
function session() {
  const clock = new VirtualClock(START);
  let ids = initialIds(3);
  const users = new Map<string, string[]>();
  const events: VolumeEvent[] = [];
  const volumes = new VolumeService({ clock, ids: { get: () => ids, set: (next) => (ids = next) }, usersOf: (n) => users.get(n) ?? [], announce: (e) => events.push(e) });
  const engine: EngineView = { containers: () => [], images: new ImageService(EMPTY_REGISTRY, clock), volumes };
  const run = async (argv: readonly string[], stdin?: string) => {
    let stdout = '';
    let stderr = '';
    const exitCode = await driveHeadless(
      clock,
      runDockerCli(argv, {
        stdout: { write: async (s) => void (stdout += String(s)) },
        stderr: { write: async (s) => void (stderr += String(s)) },
        env: { HOME: '/home/student' },
        engine,
        host: { fs: undefined as never, cwd: '/', stdin: stdin !== undefined ? new BytesReader(stdin) : EMPTY_READER, stdinIsTerminal: false },
      }),
      () => {},
    );
    return { stdout, stderr, exitCode };
  };
  return { run, volumes, users, events, clock, ids: () => ids };
}

describe('docker volume create', () => {
  it('prints the name, and again for a name that exists', async () => {
    const { run, volumes, events } = session();
    expect(await run(['volume', 'create', 'data'])).toEqual({ stdout: 'data\n', stderr: '', exitCode: 0 });
    expect(await run(['volume', 'create', 'data'])).toEqual({ stdout: 'data\n', stderr: '', exitCode: 0 });
    expect([...volumes.store.volumes.keys()]).toEqual(['data']);
    expect(events).toEqual([{ type: 'volumes-changed' }]);
  });

  it('sends labels and options as maps, empty ones included', async () => {
    const { run, volumes } = session();
    await run(['volume', 'create', '--label', 'env=prod', '--label', 'tier', '-o', 'type=tmpfs', '--opt', 'device=tmpfs', 'cache']);
    await run(['volume', 'create', 'plain']);
    expect(volumes.get('cache')).toMatchObject({ labels: { env: 'prod', tier: '' }, options: { type: 'tmpfs', device: 'tmpfs' } });
    expect(volumes.get('plain')).toMatchObject({ labels: {}, options: {} });
  });

  it('names a nameless volume from the machine ids and marks it anonymous', async () => {
    const { run, volumes, ids } = session();
    const { stdout } = await run(['volume', 'create']);
    const name = stdout.trim();
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(ids().counter).toBe(1);
    expect(volumes.get(name).labels).toEqual({ 'com.docker.volume.anonymous': '' });
  });

  it('prints the daemon error and exits 1 for a bad name; more than one name is a usage error', async () => {
    const { run } = session();
    expect(await run(['volume', 'create', 'bad name'])).toEqual({
      stdout: '',
      stderr:
        'Error response from daemon: create bad name: "bad name" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path\n',
      exitCode: 1,
    });
    // The real 28.2.2 client prints `SRun` here (a typo in cli/required.go).
    expect(await run(['volume', 'create', 'a1', 'b1'])).toEqual({
      stdout: '',
      stderr: "docker: 'docker volume create' requires at most 1 argument\n\nUsage:  docker volume create [OPTIONS] [VOLUME]\n\nSRun 'docker volume create --help' for more information\n",
      exitCode: 1,
    });
  });
});

describe('docker volume ls', () => {
  it('lists DRIVER and VOLUME NAME in natural order; -q the names', async () => {
    const { run } = session();
    for (const n of ['vol10', 'vol2', 'Data', 'alpha']) await run(['volume', 'create', n]);
    expect((await run(['volume', 'ls'])).stdout).toBe(
      ['DRIVER    VOLUME NAME', 'local     Data', 'local     alpha', 'local     vol2', 'local     vol10', ''].join('\n'),
    );
    expect((await run(['volume', 'list', '-q'])).stdout).toBe('Data\nalpha\nvol2\nvol10\n');
  });

  it('filters, and formats with the volume context fields', async () => {
    const { run, users } = session();
    await run(['volume', 'create', '--label', 'env=prod', 'db-data']);
    await run(['volume', 'create', 'web-data']);
    users.set('db-data', ['a'.repeat(64)]);
    expect((await run(['volume', 'ls', '-q', '--filter', 'dangling=true'])).stdout).toBe('web-data\n');
    expect((await run(['volume', 'ls', '-q', '-f', 'label=env=prod'])).stdout).toBe('db-data\n');
    expect((await run(['volume', 'ls', '--format', '{{.Name}}|{{.Scope}}|{{.Mountpoint}}|{{.Labels}}|{{.Links}}|{{.Size}}', '-f', 'name=db'])).stdout).toBe(
      'db-data|local|/var/lib/docker/volumes/db-data/_data|env=prod|N/A|N/A\n',
    );
    expect((await run(['volume', 'ls', '--format', 'raw', '-f', 'name=web'])).stdout).toBe('name: web-data\ndriver: local\n\n');
    expect(await run(['volume', 'ls', '-f', 'until=1h'])).toEqual({ stdout: '', stderr: "Error response from daemon: invalid filter 'until'\n", exitCode: 1 });
  });
});

describe('docker volume inspect', () => {
  it("prints Docker 28's JSON, {} for the empty maps the client sends", async () => {
    const { run, clock } = session();
    clock.advance(61_500);
    await run(['volume', 'create', 'data']);
    expect(await run(['volume', 'inspect', 'data'])).toEqual({
      stdout: [
        '[',
        '    {',
        '        "CreatedAt": "2025-07-14T09:01:01Z",',
        '        "Driver": "local",',
        '        "Labels": {},',
        '        "Mountpoint": "/var/lib/docker/volumes/data/_data",',
        '        "Name": "data",',
        '        "Options": {},',
        '        "Scope": "local"',
        '    }',
        ']',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('prints null for maps a creator did not send, and reports missing names after the rest', async () => {
    const { run, volumes } = session();
    volumes.create({ name: 'mounted' });
    const { stdout, stderr, exitCode } = await run(['volume', 'inspect', 'nope', 'mounted']);
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ Name: 'mounted', Labels: null, Options: null })]);
    expect(stderr).toBe('Error response from daemon: get nope: no such volume\n');
    expect(exitCode).toBe(1);
    expect((await run(['volume', 'inspect', '-f', '{{.Name}} {{.Labels}} {{json .Options}}', 'mounted'])).stdout).toBe('mounted map[] null\n');
  });
});

describe('docker volume rm', () => {
  it('echoes each name removed and gathers the failures, exit 1', async () => {
    const { run, users, volumes } = session();
    for (const n of ['a1', 'b1', 'c1']) await run(['volume', 'create', n]);
    users.set('b1', ['f'.repeat(64)]);
    expect(await run(['volume', 'rm', 'a1', 'nope', 'b1', 'c1'])).toEqual({
      stdout: 'a1\nc1\n',
      stderr: `Error response from daemon: get nope: no such volume\nError response from daemon: remove b1: volume is in use - [${'f'.repeat(64)}]\n`,
      exitCode: 1,
    });
    expect([...volumes.store.volumes.keys()]).toEqual(['b1']);
  });

  it('-f echoes a missing volume without error, but still refuses one in use', async () => {
    const { run, users } = session();
    await run(['volume', 'create', 'b1']);
    users.set('b1', ['1'.repeat(64)]);
    expect(await run(['volume', 'remove', '-f', 'nope'])).toEqual({ stdout: 'nope\n', stderr: '', exitCode: 0 });
    expect((await run(['volume', 'rm', '-f', 'b1'])).exitCode).toBe(1);
  });
});

describe('docker volume prune', () => {
  it('asks first; anything but y cancels quietly', async () => {
    const { run, volumes } = session();
    await run(['volume', 'create']);
    expect(await run(['volume', 'prune'])).toEqual({ stdout: PROMPT, stderr: '', exitCode: 0 });
    expect(await run(['volume', 'prune', '-a'], 'n\n')).toEqual({ stdout: ALL_PROMPT, stderr: '', exitCode: 0 });
    expect(volumes.store.volumes.size).toBe(1);
  });

  it('removes unused anonymous volumes, lists them and the bytes they held', async () => {
    const { run, volumes } = session();
    const anon = (await run(['volume', 'create'])).stdout.trim();
    await run(['volume', 'create', 'named']);
    volumes.store = setVolumeContent(volumes.store, anon, makeDir([['db', makeFile(new Uint8Array(1_234_567))]]));
    expect(await run(['volume', 'prune'], 'y\n')).toEqual({
      stdout: `${PROMPT}Deleted Volumes:\n${anon}\n\nTotal reclaimed space: 1.235MB\n`,
      stderr: '',
      exitCode: 0,
    });
    expect((await run(['volume', 'prune', '-f'])).stdout).toBe('Total reclaimed space: 0B\n');
    expect((await run(['volume', 'prune', '-af'])).stdout).toBe('Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n');
  });

  it('refuses --all with an all filter, and passes the filters to the daemon', async () => {
    const { run } = session();
    expect(await run(['volume', 'prune', '-a', '--filter', 'all=1'])).toEqual({
      stdout: '',
      stderr: 'conflicting options: cannot specify both --all and --filter all=1\n',
      exitCode: 1,
    });
    expect(await run(['volume', 'prune', '-f', '--filter', 'dangling=true'])).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter 'dangling'\n",
      exitCode: 1,
    });
  });
});

describe('naturalCompare', () => {
  it('orders digit runs as numbers, digits before other characters, fewer leading zeros first, whatever follows', () => {
    const sorted = ['b', 'a10', 'a2', 'a02', 'a', 'a2b', '1x', 'A'].sort(naturalCompare);
    expect(sorted).toEqual(['1x', 'A', 'a', 'a2', 'a2b', 'a02', 'a10', 'b']);
  });
});
