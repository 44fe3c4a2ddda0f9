import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/api.ts';
import { createMachine } from '../../../engine/index.ts';
import { machineInternals } from '../../../engine/host/machine.ts';

function runner() {
  const machine = createMachine({ mode: 'headless' });
  const terminal = machine.openTerminal();
  const run = async (line: string) => {
    let stdout = '';
    let stderr = '';
    const exitCode = await terminal.run(line, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { stdout, stderr, exitCode };
  };
  return { machine, run };
}

describe('a container is the image plus its own writable layer', () => {
  it('writes stay in the container: its next start sees them, another container of the image does not', async () => {
    const { run } = runner();
    expect((await run("docker run --name one alpine sh -c 'echo a >> /data; cat /data'")).stdout).toBe('a\n');
    expect((await run('docker start -a one')).stdout).toBe('a\na\n');
    const other = await run('docker run alpine cat /data');
    expect(other.exitCode).toBe(1);
    expect(other.stdout).toBe('');
  });

  it('runs as the image config merged with -e, -w, -u; HOSTNAME is the short ID', async () => {
    const { run } = runner();
    const id = (await run('docker run -d -e GREETING=hi -w /work -u nobody alpine sh -c \'echo "$GREETING $HOSTNAME $(pwd) $(id -u)"\'')).stdout.trim();
    await run(`docker wait ${id}`);
    expect((await run(`docker logs ${id}`)).stdout).toBe(`hi ${id.slice(0, 12)} /work 65534\n`);
  });

  it('--env-file reads KEY=value lines, skipping comments, a bare name taken from the client', async () => {
    const { run } = runner();
    await run("printf '# settings\\nA=1\\n\\nUSER\\n' > env.list");
    expect((await run("docker run --env-file env.list alpine sh -c 'echo $A $USER'")).stdout).toBe('1 student\n');
  });
});

describe('the layers a container keeps', () => {
  it('go with the container once its image was force-removed (found by the engine property test)', async () => {
    const { machine, run } = runner();
    await run("printf 'FROM alpine\\nRUN echo built > /built\\n' > Dockerfile");
    expect((await run('docker build -q -t mine .')).exitCode).toBe(0);
    const store = () => machineInternals(machine).images.store;
    const built = [...store().images.values()].find((i) => i.layers.length === 2)!;
    await run('docker create --name keeper mine');
    expect((await run('docker rmi -f mine')).exitCode).toBe(0);
    await run('docker rmi alpine');
    // The container still runs on its image's layers.
    expect(built.layers.every((l) => store().layers.has(l))).toBe(true);
    expect((await run('docker start -a keeper')).exitCode).toBe(0);
    await run('docker rm keeper');
    expect(store().layers.size).toBe(0);
  });

  it('stay while an image or another container needs them', async () => {
    const { machine, run } = runner();
    await run('docker create --name one alpine');
    await run('docker create --name two alpine');
    await run('docker rmi -f alpine');
    const layers = () => machineInternals(machine).images.store.layers.size;
    await run('docker rm one');
    expect(layers()).toBe(1);
    await run('docker pull -q alpine');
    await run('docker rm two');
    expect(layers()).toBe(1);
  });
});

describe('the lifecycle reaches the process', () => {
  it('PID 1 gets only the signals its program handles: docker stop of sleep waits out the timeout, then SIGKILL', async () => {
    const { run } = runner();
    await run('docker run -d --name one alpine sleep 1000');
    await run('docker run -d --name two alpine sleep 1000');
    expect((await run('docker stop -t 3 one')).stdout).toBe('one\n');
    expect((await run('docker kill two')).stdout).toBe('two\n');
    // sleep has no SIGTERM handler, so as PID 1 it ignores SIGTERM: both end with SIGKILL.
    expect((await run('docker wait one two')).stdout).toBe('137\n137\n');
    expect((await run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^two Exited \(137\) .*\none Exited \(137\) /);
  });

  it('a main process that ends by itself leaves the container Exited with its code', async () => {
    const { run } = runner();
    const r = await run("docker run alpine sh -c 'echo out; echo err >&2; exit 3'");
    expect(r).toEqual({ stdout: 'out\n', stderr: expect.stringContaining('err\n'), exitCode: 3 });
    expect((await run("docker ps -a --format '{{.Status}}'")).stdout).toBe('Exited (3) 1 second ago\n');
  });

  it('--restart on-failure starts the process again after the back-off', async () => {
    const { run } = runner();
    await run("docker run -d --name flaky --restart on-failure:2 alpine sh -c 'echo try; exit 1'");
    await run('sleep 5');
    expect((await run('docker logs flaky')).stdout).toBe('try\ntry\ntry\n');
    expect((await run("docker ps -a --format '{{.Status}}'")).stdout).toMatch(/^Exited \(1\) \d+ seconds? ago\n$/);
  });
});

describe('containers in the machine snapshot', () => {
  it('announce containers-changed; a restore brings back records and layers, a running one as if killed', async () => {
    const { machine, run } = runner();
    const events: EngineEvent[] = [];
    machine.events.subscribe((e) => void events.push(e));
    await run("docker run -d --name keep alpine sh -c 'cat /f; echo kept > /f; sleep 1000'");
    expect(events.some((e) => e.type === 'containers-changed')).toBe(true);
    const snap = machine.snapshot();
    await run('docker rm -f keep');
    expect((await run('docker ps -aq')).stdout).toBe('');
    machine.restore(snap);
    expect((await run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^keep Exited \(137\) /);
    // Started again, it finds the file its first run wrote before the snapshot.
    expect((await run('docker start keep')).stdout).toBe('keep\n');
    expect((await run('docker logs keep')).stdout).toBe('kept\n');
  });
});
