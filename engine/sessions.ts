/**
 * The engine's second public entry point: a machine's snapshot as a session file, and back. Separate from index.ts
 * because rebuilding base image layers needs the offline image catalog, which the page must not load before its
 * first prompt.
 */
export { deserializeSnapshot, encodeSnapshot, encodeSnapshotSliced, serializeSnapshot, SESSION_SCHEMA_VERSION } from './host/session.ts';
// Wrapping an encoded snapshot into the file: bytes to bytes, so the page can do it in a worker.
export { sessionFile } from './host/session-format.ts';
export { SaveFormatError, type SaveProblem } from './core/save-file.ts';
