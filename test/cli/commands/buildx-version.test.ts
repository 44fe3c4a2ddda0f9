import { describe, expect, it } from 'vitest';
import { createMachine, playScript } from '../../../engine/index.ts';

describe('docker buildx version', () => {
  it('names the buildx that Docker 28.2 bundles', async () => {
    const [out] = await playScript(createMachine({ mode: 'headless' }), 'docker buildx version\n');
    expect(out!.stdout).toBe('github.com/docker/buildx v0.24.0 d0e5e86\n');
    expect(out!.exitCode).toBe(0);
  });
});
