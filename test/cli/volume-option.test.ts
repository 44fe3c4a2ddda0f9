import { describe, expect, it } from 'vitest';
import { volumeFlags } from '../../engine/cli/volume-option.ts';

describe('volumeFlags (-v as the client sorts it)', () => {
  it('sends values with a source as binds and the others as anonymous volumes', () => {
    expect(volumeFlags(['data:/data', '/cache', '/srv:/srv:ro'], '/home/student/project')).toEqual({ binds: ['data:/data', '/srv:/srv:ro'], volumes: ['/cache'] });
  });

  it('makes a source starting with a dot absolute, and leaves other relative names to the daemon', () => {
    expect(volumeFlags(['./src:/app/src', '../x:/x:ro', 'rel/dir:/y'], '/home/student/project').binds).toEqual(['/home/student/project/src:/app/src', '/home/student/x:/x:ro', 'rel/dir:/y']);
  });

  it('refuses what the compose loader refuses', () => {
    expect(() => volumeFlags([':/x'], '/')).toThrow('invalid spec: :/x: empty section between colons');
    expect(() => volumeFlags(['a:b:c:d'], '/')).toThrow('invalid spec: a:b:c:d: too many colons');
    expect(() => volumeFlags([''], '/')).toThrow('invalid empty volume spec');
  });
});
