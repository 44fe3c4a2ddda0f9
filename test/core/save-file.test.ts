import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate, readSaveFile, SaveFormatError, writeSaveFile, type Migration, type SaveFormat } from '../../engine/core/save-file.ts';

const payload = new TextEncoder().encode('payload '.repeat(100));

function format(version: number, migrations: SaveFormat['migrations'] = new Map()): SaveFormat {
  return { magic: 'TEST-SAVE-FORMAT', version, migrations };
}

function problemOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SaveFormatError) return e.problem;
    throw e;
  }
  return 'accepted';
}

describe('save file envelope', () => {
  it('round-trips a payload and says which version wrote it; deflates when that is smaller', () => {
    const bytes = writeSaveFile(format(3), payload);
    expect(bytes.length).toBeLessThan(payload.length);
    expect(readSaveFile(format(3), bytes)).toEqual({ version: 3, payload });
    // An incompressible payload is stored as is.
    const noise = Uint8Array.from({ length: 64 }, (_, i) => (i * 193 + 7) % 256);
    expect(readSaveFile(format(1), writeSaveFile(format(1), noise)).payload).toEqual(noise);
  });

  it('tells a foreign file, a damaged one and one from a newer version apart', () => {
    const bytes = writeSaveFile(format(2), payload);
    expect(problemOf(() => readSaveFile({ ...format(2), magic: 'OTHER-SAVE-FORMA' }, bytes))).toBe('not-a-save');
    expect(problemOf(() => readSaveFile(format(1), bytes))).toBe('too-new');
    const flipped = bytes.slice();
    flipped[flipped.length - 3]! ^= 1;
    expect(problemOf(() => readSaveFile(format(2), flipped))).toBe('damaged');
    expect(problemOf(() => readSaveFile(format(2), bytes.subarray(0, 40)))).toBe('damaged');
    // The version is under the checksum: a save that claims an older version than it was written in is damage.
    const older = bytes.slice();
    older[16] = 1;
    expect(problemOf(() => readSaveFile(format(2), older))).toBe('damaged');
  });

  it('upgrades an old payload by running each migration from its version in turn', () => {
    const seen: number[] = [];
    const f = format(
      3,
      new Map<number, Migration>([
        [1, (p: unknown) => (seen.push(1), { ...(p as object), renamed: (p as { old: number }).old })],
        [2, (p: unknown) => (seen.push(2), { ...(p as object), added: true })],
      ]),
    );
    expect(migrate(f, 1, { old: 5 })).toEqual({ old: 5, renamed: 5, added: true });
    expect(seen).toEqual([1, 2]);
    expect(migrate(f, 2, { x: 1 })).toEqual({ x: 1, added: true });
    expect(migrate(f, 3, { x: 1 })).toEqual({ x: 1 });
    expect(problemOf(() => migrate(f, 0, {}))).toBe('too-old');
    const failing = format(2, new Map([[1, () => { throw new Error('no field'); }]]));
    expect(problemOf(() => migrate(failing, 1, {}))).toBe('damaged');
  });

  it('never accepts or throws anything else for a truncated or corrupted file (property)', () => {
    const good = writeSaveFile(format(1), payload);
    fc.assert(
      fc.property(fc.nat(good.length), fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), (cut, at, xor) => {
        const bytes = good.slice(0, cut);
        if (at < bytes.length) bytes[at]! ^= xor;
        const problem = problemOf(() => readSaveFile(format(1), bytes));
        expect(['not-a-save', 'damaged', 'too-new']).toContain(problem);
      }),
      { numRuns: 1000 },
    );
  });
});
