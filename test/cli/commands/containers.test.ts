import { describe, expect, it } from 'vitest';
import { createMachine } from '../../../engine/index.ts';

function runner() {
  const machine = createMachine({ mode: 'headless' });
  const terminal = machine.openTerminal();
  return async (line: string) => {
    let stdout = '';
    let stderr = '';
    const exitCode = await terminal.run(line, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { stdout, stderr, exitCode };
  };
}

const HINT = "\n\nRun 'docker run --help' for more information\n";

describe('docker run and create', () => {
  it('create prints the full ID and leaves the container Created; start echoes the name', async () => {
    const run = runner();
    await run('docker pull -q alpine');
    const created = await run('docker create --name box alpine echo hi');
    expect(created.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await run("docker ps -a --format '{{.Names}} {{.Status}} {{.Command}}'")).stdout).toBe('box Created "echo hi"\n');
    expect((await run('docker start box')).stdout).toBe('box\n');
    expect((await run('docker logs box')).stdout).toBe('hi\n');
  });

  it('a name in use is a conflict; run and create report it with the docker: prefix and exit 125', async () => {
    const run = runner();
    const id = (await run('docker create --name box alpine true')).stdout.trim();
    const again = await run('docker run --name box alpine true');
    expect(again.exitCode).toBe(125);
    expect(again.stderr).toBe(
      `docker: Error response from daemon: Conflict. The container name "/box" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.${HINT}`,
    );
    const create = await run('docker create --name box alpine true');
    expect(create.exitCode).toBe(125);
    expect(create.stderr.startsWith('docker: Error response from daemon: Conflict.')).toBe(true);
    expect(create.stderr.endsWith("\n\nRun 'docker create --help' for more information\n")).toBe(true);
  });

  it('--rm with --restart is refused before anything is created', async () => {
    const run = runner();
    const r = await run('docker run --rm --restart always alpine true');
    expect(r).toEqual({ stdout: '', stderr: `docker: conflicting options: cannot specify both --restart and --rm${HINT}`, exitCode: 125 });
  });

  it('run -d prints the ID before a start error; the container stays Created', async () => {
    const run = runner();
    const r = await run('docker run -d alpine /nope');
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r.stderr).toContain('error during container init: exec: "/nope": stat /nope: no such file or directory: unknown');
    expect(r.exitCode).toBe(127);
    expect((await run("docker ps -a --format '{{.Status}}'")).stdout).toBe('Created\n');
    const start = await run(`docker start ${r.stdout.slice(0, 6)}`);
    expect(start.exitCode).toBe(1);
    expect(start.stderr).toMatch(/^Error response from daemon: failed to create task .*\nError: failed to start containers: [0-9a-f]{6}\n$/);
  });
});

describe('docker ps', () => {
  it('lists running containers newest first, -a all of them; -n, -q and the filters', async () => {
    const run = runner();
    await run('docker run -d --name web alpine sleep 100');
    await run('docker run --name job alpine true');
    await run('docker run -d --name cache alpine sleep 100');
    expect((await run("docker ps --format '{{.Names}}'")).stdout).toBe('cache\nweb\n');
    expect((await run("docker ps -a --format '{{.Names}}'")).stdout).toBe('cache\njob\nweb\n');
    expect((await run("docker ps -n 2 --format '{{.Names}}'")).stdout).toBe('cache\njob\n');
    expect((await run("docker ps --filter status=exited --format '{{.Names}}'")).stdout).toBe('job\n');
    expect((await run("docker ps -a --filter name=^/c --format '{{.Names}}'")).stdout).toBe('cache\n');
    expect((await run("docker ps -a --filter ancestor=alpine:latest -q")).stdout.split('\n').length).toBe(4);
    const bad = await run('docker ps --filter status=sleeping');
    expect(bad.stderr).toBe("Error response from daemon: invalid filter 'status=sleeping'\n");
  });

  it('-s adds SIZE: the writable layer, and the virtual total with the image', async () => {
    const run = runner();
    await run("docker run alpine sh -c 'echo hello > /f'");
    const out = (await run('docker ps -a -s')).stdout.split('\n');
    expect(out[0]).toMatch(/ NAMES +SIZE$/);
    expect(out[1]).toMatch(/ 6B \(virtual 8\.31MB\)$/);
    expect((await run('docker system df')).stdout).toContain('Containers      1         0         6B        6B (100%)\n');
  });

  // The daemon joins Path and Args with spaces (no shell quoting), then the client quotes and cuts.
  it('COMMAND is quoted and cut to 20 characters with an ellipsis', async () => {
    const run = runner();
    await run("docker run alpine sh -c 'echo a long command line'");
    expect((await run("docker ps -a --format '{{.Command}}'")).stdout).toBe('"sh -c echo a long c…"\n');
    expect((await run("docker ps -a --no-trunc --format '{{.Command}}'")).stdout).toBe('"sh -c echo a long command line"\n');
  });
});

