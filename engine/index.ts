/** The engine's public API: create a machine, open terminals, run command lines, snapshot and restore. */
export { createMachine } from './host/machine.ts';
// Fetches what otherwise loads on first use (programs, the image catalog, the builder), for a page with time to spare.
export { preloadLazyCode } from './host/preload.ts';
export type * from './api.ts';
export { DockerError } from './core/errors.ts';
export { formatJsonLines, formatTranscript, playScript, type TranscriptEntry } from './host/play.ts';
// What a build did, step by step, as `build-finished` events carry it.
export type { BuildEvent, BuildOutcome } from './build/service.ts';
export type { StepReason, StepRecord } from './build/types.ts';
// Saved sessions (a snapshot as a file and back) are the second entry point, engine/sessions.ts: they need the image
// catalog, which the page loads only when something uses it.
// What the pictures show: images as layer stacks with dive's efficiency, builds step by step.
export type { ImagesView, ImageView, LayerView, EfficiencyView } from './image/views.ts';
export type { BuildsView, BuildView, StepView, StepStatus } from './build/views.ts';
// The editor's help while typing a Dockerfile (diagnostics, completion, hover docs) is the third entry point,
// engine/editor.ts, loaded with the editor: it carries the lint rules and the catalog's image list.
