import { describe, expect, it } from 'vitest';
import { sessionFileName } from '../../../src/session/download.ts';

describe('sessionFileName', () => {
  it('names the file after the local date and minute, zero-padded', () => {
    const at = new Date(2026, 0, 5, 7, 3, 59).getTime();
    expect(sessionFileName(at)).toBe('dockyard-session-20260105-0703.dockyard');
    expect(sessionFileName(at, 'damaged-session')).toBe('dockyard-damaged-session-20260105-0703.dockyard');
  });
});
