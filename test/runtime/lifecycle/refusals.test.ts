import { describe, expect, test } from 'vitest';
import type { LifecycleCommand } from '../../../engine/runtime/lifecycle/index.ts';
import { ID } from './harness.ts';
import { REACH } from './states.ts';

const daemon = 'Error response from daemon: ';

/** [state, command, Docker 28's answer]. The command leaves the container as it was. */
const REFUSED: [string, LifecycleCommand, string][] = [
  ['paused', { type: 'START' }, 'cannot start a paused container, try unpause instead'],
  ['dead', { type: 'START' }, 'container is marked for removal and cannot be started'],
  ['removing', { type: 'START' }, 'container is marked for removal and cannot be started'],
  ['removing (rm -f)', { type: 'START' }, 'container is marked for removal and cannot be started'],
  ['created', { type: 'KILL' }, `cannot kill container: web: container ${ID} is not running`],
  ['exited', { type: 'KILL', ref: 'f2a9' }, `cannot kill container: f2a9: container ${ID} is not running`],
  ['dead', { type: 'KILL' }, `cannot kill container: web: container ${ID} is not running`],
  ['created', { type: 'PAUSE' }, `container ${ID} is not running`],
  ['exited', { type: 'PAUSE' }, `container ${ID} is not running`],
  ['paused', { type: 'PAUSE' }, `Container ${ID} is already paused`],
  ['restarting', { type: 'PAUSE' }, `Container ${ID} is restarting, wait until the container is running`],
  ['stopping', { type: 'PAUSE' }, `Container ${ID} is stopping, wait until the container has stopped`],
  ['created', { type: 'UNPAUSE' }, `Container ${ID} is not paused`],
  ['running', { type: 'UNPAUSE' }, `Container ${ID} is not paused`],
  ['exited', { type: 'UNPAUSE' }, `Container ${ID} is not paused`],
  ['dead', { type: 'RESTART' }, 'Cannot restart container web: container is marked for removal and cannot be started'],
  [
    'running',
    { type: 'REMOVE' },
    'cannot remove container "web": container is running: stop the container before removing or force remove',
  ],
  [
    'stopping',
    { type: 'REMOVE', ref: 'f2a9c1' },
    'cannot remove container "f2a9c1": container is running: stop the container before removing or force remove',
  ],
  ['paused', { type: 'REMOVE' }, 'cannot remove container "web": container is paused and must be unpaused first'],
  [
    'restarting',
    { type: 'REMOVE' },
    'cannot remove container "web": container is restarting: stop the container before removing or force remove',
  ],
  ['removing', { type: 'REMOVE', force: true }, 'removal of container web is already in progress'],
  ...(['START', 'STOP', 'KILL', 'PAUSE', 'UNPAUSE', 'RESTART', 'REMOVE'] as const).map(
    (type): [string, LifecycleCommand, string] => ['removed', { type, ref: 'web' }, 'No such container: web'],
  ),
];

describe('Docker refuses', () => {
  test.each(REFUSED)('%s: %o', (state, command, message) => {
    const h = REACH[state]!();
    const before = h.lifecycle.state();
    const result = h.lifecycle.send(command);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(daemon + message);
    expect(result.error.exitCode).toBe(1);
    expect(h.lifecycle.state()).toEqual(before);
    expect(h.effects).toEqual([]);
  });
});

test('a removed container ignores no event: runtime events are stale and refused too', () => {
  for (const event of [{ type: 'PROCESS_EXITED', code: 0 }, { type: 'REMOVED' }, { type: 'DAEMON_RESTART' }] as const) {
    const result = REACH.removed!().lifecycle.send(event);
    expect(result.ok ? '' : result.error.message).toBe(`${daemon}No such container: web`);
  }
});
