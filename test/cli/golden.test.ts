import { describe, expect, it } from 'vitest';
import { BUSY_ENGINE, fixtures, runSimulated, type Fixture } from './golden.ts';

/**
 * Every recording of the real client whose answer does not depend on commands we have not registered yet (their
 * help and the real daemon's connection errors) must come out byte for byte the same from the simulator.
 */
const NOT_APPLICABLE: Record<string, string> = {
  'help-root': 'lists every docker command; ours lists only registered ones (see help.test.ts)',
  'help-root-flag': 'as help-root',
  'help-root-cmd': 'as help-root',
  'help-container': 'container commands are not registered yet',
  'help-container-flag': 'as help-container',
  'help-image': 'not registered yet',
  'help-volume': 'not registered yet',
  'help-network': 'not registered yet',
  'help-system': 'lists df/events/prune, not registered yet',
  'help-system-flag': 'as help-system',
  'unknown-command-run': 'the simulated daemon is always there',
  'version-no-daemon': 'the simulated daemon is always there',
  'version-format-no-daemon': 'the simulated daemon is always there',
  'info-no-daemon': 'the simulated daemon is always there',
  'tpl-exec-nil-pointer': 'Go reports a reflect-level position we do not model',
};

const all = fixtures();

describe('docker CLI matches the real docker 28 client', () => {
  for (const f of all) {
    if (NOT_APPLICABLE[f.name]) continue;
    it(`${f.name}: ${f.command.join(' ')}`, async () => {
      const result = await runSimulated(f.command, f.daemon === 'daemon-busy.json' ? BUSY_ENGINE : undefined);
      expect(result).toEqual({ stdout: f.stdout, stderr: f.stderr, exitCode: f.exitCode } satisfies Partial<Fixture>);
    });
  }
});
