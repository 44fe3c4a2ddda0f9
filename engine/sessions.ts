/**
 * The engine's second public entry point: a machine's snapshot as a session file, and back. Separate from index.ts
 * because rebuilding base image layers needs the offline image catalog, which the page must not load before its
 * first prompt.
 */
export { deserializeSnapshot, serializeSnapshot, SESSION_SCHEMA_VERSION } from './host/session.ts';
export { SaveFormatError, type SaveProblem } from './core/save-file.ts';
