import { describe, expect, it } from 'vitest';
import { statusText } from '../../../engine/runtime/containers/status-text.ts';
import type { ContainerState } from '../../../engine/runtime/lifecycle/index.ts';

const base: ContainerState = {
  Status: 'created', Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false, ExitCode: 0, Error: '',
  StartedAt: null, FinishedAt: null, RestartCount: 0, removed: false, phase: 'created',
};

describe('statusText is moby State.String', () => {
  it.each([
    [{}, 'Created'],
    [{ Status: 'running', Running: true, StartedAt: 0, phase: 'running.up' }, 'Up 3 seconds'],
    [{ Status: 'paused', Running: true, Paused: true, StartedAt: 0, phase: 'paused' }, 'Up 3 seconds (Paused)'],
    [{ Status: 'restarting', Running: true, Restarting: true, ExitCode: 1, StartedAt: 0, FinishedAt: 2000, phase: 'restarting' }, 'Restarting (1) 1 second ago'],
    [{ Status: 'exited', ExitCode: 143, StartedAt: 0, FinishedAt: 500, phase: 'exited' }, 'Exited (143) 2 seconds ago'],
    [{ Status: 'dead', Dead: true, StartedAt: 0, FinishedAt: 0, phase: 'dead' }, 'Dead'],
    // A failed start never set StartedAt: Docker keeps showing Created with the exit code in inspect only.
    [{ ExitCode: 127 }, 'Created'],
  ] as const)('%j → %s', (over, text) => {
    expect(statusText({ ...base, ...over } as ContainerState, 3000)).toBe(text);
  });
});
