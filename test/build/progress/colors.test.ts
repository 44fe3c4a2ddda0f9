import { describe, expect, it } from 'vitest';
import { DEFAULT_COLORS, paint, progressColors } from '../../../engine/build/progress/colors.ts';

describe('progressColors', () => {
  it('uses blue for finished steps, yellow for cancelled ones and warnings, red for errors', () => {
    expect(progressColors()).toEqual({ run: '\x1b[34m', cancel: '\x1b[33m', warning: '\x1b[33m', error: '\x1b[31m' });
  });

  it('has no colours with NO_COLOR, whatever BUILDKIT_COLORS says', () => {
    expect(progressColors({ NO_COLOR: '1', BUILDKIT_COLORS: 'run=green' })).toEqual({});
    expect(progressColors({ NO_COLOR: '' })).toEqual(DEFAULT_COLORS);
  });

  it('reads BUILDKIT_COLORS names and RGB triples, skipping what does not parse', () => {
    const c = progressColors({ BUILDKIT_COLORS: 'RUN=Green:error=255,0,0:bogus:cancel=nosuch:warning=light-magenta:x=red' });
    expect(c).toEqual({ run: '\x1b[32m', error: '\x1b[38;5;196m', cancel: '\x1b[33m', warning: '\x1b[95m' });
    expect(progressColors({ BUILDKIT_COLORS: 'run=256,0,0' }).run).toBe('\x1b[34m');
  });

  it('paints with a reset after the text', () => {
    expect(paint('x\n', '\x1b[34m')).toBe('\x1b[34mx\n\x1b[0m');
    expect(paint('x', undefined)).toBe('x');
  });
});
