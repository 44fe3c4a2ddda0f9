import fc from 'fast-check';
import { makeDir, makeFile, makeSymlink } from '../../engine/fs/tree.ts';
import { syntheticContent } from '../../engine/fs/content.ts';
import type { DirEntry, Entry } from '../../engine/fs/types.ts';

/** Random trees over a tiny alphabet, so that two independently drawn trees overlap and conflict a lot. */
const names = fc.constantFrom('a', 'b', 'c', 'd.txt', 'é');
const meta = fc.record({ mode: fc.constantFrom(0o644, 0o755, 0o600), uid: fc.constantFrom(0, 1000), mtime: fc.constantFrom(0, 1, 1700000000) });
const leaf: fc.Arbitrary<Entry> = fc.oneof(
  fc.tuple(fc.constantFrom('', 'x', 'hello\n', 'y'.repeat(700)), meta).map(([s, m]) => makeFile(s, m)),
  fc.tuple(fc.constantFrom('s1', 's2'), fc.constantFrom(10, 5000), meta).map(([seed, size, m]) => makeFile(syntheticContent(seed, size), m)),
  fc.tuple(fc.constantFrom('a', '../b', '/c/d'), meta).map(([t, m]) => makeSymlink(t, { ...m, mode: 0o777 })),
);

export function arbDir(depth: number): fc.Arbitrary<DirEntry> {
  const child: fc.Arbitrary<Entry> = depth <= 0 ? leaf : fc.oneof({ weight: 2, arbitrary: leaf }, { weight: 1, arbitrary: arbDir(depth - 1) });
  return fc
    .tuple(fc.uniqueArray(fc.tuple(names, child), { selector: ([n]) => n, maxLength: 4 }), meta)
    .map(([kids, m]) => makeDir(kids, { ...m, mode: 0o755 }));
}

/** A root: default metadata, since a tar does not record the layer root. */
export const arbRoot: fc.Arbitrary<DirEntry> = arbDir(3).map((d) => makeDir(d.children));
