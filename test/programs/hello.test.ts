import { describe, expect, it } from 'vitest';
import { createMachine, playScript } from '../../engine/index.ts';

describe('hello (hello-world\'s /hello)', () => {
  it('prints Docker\'s greeting, run here as an exec-form build step in the image that ships it', async () => {
    const project = [{ path: 'Dockerfile', type: 'file' as const, content: 'FROM hello-world\nRUN ["/hello"]\n' }];
    const [build] = await playScript(createMachine({ mode: 'headless', project }), 'docker build --progress=plain .\n');
    expect(build!.output).toMatch(/#\d+ [\d.]+ Hello from Docker!\n#\d+ [\d.]+ This message shows that your installation appears to be working correctly.\n/);
    expect(build!.output).toMatch(/#\d+ [\d.]+ {5}\(amd64\)\n/);
    expect(build!.exitCode).toBe(0);
  });
});
