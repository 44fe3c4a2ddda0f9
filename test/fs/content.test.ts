import { describe, expect, it } from 'vitest';
import { bytesContent, contentChunks, contentEquals, contentSize, readContent, readRange, syntheticContent } from '../../engine/fs/content.ts';

describe('content', () => {
  it('synthetic bytes are a pure function of (seed, size)', () => {
    const a = readContent(syntheticContent('node', 200_000));
    const b = readContent(syntheticContent('node', 200_000));
    expect(a).toEqual(b);
    expect(readContent(syntheticContent('node2', 200_000))).not.toEqual(a);
    expect(readContent(syntheticContent('node', 199_999))).not.toEqual(a.subarray(0, 199_999));
    // Pinned, so the bytes (and every diffID over them) cannot drift silently.
    expect([...readRange(syntheticContent('pin', 16), 0, 16)].map((x) => x.toString(16).padStart(2, '0')).join('')).toMatchInlineSnapshot(`"519b171f00278c5cb9a792dbed241ab6"`);
  });

  it('looks random (byte histogram roughly flat, blocks differ)', () => {
    const bytes = readContent(syntheticContent('r', 256 * 1024));
    const counts = new Array<number>(256).fill(0);
    for (const x of bytes) counts[x]!++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1250);
    expect(bytes.subarray(0, 64)).not.toEqual(bytes.subarray(65536, 65536 + 64));
  });

  it('chunks, ranges and whole reads agree', () => {
    const c = syntheticContent('s', 150_001);
    const whole = readContent(c);
    const chunks = [...contentChunks(c)];
    expect(chunks.map((x) => x.length)).toEqual([65536, 65536, 150_001 - 131072]);
    const joined = new Uint8Array(150_001);
    let off = 0;
    for (const ch of chunks) {
      joined.set(ch, off);
      off += ch.length;
    }
    expect(joined).toEqual(whole);
    expect(readRange(c, 65530, 65550)).toEqual(whole.subarray(65530, 65550));
    expect(readRange(c, 150_000, 999_999)).toEqual(whole.subarray(150_000));
    expect(contentSize(c)).toBe(150_001);
    expect([...contentChunks(syntheticContent('e', 0))]).toEqual([]);
  });

  it('compares content across kinds', () => {
    const s = syntheticContent('q', 1000);
    expect(contentEquals(s, bytesContent(readContent(s).slice()))).toBe(true);
    expect(contentEquals(s, syntheticContent('q', 1000))).toBe(true);
    expect(contentEquals(s, syntheticContent('q', 1000, 'sh'))).toBe(false);
    expect(contentEquals(bytesContent('ab'), bytesContent('ac'))).toBe(false);
    expect(contentEquals(bytesContent('ab'), bytesContent('ab'))).toBe(true);
  });
});
