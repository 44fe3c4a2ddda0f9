import { describe, expect, it } from 'vitest';
import { chainIds } from '../../../engine/fs/digest.ts';
import { overlayId } from '../../../engine/image/inspect.ts';
import { indentJson } from '../../../engine/cli/json-indent.ts';
import { alpineImage, machine, nodeImage } from './machine.ts';

describe('docker image inspect', () => {
  it('prints the API 1.50 JSON, 4-space indented, in the daemon’s field order', async () => {
    const { run } = machine();
    await run('docker pull alpine');
    const { stdout, stderr, exitCode } = await run('docker image inspect alpine');
    expect({ stderr, exitCode }).toEqual({ stderr: '', exitCode: 0 });
    const top = `/var/lib/docker/overlay2/${overlayId(alpineImage.layers.length === 1 ? alpineImage.layers[0]!.diffId : '')}`;
    expect(stdout).toBe(
      `[
    {
        "Id": "${alpineImage.id}",
        "RepoTags": [
            "alpine:latest"
        ],
        "RepoDigests": [
            "alpine@${alpineImage.manifestDigest}"
        ],
        "Parent": "",
        "Comment": "",
        "Created": "2024-12-30T09:00:00Z",
        "DockerVersion": "",
        "Author": "",
        "Config": {
            "Env": [
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
            ],
            "Cmd": [
                "/bin/sh"
            ]
        },
        "Architecture": "amd64",
        "Os": "linux",
        "Size": 8300000,
        "GraphDriver": {
            "Data": {
                "MergedDir": "${top}/merged",
                "UpperDir": "${top}/diff",
                "WorkDir": "${top}/work"
            },
            "Name": "overlay2"
        },
        "RootFS": {
            "Type": "layers",
            "Layers": [
                "${alpineImage.layers[0]!.diffId}"
            ]
        },
        "Metadata": {
            "LastTagTime": "0001-01-01T00:00:00Z"
        }
    }
]
`,
    );
  });

  it('lists lower layers nearest first, and both tags of an image; tagging stamps LastTagTime', async () => {
    const { run } = machine();
    await run('docker pull node:20');
    const chains = chainIds(nodeImage.layers.map((l) => l.diffId));
    const dir = (i: number) => `/var/lib/docker/overlay2/${overlayId(chains[i]!)}`;
    const data = JSON.parse((await run('docker image inspect node:20')).stdout)[0];
    expect(data.GraphDriver.Data).toEqual({
      LowerDir: `${dir(1)}/diff:${dir(0)}/diff`,
      MergedDir: `${dir(2)}/merged`,
      UpperDir: `${dir(2)}/diff`,
      WorkDir: `${dir(2)}/work`,
    });
    expect(Object.keys(data.Config)).toEqual(['Env', 'Entrypoint', 'Cmd']);
    expect(data.Size).toBe(74_000_000 + 190_000_000 + 5_200_000);
    await run('docker tag node:20 app:1');
    const tagged = JSON.parse((await run('docker image inspect app:1')).stdout)[0];
    expect(tagged.RepoTags).toEqual(['app:1', 'node:20']);
    expect(tagged.Metadata.LastTagTime).toMatch(/^2025-01-06T09:00:0\d(\.\d+)?Z$/);
  });

  it('--format runs a template on the Go struct, then on the plain JSON (so .Id and .ID both work); json is compact', async () => {
    const { run } = machine();
    await run('docker pull alpine');
    expect((await run("docker image inspect -f '{{.ID}}' alpine")).stdout).toBe(`${alpineImage.id}\n`);
    expect((await run("docker image inspect -f '{{.Id}}' alpine")).stdout).toBe(`${alpineImage.id}\n`);
    expect((await run("docker image inspect -f '{{.RootFS.Layers}} {{.Config.Entrypoint}} {{json .Config.Cmd}}' alpine")).stdout).toBe(
      `[${alpineImage.layers[0]!.diffId}] [] ["/bin/sh"]\n`,
    );
    const compact = (await run('docker image inspect --format json alpine')).stdout;
    expect(compact.startsWith(`[{"Id":"${alpineImage.id}","RepoTags":["alpine:latest"],`)).toBe(true);
    expect(indentJson(compact.trimEnd(), '    ') + '\n').toBe((await run('docker image inspect alpine')).stdout);
    expect(await run("docker image inspect -f '{{.Id' alpine")).toEqual({
      stdout: '',
      stderr: 'template parsing error: template: :1: unclosed action\n',
      exitCode: 64,
    });
  });

  it('retries a failed template on the raw JSON with missingkey=error, as the real client does', async () => {
    // Outputs recorded from docker 28's client against the stand-in daemon (test/cli/fixtures/capture/daemon.mjs).
    const { run } = machine();
    await run('docker pull alpine');
    const missing = (col: number, node: string, key: string) => ({
      stdout: '\n',
      stderr: `template parsing error: template: :1:${col}: executing "" at <${node}>: map has no entry for key "${key}"\n`,
      exitCode: 1,
    });
    expect(await run("docker image inspect -f '{{.Nope}}' alpine")).toEqual(missing(2, '.Nope', 'Nope'));
    expect(await run("docker inspect -f '{{.Nope}}' alpine")).toEqual(missing(2, '.Nope', 'Nope'));
    expect(await run("docker image inspect -f '{{.Config.Nope}}' alpine")).toEqual(missing(9, '.Config.Nope', 'Nope'));
    expect(await run("docker image inspect -f '{{with .Nope}}x{{end}}' alpine")).toEqual(missing(7, '.Nope', 'Nope'));
    // The retry starts over: what the typed run printed is dropped, and .ID is no key of the JSON.
    expect(await run("docker image inspect -f 'a{{.ID}}b{{.Nope.x}}' alpine")).toEqual(missing(3, '.ID', 'ID'));
    // A map of the typed value (nil or not) has no such key either, but the typed run succeeds: <no value>.
    expect(await run("docker image inspect -f '{{.Config.Labels.nope}}' alpine")).toEqual({ stdout: '<no value>\n', stderr: '', exitCode: 0 });
    expect(await run("docker image inspect -f '{{.GraphDriver.Data.nope}}' alpine")).toEqual({ stdout: '<no value>\n', stderr: '', exitCode: 0 });
  });

  it('prints what it found and reports the rest on stderr, exit 1', async () => {
    const { run } = machine();
    await run('docker pull alpine');
    const r = await run('docker image inspect nope alpine sha256:0123 UPPER');
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toBe(
      [
        'Error response from daemon: No such image: nope:latest',
        'Error response from daemon: No such image: sha256:0123',
        'Error response from daemon: invalid reference format: repository name (library/UPPER) must be lowercase',
        '',
      ].join('\n'),
    );
    expect(r.exitCode).toBe(1);
    expect(await run('docker image inspect nope')).toEqual({ stdout: '[]\n', stderr: 'Error response from daemon: No such image: nope:latest\n', exitCode: 1 });
    expect(await run("docker image inspect -f '{{.Id}}' nope")).toEqual({ stdout: '\n', stderr: 'Error response from daemon: No such image: nope:latest\n', exitCode: 1 });
  });
});

