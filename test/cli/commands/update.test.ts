import { describe, expect, it } from 'vitest';
import { catalogRunner } from './runner.ts';

describe('docker update', () => {
  it('--restart changes the policy in place and echoes each container; the new policy restarts on the next exit', async () => {
    const run = catalogRunner();
    await run("docker run -d --name job alpine sh -c 'sleep 5; exit 3'");
    expect(await run('docker update --restart on-failure:2 job')).toEqual({ stdout: 'job\n', stderr: '', exitCode: 0 });
    expect((await run("docker inspect -f '{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}' job")).stdout).toBe('on-failure:2\n');
    await run('sleep 20');
    expect((await run("docker inspect -f '{{.RestartCount}} {{.State.Status}}' job")).stdout).toBe('2 exited\n');
  });

  it('needs a flag, refuses bad policies and --rm containers, gathers errors', async () => {
    const run = catalogRunner();
    await run('docker create --name job alpine true');
    const id = (await run('docker run -d --rm --name tmp alpine sleep 100')).stdout.trim();
    expect(await run('docker update job')).toEqual({ stdout: '', stderr: 'you must provide one or more flags when using this command\n', exitCode: 1 });
    expect((await run('docker update --restart bogus job')).stderr).toBe(
      "Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n",
    );
    expect((await run('docker update --restart always tmp')).stderr).toBe(
      `Error response from daemon: Cannot update container ${id}: Restart policy cannot be updated because AutoRemove is enabled for the container\n`,
    );
    expect(await run('docker update --restart always job nope')).toEqual({ stdout: 'job\n', stderr: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });

  it('refuses resource limits by name rather than pretend to enforce them', async () => {
    const run = catalogRunner();
    await run('docker create --name job alpine true');
    const r = await run('docker update -m 64m --cpus 1 job');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('--cpus, --memory not simulated');
  });
});
