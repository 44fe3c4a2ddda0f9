import { describe, expect, it } from 'vitest';
import { nodeImage, session } from './session.ts';

describe('docker tag', () => {
  it('adds a name for the same image; re-tagging moves it', async () => {
    const { run, images } = session();
    await run('docker pull node:20');
    await run('docker pull alpine');
    expect(await run('docker tag node:20 myapp:v1')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(images.store.tags.get('docker.io/library/myapp:v1')).toBe(nodeImage.id);
    await run(`docker image tag ${nodeImage.id.slice(7, 14)} registry.example.com/team/app`);
    expect(images.store.tags.get('registry.example.com/team/app:latest')).toBe(nodeImage.id);
    await run('docker tag alpine myapp:v1');
    expect(images.store.tags.get('docker.io/library/myapp:v1')).not.toBe(nodeImage.id);
  });

  it('fails in Docker’s words', async () => {
    const { run } = session();
    expect(await run('docker tag nope x')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such image: nope:latest\n', exitCode: 1 });
    // Checked against the docker 28.2.2 client.
    expect((await run('docker tag Node x')).stderr).toBe(
      'Error parsing reference: "Node" is not a valid repository/tag: invalid reference format: repository name (library/Node) must be lowercase\n',
    );
    expect((await run('docker tag node X')).stderr).toBe(
      'Error parsing reference: "X" is not a valid repository/tag: invalid reference format: repository name (library/X) must be lowercase\n',
    );
    expect((await run(`docker tag node x@sha256:${'a'.repeat(64)}`)).stderr).toBe('refusing to create a tag with a digest reference\n');
    const usage = await run('docker tag a');
    expect(usage.exitCode).toBe(1);
    expect(usage.stderr).toBe("docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n");
  });
});
