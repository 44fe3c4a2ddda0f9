import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { syntheticContent } from '../../engine/fs/content.ts';
import { VirtualClock } from '../../engine/core/clock.ts';
import { chainId, chainIds, diffIdOf, diffIdOfSliced, digestBytes, digestTextSliced, digestChunks, EMPTY_LAYER_DIFF_ID, setSha256 } from '../../engine/fs/digest.ts';
import { tarBytes } from '../../engine/fs/tar.ts';
import { buildTree, makeDir, makeFile } from '../../engine/fs/tree.ts';
import { countYields } from '../yields.ts';

const nodeSha = (b: Uint8Array | string) => 'sha256:' + createHash('sha256').update(b).digest('hex');

describe('digests', () => {
  it('pins the empty layer diffID', () => {
    expect(diffIdOf(makeDir())).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
    expect(EMPTY_LAYER_DIFF_ID).toBe(nodeSha(new Uint8Array(1024)));
  });

  it('diffID is the sha256 of the tar, streamed', () => {
    const t = buildTree([
      { path: '/big', entry: makeFile(syntheticContent('x', 300_000)) },
      { path: '/small', entry: makeFile('s') },
    ]);
    expect(diffIdOf(t)).toBe(nodeSha(tarBytes(t)));
    expect(digestChunks([new Uint8Array([1, 2]), new Uint8Array([3])])).toBe(nodeSha(new Uint8Array([1, 2, 3])));
    expect(digestBytes('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes a large layer in slices to the same diffID, yielding on the clock between them', async () => {
    const layer = () => buildTree([{ path: '/big', entry: makeFile(syntheticContent('y', 1_000_000)) }]);
    const clock = new VirtualClock();
    const yields = countYields(clock);
    const sliced = layer();
    expect(await diffIdOfSliced(sliced, clock)).toBe(nodeSha(tarBytes(layer())));
    expect(yields()).toBeGreaterThanOrEqual(3);
    // Remembered: the synchronous diffIdOf of the same layer object does not hash again.
    expect(diffIdOf(sliced)).toBe(nodeSha(tarBytes(layer())));
  });

  it('hashes megabytes of text in slices to the same digest, a surrogate pair on a slice boundary included', async () => {
    const clock = new VirtualClock();
    const yields = countYields(clock);
    // 128 KiB slices: the emoji straddles the first boundary.
    const text = 'x'.repeat(128 * 1024 - 1) + '😀' + 'é<>'.repeat(200_000);
    expect(await digestTextSliced(text, clock)).toBe(nodeSha(text));
    expect(yields()).toBeGreaterThanOrEqual(3);
    expect(await digestTextSliced('', clock)).toBe(nodeSha(''));
  });

  it('computes OCI chainIDs', () => {
    const a = 'sha256:' + 'a'.repeat(64);
    const b = 'sha256:' + 'b'.repeat(64);
    const c = 'sha256:' + 'c'.repeat(64);
    expect(chainId([a])).toBe(a);
    const ab = nodeSha(`${a} ${b}`);
    expect(chainId([a, b])).toBe(ab);
    expect(chainId([a, b, c])).toBe(nodeSha(`${ab} ${c}`));
    expect(chainIds([a, b, c])).toEqual([a, ab, nodeSha(`${ab} ${c}`)]);
    expect(() => chainId([])).toThrow();
  });

  it('accepts a native hasher with identical results', () => {
    const t = buildTree([{ path: '/f', entry: makeFile(syntheticContent('n', 100_000)) }]);
    const expected = digestChunks([tarBytes(t)]);
    let calls = 0;
    setSha256(() => {
      const h = createHash('sha256');
      return {
        update: (d) => {
          calls++;
          h.update(d);
        },
        hex: () => h.digest('hex'),
      };
    });
    try {
      expect(digestChunks([tarBytes(t)])).toBe(expected);
      expect(calls).toBe(1);
    } finally {
      setSha256();
    }
    expect(digestBytes('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
