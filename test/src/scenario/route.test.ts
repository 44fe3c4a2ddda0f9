import { describe, expect, it } from 'vitest';
import { hashOf, parseHash, sameRoute, storeNameOf } from '../../../src/scenario/route.ts';

describe('scenario routes', () => {
  it('reads a scenario id or the sandbox from the hash', () => {
    expect(parseHash('#scenario=persist-with-volume')).toEqual({ kind: 'scenario', id: 'persist-with-volume' });
    expect(parseHash('#sandbox')).toEqual({ kind: 'sandbox' });
    expect(parseHash('')).toEqual({ kind: 'sandbox' });
  });

  it('treats ids the format does not allow as the sandbox', () => {
    for (const bad of ['#scenario=', '#scenario=../x', '#scenario=Persist', '#scenario=%E0%A4%A', '#scenario=a b', '#other=x']) {
      expect(parseHash(bad)).toEqual({ kind: 'sandbox' });
    }
  });

  it('writes the hash it reads', () => {
    for (const hash of ['#scenario=cache-order', '#sandbox']) expect(hashOf(parseHash(hash))).toBe(hash);
  });

  it('keeps the sandbox under its old keys and each scenario apart', () => {
    expect(storeNameOf({ kind: 'sandbox' })).toBe('');
    expect(storeNameOf({ kind: 'scenario', id: 'a' })).not.toBe(storeNameOf({ kind: 'scenario', id: 'b' }));
    expect(sameRoute({ kind: 'scenario', id: 'a' }, { kind: 'scenario', id: 'a' })).toBe(true);
    expect(sameRoute({ kind: 'scenario', id: 'a' }, { kind: 'sandbox' })).toBe(false);
  });
});
