export { createContainerLifecycle, restoreContainerLifecycle } from './lifecycle.ts';
export type { ContainerLifecycle, LifecycleEffects, LifecycleResult, PersistedLifecycle } from './lifecycle.ts';
export type { LifecycleCommand, LifecycleEvent, LifecycleInit, RuntimeEvent } from './events.ts';
export type { ContainerState, ContainerStatus } from './status.ts';
export { parseRestartPolicy, NO_RESTART } from './restart-policy.ts';
export type { RestartPolicy, RestartPolicyName } from './restart-policy.ts';
export { containerLifecycleMachine } from './machine.ts';
