import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { syntheticContent } from '../../../engine/fs/content.ts';
import { buildTree, EMPTY_DIR, makeFile } from '../../../engine/fs/tree.ts';
import { initialIds } from '../../../engine/core/ids.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { VolumeService } from '../../../engine/runtime/volumes/service.ts';
import type { Program } from '../../../engine/programs/process.ts';
import { prepareMainProcess } from '../../../engine/runtime/containers/process.ts';
import type { ContainerRecord } from '../../../engine/runtime/containers/types.ts';

// The kernel drops a signal PID 1 has no handler for: what `docker stop` and Ctrl-C reach depends on the program.
const ignoresAll: Program = async () => 0;
const server: Program = Object.assign(async () => 0, { handledSignals: ['SIGTERM', 'SIGINT'] });
const root = buildTree([
  { path: '/bin/sleep', entry: makeFile(syntheticContent('sleep', 10, 'sleep'), { mode: 0o755 }) },
  { path: '/bin/sh', entry: makeFile(syntheticContent('sh', 10, 'sh'), { mode: 0o755 }) },
  { path: '/usr/bin/server', entry: makeFile(syntheticContent('server', 10, 'server'), { mode: 0o755 }) },
  { path: '/entry.sh', entry: makeFile('#!/bin/sh\nexec "$@"\n', { mode: 0o755 }) },
]);
const clock = new VirtualClock(0);
let ids = initialIds(0);
const volumes = new VolumeService({ clock, ids: { get: () => ids, set: (next) => (ids = next) } });
const host = { clock, programs: { sleep: ignoresAll, sh: ignoresAll, server }, volumes, hostFs: new TreeFs() };

function receives(argv: string[]): (signal: string) => boolean {
  const record = { id: 'a'.repeat(64), config: { Cmd: argv, Env: [], WorkingDir: '/', User: '' }, layer: EMPTY_DIR, mounts: [] } as unknown as ContainerRecord;
  return prepareMainProcess(record, root, host).receives;
}

describe('signals a container\'s PID 1 receives', () => {
  it('only SIGKILL for a program without handlers (sleep, a shell, a #! script run by one)', () => {
    for (const argv of [['sleep', '100'], ['/entry.sh', 'server']]) {
      const r = receives(argv);
      expect([r('SIGTERM'), r('SIGINT'), r('SIGKILL')]).toEqual([false, false, true]);
    }
  });

  it('the signals a program handles, and SIGKILL', () => {
    const r = receives(['server']);
    expect([r('SIGTERM'), r('SIGINT'), r('SIGQUIT'), r('SIGKILL')]).toEqual([true, true, false, true]);
  });
});
