import { describe, expect, it } from 'vitest';
import { initialIds, nextHexId, nextInt, sha256Hex } from '../../engine/core/ids.ts';
import { NAME_ADJECTIVES, NAME_SURNAMES, nextContainerName } from '../../engine/core/names.ts';

describe('seeded ids', () => {
  it('gives 64-hex ids that depend only on seed and counter', () => {
    const [a, s1] = nextHexId(initialIds(1));
    const [b] = nextHexId(s1);
    const [a2] = nextHexId(initialIds(1));
    const [c] = nextHexId(initialIds(2));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(a2);
    expect(a).not.toBe(b);
    expect(a).not.toBe(c);
    expect(s1.counter).toBe(1);
  });

  it('draws integers in range', () => {
    let s = initialIds(7);
    for (let i = 0; i < 200; i++) {
      const [n, next] = nextInt(s, 10);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(10);
      s = next;
    }
  });

  it('hashes with SHA-256', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('container names', () => {
  it('uses Docker’s word lists', () => {
    expect(NAME_ADJECTIVES).toHaveLength(108);
    expect(NAME_SURNAMES).toHaveLength(241);
    const [name] = nextContainerName(initialIds(3));
    const [adjective, surname] = name.split('_');
    expect(NAME_ADJECTIVES).toContain(adjective);
    expect(NAME_SURNAMES).toContain(surname);
  });

  it('retries with a digit when the name is taken', () => {
    const [first] = nextContainerName(initialIds(3));
    const [second] = nextContainerName(initialIds(3), (n) => n === first);
    expect(second).toMatch(/^[a-z]+_[a-z]+\d$/);
  });
});
