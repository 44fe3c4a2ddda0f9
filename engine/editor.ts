/**
 * The engine's entry point for the Dockerfile editor, loaded with Monaco rather than with the page: diagnostics,
 * completion (which carries the catalog's image names) and hover docs.
 */
export { dockerfileDiagnostics, type EditorDiagnostic } from './dockerfile/diagnostics.ts';
export { dockerfileCompletions, type CompletionItem, type CompletionKind, type Completions } from './dockerfile/completion.ts';
export { dockerfileHover, type HoverDoc } from './dockerfile/hover.ts';
