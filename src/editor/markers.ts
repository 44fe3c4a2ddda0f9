/**
 * Turns the engine's Dockerfile diagnostics into Monaco markers. Monaco's severity numbers are passed in, so this
 * stays testable without loading Monaco.
 */
import type { EditorDiagnostic } from '../../engine/editor.ts';

export interface MarkerSeverities {
  readonly Error: number;
  readonly Warning: number;
  readonly Info: number;
}

/** The shape `monaco.editor.setModelMarkers` takes. */
export interface Marker {
  readonly severity: number;
  readonly message: string;
  readonly source: string;
  readonly code?: string | { readonly value: string; readonly target: string };
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

const SOURCE_NAME: Record<EditorDiagnostic['source'], string> = {
  parser: 'Dockerfile',
  buildkit: 'BuildKit',
  dockyard: 'Dockyard',
};

/**
 * One marker per diagnostic over its whole lines (diagnostics carry lines, not columns), clamped to the model: a
 * diagnostic for a line the student just deleted must not point past the end. `lineLength(n)` is line n's length.
 */
export function toMarkers(
  diagnostics: readonly EditorDiagnostic[],
  severities: MarkerSeverities,
  lineCount: number,
  lineLength: (line: number) => number,
): Marker[] {
  return diagnostics.map((d) => {
    const startLineNumber = Math.min(Math.max(1, d.startLine), lineCount);
    const endLineNumber = Math.min(Math.max(startLineNumber, d.endLine), lineCount);
    // Teaching advice says why and what to write instead; the hover over the squiggle is where the student reads it.
    const message = [d.message, d.explanation, d.fix !== undefined ? `Instead: ${d.fix}` : undefined].filter(Boolean).join('\n\n');
    return {
      severity: d.severity === 'error' ? severities.Error : d.severity === 'warning' ? severities.Warning : severities.Info,
      message,
      source: SOURCE_NAME[d.source],
      ...(d.rule !== undefined ? { code: d.url !== undefined ? { value: d.rule, target: d.url } : d.rule } : {}),
      startLineNumber,
      startColumn: 1,
      endLineNumber,
      endColumn: lineLength(endLineNumber) + 1,
    };
  });
}
