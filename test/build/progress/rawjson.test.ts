import { describe, expect, it } from 'vitest';
import { base64, RawJsonPrinter, solveStatusJson } from '../../../engine/build/progress/rawjson.ts';

const t0 = Date.UTC(2025, 6, 14, 9, 0, 0);

describe('rawjson', () => {
  it('writes client.SolveStatus with its JSON field names, RFC 3339 times and base64 bytes', () => {
    const line = solveStatusJson({
      vertexes: [{ id: 'sha256:aa', name: '[2/2] RUN echo <hi>', started: t0, completed: t0 + 412, error: 'boom' }],
      statuses: [{ id: 's1', vertex: 'sha256:aa', name: 'transferring context:', current: 1210, started: t0, timestamp: t0 + 5 }],
      logs: [{ vertex: 'sha256:aa', stream: 1, data: 'hi\n', timestamp: t0 + 100 }],
      warnings: [],
    });
    expect(JSON.parse(line)).toEqual({
      vertexes: [
        { digest: 'sha256:aa', name: '[2/2] RUN echo <hi>', started: '2025-07-14T09:00:00Z', completed: '2025-07-14T09:00:00.412Z', error: 'boom' },
      ],
      statuses: [{ id: 'transferring context:', vertex: 'sha256:aa', current: 1210, timestamp: '2025-07-14T09:00:00.005Z', started: '2025-07-14T09:00:00Z' }],
      logs: [{ vertex: 'sha256:aa', stream: 1, data: 'aGkK', timestamp: '2025-07-14T09:00:00.1Z' }],
    });
    // Go's encoder escapes <, > and & in strings.
    expect(line).toContain('RUN echo \\u003chi\\u003e');
  });

  it('marks a cancelled vertex with the context error and a cached one as cached', () => {
    const line = solveStatusJson({
      vertexes: [
        { id: 'a', name: 'x', started: t0, completed: t0, canceled: true },
        { id: 'b', name: 'y', started: t0, completed: t0, cached: true },
      ],
      statuses: [],
      logs: [],
      warnings: [{ vertex: 'a', short: 'S', detail: ['D'], range: { start: 2, end: 2 } }],
    });
    const parsed = JSON.parse(line);
    expect(parsed.vertexes[0].error).toBe('context canceled');
    expect(parsed.vertexes[1].cached).toBe(true);
    expect(parsed.warnings).toEqual([{ vertex: 'a', short: 'Uw==', detail: ['RA=='], range: [{ start: { line: 2 }, end: { line: 2 } }] }]);
  });

  it('prints one line per update', async () => {
    let out = '';
    const p = new RawJsonPrinter({ write: (s) => void (out += s) });
    await p.write({ vertexes: [{ id: 'a', name: 'x' }], statuses: [], logs: [], warnings: [] });
    await p.write({ vertexes: [], statuses: [], logs: [], warnings: [] });
    await p.done();
    expect(out).toBe('{"vertexes":[{"digest":"a","name":"x"}]}\n{}\n');
  });

  it('encodes UTF-8 in base64 as Go does', () => {
    expect(base64('')).toBe('');
    expect(base64('ab')).toBe('YWI=');
    expect(base64('héllo')).toBe('aMOpbGxv');
  });
});
