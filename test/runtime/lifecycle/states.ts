import type { LifecycleInit } from '../../../engine/runtime/lifecycle/index.ts';
import { harness, ok, type Harness } from './harness.ts';

/** How to bring a fresh container into each state the tables start from (effects cleared afterwards). */
export const REACH: Record<string, (init?: Partial<LifecycleInit>) => Harness> = {
  created: (init) => harness(init),
  running: (init) => after(harness(init), [{ type: 'START' }]),
  stopping: (init) => after(harness(init), [{ type: 'START' }, { type: 'STOP' }]),
  killing: (init) => after(harness(init), [{ type: 'START' }, { type: 'KILL' }]),
  paused: (init) => after(harness(init), [{ type: 'START' }, { type: 'PAUSE' }]),
  restarting: (init) =>
    after(harness({ restartPolicy: { Name: 'always', MaximumRetryCount: 0 }, ...init }), [
      { type: 'START' },
      { type: 'PROCESS_EXITED', code: 1 },
    ]),
  exited: (init) => after(harness(init), [{ type: 'START' }, { type: 'PROCESS_EXITED', code: 0 }]),
  removing: (init) => after(harness(init), [{ type: 'REMOVE' }]),
  'removing (rm -f)': (init) => after(harness(init), [{ type: 'START' }, { type: 'REMOVE', force: true }]),
  dead: (init) => after(harness(init), [{ type: 'REMOVE' }, { type: 'REMOVAL_FAILED', message: 'device or resource busy' }]),
  removed: (init) => after(harness(init), [{ type: 'REMOVE' }, { type: 'REMOVED' }]),
};

function after(h: Harness, events: Parameters<typeof ok>[1][]): Harness {
  for (const event of events) ok(h, event);
  h.effects.length = 0;
  h.changes.length = 0;
  return h;
}
