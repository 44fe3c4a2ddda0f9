import { describe, expect, it } from 'vitest';
import { dockerfileDiagnostics } from '../../../engine/dockerfile/diagnostics.ts';
import { toMarkers } from '../../../src/editor/markers.ts';

const SEVERITY = { Error: 8, Warning: 4, Info: 2 };

function markersFor(source: string) {
  const lines = source.split('\n');
  return toMarkers(dockerfileDiagnostics(source), SEVERITY, lines.length, (n) => lines[n - 1]!.length);
}

describe('diagnostics as Monaco markers', () => {
  it('marks a parse error over its whole line as an error', () => {
    expect(markersFor('FROM alpine\nRUNN echo hi\n')).toEqual([
      { severity: 8, message: 'unknown instruction: RUNN (did you mean RUN?)', source: 'Dockerfile', startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 13 },
    ]);
  });

  it('spans continuation lines and keeps BuildKit\'s rule with its docs link', () => {
    const m = markersFor('FROM alpine:3.21\nMAINTAINER me\n').find((x) => x.source === 'BuildKit');
    expect(m).toMatchObject({
      severity: 4,
      source: 'BuildKit',
      code: { value: 'MaintainerDeprecated', target: 'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/' },
      startLineNumber: 2,
      endColumn: 14,
    });
    const [multi] = markersFor('FROM a\n\nENV A \\\n\n');
    expect(multi).toMatchObject({ startLineNumber: 3, endLineNumber: 4, endColumn: 1 });
  });

  it('gives teaching advice its explanation and fix, and info severity', () => {
    const ms = markersFor('FROM node AS build\nCOPY . .\nRUN npm ci\nCMD ["node", "x.js"]\n');
    const info = ms.find((m) => m.severity === 2);
    expect(info?.source).toBe('Dockyard');
    const advice = ms.find((m) => (typeof m.code === 'string' ? m.code : m.code?.value) === 'DependenciesAfterSourceCopy');
    expect(advice?.message.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(advice?.message).toContain('Instead: ');
  });

  it('clamps lines past the end of the model', () => {
    const [m] = toMarkers([{ source: 'parser', message: 'x', severity: 'error', startLine: 9, endLine: 12 }], SEVERITY, 3, () => 4);
    expect(m).toMatchObject({ startLineNumber: 3, endLineNumber: 3, endColumn: 5 });
  });
});
