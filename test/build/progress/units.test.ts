import { describe, expect, it } from 'vitest';
import { progressBytes } from '../../../engine/build/progress/units.ts';

describe('progressBytes (units.Bytes with %.2f)', () => {
  it('keeps sizes under 1000 bytes whole', () => {
    expect(progressBytes(0)).toBe('0B');
    expect(progressBytes(312)).toBe('312B');
    expect(progressBytes(999)).toBe('999B');
  });

  it('always gives two decimals in decimal units', () => {
    expect(progressBytes(1000)).toBe('1.00kB');
    expect(progressBytes(1210)).toBe('1.21kB');
    expect(progressBytes(45_600_000)).toBe('45.60MB');
    expect(progressBytes(1_130_000_000)).toBe('1.13GB');
  });

  it('rounds like Go: 1.125 is a tie (even digit kept), 1.215 is stored above the tie', () => {
    expect(progressBytes(1125)).toBe('1.12kB');
    expect(progressBytes(1215)).toBe('1.22kB');
  });
});
