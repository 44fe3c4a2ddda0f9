import { describe, expect, it } from 'vitest';
import { logWindow } from '../../engine/cli/log-window.ts';

const NOW = Date.UTC(2025, 0, 6, 9, 10, 0);
const at = (min: number) => ({ stream: 'stdout' as const, time: Date.UTC(2025, 0, 6, 9, min, 0), text: `${min}\n` });
const shown = (since: string, until: string) => [0, 2, 4, 6, 8, 10].map(at).filter(logWindow(since, until, NOW).includes).map((e) => e.text.trim());

describe('logWindow: docker logs --since/--until', () => {
  it('reads durations back from now, RFC 3339 dates and Unix timestamps; both ends inclusive', () => {
    expect(shown('', '')).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(shown('4m', '')).toEqual(['6', '8', '10']);
    expect(shown('', '4m')).toEqual(['0', '2', '4', '6']);
    expect(shown('2025-01-06T09:02:00Z', '2025-01-06T09:06:00Z')).toEqual(['2', '4', '6']);
    expect(shown(String(Date.UTC(2025, 0, 6, 9, 8, 0) / 1000), '')).toEqual(['8', '10']);
  });

  it('ends a follow once until has passed', () => {
    const w = logWindow('', '1m', NOW);
    expect(w.ended(NOW)).toBe(true);
    expect(logWindow('', '', NOW).ended(NOW + 1e9)).toBe(false);
  });

  it('refuses what it cannot read as the client library words it', () => {
    expect(() => logWindow('xyz', '', NOW)).toThrow('invalid value for "since": failed to parse value as time or duration: "xyz"');
    expect(() => logWindow('', '10x', NOW)).toThrow('invalid value for "until"');
  });
});
