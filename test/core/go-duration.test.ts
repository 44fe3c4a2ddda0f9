import { describe, expect, it } from 'vitest';
import { formatGoDuration } from '../../engine/core/go-duration.ts';

describe("formatGoDuration (Go's time.Duration.String)", () => {
  it.each([
    [0, '0s'],
    [500, '500ns'],
    [1_500, '1.5µs'],
    [2_000_000, '2ms'],
    [1_500_000_000, '1.5s'],
    [30e9, '30s'],
    [90e9, '1m30s'],
    [3600e9, '1h0m0s'],
    [-2e9, '-2s'],
  ])('%d ns is %s', (ns, text) => {
    expect(formatGoDuration(ns)).toBe(text);
  });
});
