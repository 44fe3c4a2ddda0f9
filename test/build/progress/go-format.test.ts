import { describe, expect, it } from 'vitest';
import { durationSeconds, goFixed } from '../../../engine/build/progress/go-format.ts';

describe('goFixed (Go %.Nf)', () => {
  it('rounds an exact tie to the even digit, where toFixed rounds up', () => {
    expect(goFixed(0.25, 1)).toBe('0.2');
    expect(goFixed(0.75, 1)).toBe('0.8');
    expect(goFixed(1.125, 2)).toBe('1.12');
    expect(goFixed(2.5, 0)).toBe('2');
    expect(goFixed(3.5, 0)).toBe('4');
  });

  it('rounds the binary value, so a decimal that is not a tie goes its own way', () => {
    // 0.35 is stored just below 0.35, 2.05 just below 2.05, 0.05 just above 0.05.
    expect(goFixed(0.35, 1)).toBe('0.3');
    expect(goFixed(2.05, 1)).toBe('2.0');
    expect(goFixed(0.05, 1)).toBe('0.1');
    expect(goFixed(0.412, 3)).toBe('0.412');
    expect(goFixed(12.3456, 2)).toBe('12.35');
  });
});

describe('durationSeconds', () => {
  it('adds whole seconds and the nanosecond rest as time.Duration.Seconds does', () => {
    expect(durationSeconds(2050)).toBe(2 + 0.05);
    expect(durationSeconds(412)).toBe(0.412);
    expect(durationSeconds(0)).toBe(0);
  });
});
