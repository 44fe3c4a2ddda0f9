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

describe('docker cp', () => {
  it('a file: to a new name, into an existing directory, refused into a missing directory', async () => {
    const run = runner();
    await run("docker run --name box alpine sh -c 'mkdir /d && echo hi > /d/f'");
    expect((await run('docker cp box:/d/f new')).stderr).toBe('Successfully copied 2.05kB to /home/student/project/new\n');
    await run('mkdir into');
    await run('docker cp box:/d/f into');
    expect((await run('cat new into/f')).stdout).toBe('hi\nhi\n');
    expect(await run('docker cp box:/d/f missing/')).toEqual({ stdout: '', stderr: 'no such directory\n', exitCode: 1 });
  });

  it('a directory: copied as itself into a directory, its contents with /., never onto a file', async () => {
    const run = runner();
    await run("docker run --name box alpine sh -c 'mkdir -p /d/e && echo hi > /d/e/f'");
    await run('mkdir out');
    await run('docker cp box:/d out');
    await run('docker cp box:/d/. flat');
    expect((await run('ls out/d flat')).stdout).toBe('flat:\ne\n\nout/d:\ne\n');
    await run('touch file');
    expect((await run('docker cp box:/d file')).stderr).toBe('cannot copy directory\n');
  });

  it('into a stopped container: the file lands in its writable layer, owned by root', async () => {
    const run = runner();
    await run('docker create --name box alpine cat /in.txt');
    await run('echo data > in.txt');
    expect((await run('docker cp in.txt box:/')).exitCode).toBe(0);
    expect((await run('docker diff box')).stdout).toBe('A /in.txt\n');
    expect((await run('docker start -a box')).stdout).toBe('data\n');
    expect((await run('docker cp box:/nope .')).stderr).toBe('Error response from daemon: Could not find the file /nope in container box\n');
  });
});
