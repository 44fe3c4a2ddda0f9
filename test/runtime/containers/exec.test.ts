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

describe('exec joins the running container', () => {
  it("shares the main process's filesystem both ways, at once", async () => {
    const run = runner();
    await run("docker run -d --name box alpine sh -c 'echo from-main > /shared; sleep 3; cat /back'");
    expect((await run('docker exec box cat /shared')).stdout).toBe('from-main\n');
    await run("docker exec box sh -c 'echo from-exec > /back'");
    await run('docker wait box');
    expect((await run('docker logs box')).stdout).toBe('from-exec\n');
  });

  it("exec'd processes die with the main process (SIGKILL: 137)", async () => {
    const run = runner();
    await run("docker run -d --name box alpine sh -c 'sleep 2'");
    const r = await run('docker exec box sleep 100');
    expect(r.exitCode).toBe(137);
    expect((await run("docker ps -a --format '{{.Status}}'")).stdout).toMatch(/^Exited \(0\)/);
  });

  it('Ctrl-C without a tty ends the client (130) and leaves the process running', async () => {
    const run = runner();
    await run('docker run -d --name box alpine sleep infinity');
    const r = await run('docker exec box sleep infinity');
    expect(r.exitCode).toBe(130);
    expect((await run('docker top box')).stdout).toMatch(/sleep infinity\n.*sleep infinity\n$/);
  });

  it('the process table lists main and exec\'d processes with increasing host PIDs under one parent', async () => {
    const run = runner();
    await run('docker run -d --name box alpine sleep 1000');
    await run('docker exec -d box sleep 500');
    const lines = (await run('docker top box')).stdout.trim().split('\n').slice(1).map((l) => l.split(/\s{3,}/));
    expect(lines.map((l) => l[7])).toEqual(['sleep 1000', 'sleep 500']);
    const [main, exec] = lines.map((l) => Number(l[1]));
    expect(exec!).toBeGreaterThan(main!);
    expect(lines[0]![2]).toBe(lines[1]![2]);
  });
});

describe('stats', () => {
  it('counts what a tmpfs holds as memory, and PIDS from the process table', async () => {
    const run = runner();
    await run('docker run -d --name box --tmpfs /scratch alpine sleep 1000');
    const before = (await run("docker stats --no-stream --format '{{.MemUsage}} {{.PIDs}}' box")).stdout;
    expect(before).toBe('512KiB / 3.82GiB 1\n');
    await run("docker exec box sh -c 'seq 1 100000 > /scratch/n'");
    const after = (await run("docker stats --no-stream --format '{{.MemUsage}}' box")).stdout;
    expect(after).toMatch(/^1\.\d+MiB \/ 3\.82GiB\n$/);
  });
});
