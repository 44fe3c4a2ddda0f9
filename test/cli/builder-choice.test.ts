import { describe, expect, it } from 'vitest';
import { builderChoice } from '../../engine/cli/builder-choice.ts';

describe('DOCKER_BUILDKIT', () => {
  it('unset means BuildKit', () => {
    expect(builderChoice({})).toEqual({ kind: 'buildkit' });
  });

  it('is read with Go strconv.ParseBool: every false spelling picks the legacy builder', () => {
    for (const v of ['0', 'f', 'F', 'false', 'FALSE', 'False']) expect(builderChoice({ DOCKER_BUILDKIT: v }).kind).toBe('legacy');
    for (const v of ['1', 't', 'T', 'true', 'TRUE', 'True']) expect(builderChoice({ DOCKER_BUILDKIT: v }).kind).toBe('buildkit');
  });

  it('anything else, the empty string too, is docker\'s error', () => {
    expect(builderChoice({ DOCKER_BUILDKIT: 'no' })).toEqual({
      kind: 'invalid',
      message: 'DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing "no": invalid syntax',
    });
    expect(builderChoice({ DOCKER_BUILDKIT: '' }).kind).toBe('invalid');
    expect(builderChoice({ DOCKER_BUILDKIT: 'off' }).kind).toBe('invalid');
  });
});
