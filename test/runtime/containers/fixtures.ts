import { makeDir } from '../../../engine/fs/tree.ts';
import type { ContainerView } from '../../../engine/runtime/containers/service.ts';
import type { ContainerRecord } from '../../../engine/runtime/containers/types.ts';
import type { ContainerState } from '../../../engine/runtime/lifecycle/index.ts';

/** A container as the runtime keeps it, for tests of pure functions over records. */
export function record(over: Partial<ContainerRecord> = {}): ContainerRecord {
  const id = over.id ?? 'a'.repeat(64);
  return {
    id,
    name: 'web',
    imageId: `sha256:${'b'.repeat(64)}`,
    imageLayers: [`sha256:${'c'.repeat(64)}`, `sha256:${'d'.repeat(64)}`],
    created: Date.UTC(2025, 0, 6, 9, 0, 0, 250),
    path: 'sleep',
    args: ['100'],
    config: { Hostname: id.slice(0, 12), User: '', Env: ['PATH=/bin'], Cmd: ['sleep', '100'], Entrypoint: null, WorkingDir: '', Image: 'alpine', Tty: false, OpenStdin: false },
    autoRemove: false,
    restartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    network: { mode: 'bridge', ports: [], publishAll: false, exposedPorts: [] },
    binds: null,
    mounts: [],
    layer: makeDir(),
    logs: [],
    ...over,
  };
}

export const CREATED: ContainerState = {
  Status: 'created', Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false, ExitCode: 0, Error: '',
  StartedAt: null, FinishedAt: null, RestartCount: 0, removed: false, phase: 'created',
};

export const RUNNING: ContainerState = { ...CREATED, Status: 'running', Running: true, StartedAt: Date.UTC(2025, 0, 6, 9, 0, 1), phase: 'running.up' };

export const EXITED: ContainerState = { ...RUNNING, Status: 'exited', Running: false, ExitCode: 137, FinishedAt: Date.UTC(2025, 0, 6, 9, 1, 0), phase: 'exited' };

export function view(r: Partial<ContainerRecord> = {}, state: ContainerState = RUNNING): ContainerView {
  return { record: record(r), state };
}
