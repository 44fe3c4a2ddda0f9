import { describe, expect, it } from 'vitest';
import {
  LEGACY_BUILDER_DEPRECATED,
  LEGACY_USING_CACHE,
  legacyImage,
  legacyRemovedContainer,
  legacyRunFailed,
  legacyRunningIn,
  legacyStep,
  legacySuccessfullyBuilt,
  legacySuccessfullyTagged,
  sendingBuildContext,
} from '../../../engine/build/progress/legacy.ts';

describe('legacy builder lines', () => {
  it('pads the context size to eight columns and ends the progress line with \\r\\r\\n', () => {
    expect(sendingBuildContext(5120)).toBe('Sending build context to Docker daemon   5.12kB\r\r\n');
    expect(sendingBuildContext(4096)).toBe('Sending build context to Docker daemon  4.096kB\r\r\n');
    expect(sendingBuildContext(95_570_000)).toBe('Sending build context to Docker daemon  95.57MB\r\r\n');
  });

  it('words the steps and their results with short IDs', () => {
    const img = `sha256:1a2b3c4d5e6f${'0'.repeat(52)}`;
    expect(legacyStep(2, 6, 'WORKDIR /app')).toBe('Step 2/6 : WORKDIR /app\n');
    expect(legacyImage(img)).toBe(' ---> 1a2b3c4d5e6f\n');
    expect(LEGACY_USING_CACHE).toBe(' ---> Using cache\n');
    expect(legacyRunningIn('7f8e9d0c1b2a3c4d5e6f')).toBe(' ---> Running in 7f8e9d0c1b2a\n');
    expect(legacyRemovedContainer('7f8e9d0c1b2a3c4d5e6f')).toBe(' ---> Removed intermediate container 7f8e9d0c1b2a\n');
    expect(legacySuccessfullyBuilt(img)).toBe('Successfully built 1a2b3c4d5e6f\n');
    expect(legacySuccessfullyTagged('app:latest')).toBe('Successfully tagged app:latest\n');
    expect(legacyRunFailed(['/bin/sh', '-c', 'npm ci'], 1)).toBe("The command '/bin/sh -c npm ci' returned a non-zero code: 1");
  });

  it('has the DOCKER_BUILDKIT=0 banner with its blank line', () => {
    expect(LEGACY_BUILDER_DEPRECATED.split('\n')).toEqual([
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
      '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0',
      '            environment-variable.',
      '',
      '',
    ]);
  });
});
