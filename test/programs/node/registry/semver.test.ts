import { describe, expect, it } from 'vitest';
import { maxSatisfying, satisfies } from '../../../../engine/programs/node/registry/semver.ts';

describe('semver ranges', () => {
  it.each([
    ['4.21.2', '^4.19.2', true],
    ['5.1.0', '^4.19.2', false],
    ['0.2.5', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['1.3.9', '~1.3.8', true],
    ['1.4.0', '~1.3.8', false],
    ['2.1.3', '2.1.3', true],
    ['2.1.4', '2.1.3', false],
    ['9.9.9', '*', true],
    ['4.2.0', '4.x', true],
    ['4.2.0', '4', true],
    ['2.1.2', '>=2.1.2', true],
    ['3.0.0', '>= 2.1.2 < 3', false],
    ['1.5.0', '1.2.3 - 1.6', true],
    ['7.0.0', '^14.1.0 || ^7.0.0', true],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('picks the highest matching version', () => {
    expect(maxSatisfying(['4.17.1', '4.21.2', '5.1.0'], '^4.17.0')).toBe('4.21.2');
    expect(maxSatisfying(['4.17.1'], '^5')).toBeUndefined();
  });
});
