import { describe, expect, it } from 'vitest';
import { imageConfigJson, rfc3339 } from '../../engine/build/image-config.ts';

const pause = () => Promise.resolve();

describe('imageConfigJson', () => {
  it('writes sorted top-level keys and config fields in Docker struct order, empty ones left out', async () => {
    const { json } = await imageConfigJson({ Cmd: ['node'], Env: ['PATH=/bin'], WorkingDir: '/app', User: '', Labels: {} }, [{ createdBy: 'x', emptyLayer: false, created: 1_000 }], ['sha256:a'], pause);
    expect(json).toBe('{"architecture":"amd64","config":{"Env":["PATH=/bin"],"Cmd":["node"],"WorkingDir":"/app"},"created":"1970-01-01T00:00:01Z","history":[{"created":"1970-01-01T00:00:01Z","created_by":"x"}],"os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:a"]}}');
  });

  it('gives metadata lines the time of the layer line before them, and earlier ones the first new layer time', async () => {
    const { config } = await imageConfigJson({}, [
      { createdBy: 'base', emptyLayer: false, created: '2025-01-01T00:00:00Z' },
      { createdBy: 'ENV a=1', emptyLayer: true },
      { createdBy: 'RUN x', emptyLayer: false, created: 5_000 },
      { createdBy: 'CMD', emptyLayer: true },
    ], [], pause);
    expect(config.history.map((h) => h.created)).toEqual(['2025-01-01T00:00:00Z', '1970-01-01T00:00:05Z', '1970-01-01T00:00:05Z', '1970-01-01T00:00:05Z']);
    expect(config.created).toBe('1970-01-01T00:00:05Z');
  });

  it('formats times as Go RFC3339Nano', () => {
    expect(rfc3339(1_500)).toBe('1970-01-01T00:00:01.5Z');
  });
});
