/** The engine's public API: create a machine, open terminals, run command lines, snapshot and restore. */
export { createMachine } from './host/machine.ts';
export type * from './api.ts';
export { DockerError } from './core/errors.ts';
export { formatJsonLines, formatTranscript, playScript, type TranscriptEntry } from './host/play.ts';
// The editor's view of a Dockerfile: parse errors, BuildKit's build checks and the teaching rules, with lines.
export { dockerfileDiagnostics, type EditorDiagnostic } from './dockerfile/diagnostics.ts';
// What a build did, step by step, as `build-finished` events carry it.
export type { BuildEvent, BuildOutcome } from './build/service.ts';
export type { StepReason, StepRecord } from './build/types.ts';
// The editor's help while typing a Dockerfile: completion, hover docs.
export { dockerfileCompletions, type CompletionItem, type CompletionKind, type Completions } from './dockerfile/completion.ts';
export { dockerfileHover, type HoverDoc } from './dockerfile/hover.ts';
