import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatChunks, decodeValue, encodeValue, encodeValueChunks, encodeValueChunksSliced, ValueCodecError } from '../../engine/core/value-codec.ts';

describe('encodeValue / decodeValue', () => {
  it('gives large byte arrays as pieces of their own, by reference, and the same bytes once joined', () => {
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    const small = new Uint8Array([1, 2, 3]);
    const value = { a: 'x', big, rest: [small, big, 7] };
    const chunks = encodeValueChunks(value);
    expect(chunks.filter((c) => c === big)).toHaveLength(1);
    expect(chunks.every((c) => c === big || c.length < 200_000)).toBe(true);
    const joined = concatChunks(chunks);
    expect(joined).toEqual(encodeValue(value));
    const back = decodeValue(joined) as typeof value;
    expect(back.big).toEqual(big);
    // Shared once: the second mention is a reference, not the bytes again.
    expect(back.rest[1]).toBe(back.big);
    expect(joined.length).toBeLessThan(2 * big.length);
  });

  it('round-trips every kind of value it accepts', () => {
    const value = {
      nothing: undefined,
      none: null,
      yes: true,
      no: false,
      ints: [0, 1, -1, 127, 128, -129, 2 ** 40, -(2 ** 53) + 1, Number.MAX_SAFE_INTEGER],
      floats: [0.5, -0, NaN, Infinity, -Infinity, 2 ** 60, 1e-300],
      text: ['', 'héllo', '日本', '\u0000'],
      bytes: new Uint8Array([0, 1, 255]),
      map: new Map<unknown, unknown>([
        ['a', 1],
        [2, 'b'],
      ]),
      set: new Set(['x', 'y']),
      __proto__key: JSON.parse('{"__proto__": 1}') as unknown,
    };
    const back = decodeValue(encodeValue(value)) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is((back.floats as number[])[1], -0)).toBe(true);
    expect(Object.getPrototypeOf(back.__proto__key)).toBe(Object.prototype);
    expect(Object.keys(back.__proto__key as object)).toEqual(['__proto__']);
  });

  it('writes a shared object once and gives back one shared object', () => {
    const leaf = { big: new Uint8Array(10_000) };
    const once = encodeValue([leaf]);
    const twice = encodeValue([leaf, leaf, { again: leaf }]);
    expect(twice.length).toBeLessThan(once.length + 20);
    const back = decodeValue(twice) as [object, object, { again: object }];
    expect(back[1]).toBe(back[0]);
    expect(back[2].again).toBe(back[0]);
  });

  it('tells apart objects whose key lists would join to the same text', () => {
    const value = [{ '': {} }, {}, { 'a\0b': 1, c: 2 }, { a: 1, 'b\0c': 2 }];
    expect(decodeValue(encodeValue(value))).toEqual(value);
  });

  it('keeps key and insertion order, so the same value always gives the same bytes', () => {
    const a = { b: 1, a: new Map([['z', 1], ['y', 2]]) };
    const back = decodeValue(encodeValue(a)) as typeof a;
    expect(Object.keys(back)).toEqual(['b', 'a']);
    expect([...back.a.keys()]).toEqual(['z', 'y']);
    expect(encodeValue(back)).toEqual(encodeValue(a));
  });

  it('refuses what it cannot write: functions, class instances, cycles', () => {
    expect(() => encodeValue({ f: () => 1 })).toThrow(ValueCodecError);
    expect(() => encodeValue(new Date(0))).toThrow(/instance of Date/);
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(() => encodeValue(cycle)).toThrow(/contains itself/);
  });

  it('hands values it cannot write to the external hook and rebuilds them on read', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const p = new Point(3);
    const bytes = encodeValue({ p, q: p }, { external: (v) => (v instanceof Point ? { name: 'point', payload: v.x } : undefined) });
    const back = decodeValue(bytes, { external: (name, payload) => (name === 'point' ? new Point(payload as number) : undefined) }) as { p: Point; q: Point };
    expect(back.p).toEqual(new Point(3));
    expect(back.q).toBe(back.p);
    expect(() => decodeValue(bytes)).toThrow(/unexpected external/);
    expect(() => decodeValue(bytes, { external: () => { throw new Error('nope'); } })).toThrow(/nope/);
  });

  it('refuses hostile input with ValueCodecError: deep nesting, huge counts, bad references, trailing bytes', () => {
    const deep = new Uint8Array(20_001).fill(9 /* array */);
    for (let i = 1; i < deep.length; i += 2) deep[i] = 1;
    expect(() => decodeValue(deep)).toThrow(ValueCodecError);
    expect(() => decodeValue(new Uint8Array([9, 0xff, 0xff, 0xff, 0x7f]))).toThrow(/exceeds/);
    expect(() => decodeValue(new Uint8Array([8, 0]))).toThrow(/unknown object reference/);
    expect(() => decodeValue(new Uint8Array([1, 1]))).toThrow(/trailing/);
    expect(() => decodeValue(new Uint8Array([6, 1, 0xff]))).toThrow(/UTF-8/);
  });

  it('gives back any JSON-like value it was given (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(decodeValue(encodeValue(v))).toEqual(v);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws anything but ValueCodecError on corrupted or truncated input (property)', () => {
    const sample = encodeValue({ a: [1, 'two', new Uint8Array([3])], m: new Map([['k', { x: null }]]), s: new Set([1.5]) });
    fc.assert(
      fc.property(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(sample.length), (at, byte, cut) => {
        const bytes = sample.slice(0, cut);
        if (at < bytes.length) bytes[at] = byte;
        try {
          decodeValue(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(ValueCodecError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('encodeValueChunksSliced', () => {
  it('pauses within one object of many members and between long strings, and gives the same bytes', async () => {
    // An image's labels: one object, 100,000 members, no nested object to pause at.
    const labels = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`l${i}`, `value ${i}`]));
    // A hundred files' text: few values, many characters.
    const texts = Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(100_000, 'x'));
    // An image config: one string of megabytes (with a pair of surrogates across the first piece's end), twice.
    const config = 'x'.repeat(256 * 1024 - 1) + '😀' + 'é'.repeat(1_500_000);
    for (const value of [labels, texts, { config, again: config }]) {
      let pauses = 0;
      const sliced = await encodeValueChunksSliced(value, async () => void pauses++);
      expect(pauses).toBeGreaterThanOrEqual(5);
      // Buffer's comparison: toEqual walks megabytes byte by byte for seconds.
      expect(Buffer.from(concatChunks(sliced)).equals(encodeValue(value))).toBe(true);
      expect(decodeValue(concatChunks(sliced))).toEqual(value);
    }
  });
});
