export { ContainerService } from './service.ts';
export type { ContainerEvent, ContainerServiceOptions, ContainerView } from './service.ts';
export type { ContainerConfig, ContainerRecord, ContainerStore, LogEntry } from './types.ts';
export { EMPTY_CONTAINER_STORE } from './types.ts';
export type { CreateOptions } from './config.ts';
export { statusText } from './status-text.ts';