describe('stop, kill, rm, logs', () => {
  it('kill of a stopped or unknown container, rm of a running one: the daemon\'s words, exit 1', async () => {
    const run = runner();
    const id = (await run('docker run -d --name web alpine sleep 100')).stdout.trim();
    expect((await run('docker rm web')).stderr).toBe(
      'Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove\n',
    );
    await run('docker stop web');
    expect(await run('docker kill web nope')).toEqual({
      stdout: '',
      stderr: `Error response from daemon: cannot kill container: web: container ${id} is not running\nError response from daemon: cannot kill container: nope: No such container: nope\n`,
      exitCode: 1,
    });
    // stop of a stopped container is a no-op, echoed
    expect((await run('docker stop web')).stdout).toBe('web\n');
    expect(await run('docker rm web nope')).toEqual({ stdout: 'web\n', stderr: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });

  it('logs keeps stdout and stderr apart; --tail counts lines, -t stamps each one', async () => {
    const run = runner();
    await run("docker run --name talk alpine sh -c 'echo one; echo two >&2; echo three'");
    const all = await run('docker logs talk');
    expect([all.stdout, all.stderr]).toEqual(['one\nthree\n', 'two\n']);
    expect((await run('docker logs --tail 1 talk')).stdout).toBe('three\n');
    expect((await run('docker logs -t --tail 1 talk')).stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z three\n$/);
  });

  it('logs -f follows a running container until it exits', async () => {
    const run = runner();
    await run("docker run -d --name ticker alpine sh -c 'echo a; sleep 2; echo b'");
    expect((await run('docker logs -f ticker')).stdout).toBe('a\nb\n');
  });

  it('--rm removes the container once it exits', async () => {
    const run = runner();
    expect((await run('docker run --rm alpine echo bye')).stdout).toBe('bye\n');
    expect((await run('docker ps -aq')).stdout).toBe('');
  });

  it('-t gives the process one terminal: its stderr comes out on stdout and stays there in the logs', async () => {
    const run = runner();
    await run('docker pull -q alpine');
    const r = await run("docker run -t --name term alpine sh -c 'echo oops >&2'");
    expect([r.stdout, r.stderr]).toEqual(['oops\n', '']);
    expect((await run('docker logs term')).stdout).toBe('oops\n');
  });

  it('restart stops and starts the same container, echoing it; the process runs again', async () => {
    const run = runner();
    await run("docker run -d --name again alpine sh -c 'echo start; sleep 100'");
    expect((await run('docker restart again')).stdout).toBe('again\n');
    expect((await run("docker ps --format '{{.Names}} {{.Status}}'")).stdout).toBe('again Up 1 second\n');
    expect((await run('docker logs again')).stdout).toBe('start\nstart\n');
  });

  it('rmi refuses an image a running container uses even with -f; -f on a used image only untags it', async () => {
    const run = runner();
    const live = (await run('docker run -d --name live alpine sleep 100')).stdout.slice(0, 12);
    const image = (await run('docker images -q')).stdout.trim();
    expect((await run(`docker rmi -f ${image}`)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${image} (cannot be forced) - image is being used by running container ${live}\n`,
    );
    expect((await run('docker rmi -f alpine')).stdout).toMatch(/^Untagged: alpine:latest\nUntagged: alpine@sha256:[0-9a-f]{64}\n$/);
    // The container keeps its image's layers; ps shows the image by ID once no name points at it.
    expect((await run("docker ps --format '{{.Image}}'")).stdout).toBe(`${image}\n`);
    expect((await run("docker images --format '{{.Repository}} {{.ID}}'")).stdout).toBe(`<none> ${image}\n`);
  });
});
