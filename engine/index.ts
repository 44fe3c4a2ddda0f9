/** The engine's public API: create a machine, open terminals, run command lines, snapshot and restore. */
export { createMachine } from './host/machine.ts';
export type * from './api.ts';
export { DockerError } from './core/errors.ts';
export { formatJsonLines, formatTranscript, playScript, type TranscriptEntry } from './host/play.ts';
