import { describe, expect, it } from 'vitest';
import { layerHeight, shareColour, shareMark } from '../../../src/pictures/layer-style.ts';

describe('layer blocks', () => {
  it('grow with size on a log scale, so an empty layer still shows', () => {
    expect(layerHeight(0)).toBeGreaterThan(0);
    expect(layerHeight(1_000)).toBeGreaterThan(layerHeight(0));
    expect(layerHeight(100_000_000)).toBeGreaterThan(layerHeight(1_000_000));
    expect(layerHeight(100_000_000)).toBeLessThan(4 * layerHeight(0));
  });

  it('name shared layers with letters past Z, and colour only shared ones', () => {
    expect([1, 2, 26, 27, 28, 52, 53].map(shareMark)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
    expect(shareColour(undefined)).toBeUndefined();
    expect(shareColour(1)).not.toBe(shareColour(2));
  });
});
