import { describe, expect, it } from 'vitest';
import { MAX_SESSION_FILE_BYTES, sessionFileName, sessionFileTooLarge } from '../../../src/session/download.ts';

describe('sessionFileName', () => {
  it('names the file after the local date and minute, zero-padded', () => {
    const at = new Date(2026, 0, 5, 7, 3, 59).getTime();
    expect(sessionFileName(at)).toBe('dockyard-session-20260105-0703.dockyard');
    expect(sessionFileName(at, 'damaged-session')).toBe('dockyard-damaged-session-20260105-0703.dockyard');
  });
});

describe('sessionFileTooLarge', () => {
  it('refuses, before reading it, a file too large to be a session', () => {
    expect(sessionFileTooLarge(40 * 1024 * 1024)).toBeUndefined();
    expect(sessionFileTooLarge(MAX_SESSION_FILE_BYTES)).toBeUndefined();
    expect(sessionFileTooLarge(3 * 1024 * 1024 * 1024)).toBe('the file is 3072 MB, too large to be a Dockyard session (at most 512 MB).');
  });
});