describe('docker inspect', () => {
  it('finds images by name or ID prefix; a name found nowhere is docker 28’s "No such object"', async () => {
    const { run } = machine();
    await run('docker pull alpine');
    expect((await run(`docker inspect -f '{{.Id}}' ${alpineImage.id.slice(7, 14)}`)).stdout).toBe(`${alpineImage.id}\n`);
    expect(await run('docker inspect nope UPPER')).toEqual({ stdout: '[]\n', stderr: 'Error: No such object: nope\nError: No such object: UPPER\n', exitCode: 1 });
    expect(await run('docker inspect --type image nope')).toEqual({ stdout: '[]\n', stderr: 'Error response from daemon: No such image: nope:latest\n', exitCode: 1 });
    expect(await run('docker inspect --type container alpine')).toEqual({ stdout: '[]\n', stderr: 'Error response from daemon: No such container: alpine\n', exitCode: 1 });
    const size = await run('docker inspect -s -f {{.Os}} alpine');
    expect(size).toEqual({ stdout: 'linux\n', stderr: 'WARNING: --size ignored for image\n', exitCode: 0 });
  });

  it('checks --type as the CLI does', async () => {
    const { run } = machine();
    const all = '"config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"';
    expect(await run('docker inspect --type= x')).toEqual({ stdout: '', stderr: `type is empty: must be one of ${all}\n`, exitCode: 1 });
    expect(await run('docker inspect --type foo x')).toEqual({ stdout: '', stderr: `unknown type: "foo": must be one of ${all}\n`, exitCode: 1 });
  });
});
