import { describe, expect, it } from 'vitest';
import { contentDigest, copyChecksum, diffChecksums, selectedFiles, selectedFilesSliced, warmDigests } from '../../../engine/build/context/checksum.ts';
import { loadBuildContext } from '../../../engine/build/context/load.ts';
import { bytesContent, syntheticContent } from '../../../engine/fs/content.ts';
import { digestBytes } from '../../../engine/fs/digest.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { buildTree, makeDir, makeFile } from '../../../engine/fs/tree.ts';
import { T0, tree } from './helpers.ts';

const APP = '/home/student/app';

function project(): TreeFs {
  const fs = new TreeFs(makeDir(), () => T0 + 100);
  fs.mkdir('/home/student', { recursive: true });
  fs.putEntry(
    APP,
    tree(
      {
        Dockerfile: 'FROM node:20\nCOPY . .\n',
        '.dockerignore': 'node_modules\n',
        'package.json': '{"name":"app"}',
        'package-lock.json': '{"lockfileVersion":3}',
        'src/index.ts': 'console.log("hi")',
        'src/util.ts': 'export {}',
        'node_modules/left-pad/index.js': 'module.exports = 1',
      },
      { uid: 1000, gid: 1000 },
    ),
  );
  return fs;
}

function sum(fs: TreeFs, sources: string[] = ['.']) {
  return copyChecksum(loadBuildContext(fs, APP).root, sources, { contextRoot: true });
}

describe('copyChecksum', () => {
  it('keeps the checksum when a file is only touched (mtime)', () => {
    const fs = project();
    const before = sum(fs);
    fs.utimes(`${APP}/src/index.ts`, T0 + 3600);
    expect(sum(fs).digest).toBe(before.digest);
  });

  it('changes the checksum when content, a permission bit, a name or the tree shape changes', () => {
    const fs = project();
    const base = sum(fs).digest;
    const variants: ((f: TreeFs) => void)[] = [
      (f) => f.writeFile(`${APP}/src/index.ts`, 'console.log("bye")'),
      (f) => f.chmod(`${APP}/src/index.ts`, 0o755),
      (f) => f.rename(`${APP}/src/util.ts`, `${APP}/src/utils.ts`),
      (f) => {
        f.mkdir(`${APP}/src/lib`);
        f.rename(`${APP}/src/util.ts`, `${APP}/src/lib/util.ts`);
      },
      (f) => f.mkdir(`${APP}/empty`),
    ];
    const digests = variants.map((change) => {
      const f = project();
      change(f);
      return sum(f).digest;
    });
    for (const d of digests) expect(d).not.toBe(base);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('ignores what .dockerignore keeps out of the context, and owners (BuildKit hashes uid/gid as 0)', () => {
    const fs = project();
    const before = sum(fs).digest;
    fs.writeFile(`${APP}/node_modules/left-pad/index.js`, 'module.exports = 2');
    expect(sum(fs).digest).toBe(before);
    const root = tree({ 'a.txt': 'x' }, { uid: 0 });
    const owned = tree({ 'a.txt': 'x' }, { uid: 1000, gid: 1000 });
    expect(copyChecksum(owned, ['a.txt']).digest).toBe(copyChecksum(root, ['a.txt']).digest);
  });

  it('only looks at the selected sources: COPY package* . does not care about src/', () => {
    const fs = project();
    const before = sum(fs, ['package*']);
    expect(before.selected.map((s) => s.path)).toEqual(['/package-lock.json', '/package.json']);
    fs.writeFile(`${APP}/src/index.ts`, 'changed');
    expect(sum(fs, ['package*']).digest).toBe(before.digest);
    fs.writeFile(`${APP}/package.json`, '{"name":"app","version":"2"}');
    expect(sum(fs, ['package*']).digest).not.toBe(before.digest);
  });

  it('fails for a missing plain source, and takes an empty wildcard as selecting nothing', () => {
    const fs = project();
    expect(() => sum(fs, ['prisma'])).toThrow('"/prisma": not found');
    expect(sum(fs, ['*.none']).selectors).toEqual([{ path: '/*.none', digest: digestBytes('') }]);
  });

  it("hashes a file as a tarsum v1 header then its bytes, and a directory as its header and children's digests", () => {
    const file = makeFile(bytesContent('hi'), { mode: 0o644, mtime: T0 });
    const header = 'namemode420uid0gid0size2typeflag0linknameunamegnamedevmajor0devminor0';
    expect(contentDigest(file)).toBe(digestBytes(header + 'hi'));
    const dir = makeDir([['f', file]], { mode: 0o755 });
    const dirHeader = digestBytes('namemode493uid0gid0size0typeflag5linknameunamegnamedevmajor0devminor0');
    expect(contentDigest(dir)).toBe(digestBytes(`\0${dirHeader}\0f${contentDigest(file)}`));
  });

  it('de-duplicates selectors and does not depend on their order', () => {
    const fs = project();
    expect(sum(fs, ['src', 'src/index.ts']).digest).toBe(sum(fs, ['src']).digest);
    expect(sum(fs, ['package.json', 'src']).digest).toBe(sum(fs, ['src', 'package.json']).digest);
  });
});

describe('explaining a checksum change', () => {
  it('names the files that changed, appeared or went away', () => {
    const fs = project();
    const before = sum(fs);
    fs.writeFile(`${APP}/src/index.ts`, 'console.log("bye")');
    fs.writeFile(`${APP}/src/new.ts`, 'export const x = 1');
    fs.rm(`${APP}/src/util.ts`);
    fs.utimes(`${APP}/package.json`, T0 + 9999);
    expect(diffChecksums(before, sum(fs))).toEqual({ changed: ['src/index.ts'], added: ['src/new.ts'], removed: ['src/util.ts'] });
  });

  it('lists the selected files with their digests', () => {
    const files = selectedFiles(sum(project(), ['src', 'package.json']));
    expect([...files.keys()]).toEqual(['package.json', 'src/index.ts', 'src/util.ts']);
  });

  it('lists them in slices, with the same result, for a COPY of many files', async () => {
    const items = [];
    for (let f = 0; f < 5000; f++) items.push({ path: `/app/f${f}`, entry: makeFile(`${f}`, { mtime: T0 }) });
    const checksum = copyChecksum(buildTree(items), ['app']);
    let pauses = 0;
    const sliced = await selectedFilesSliced(checksum, async () => void pauses++);
    expect([...sliced]).toEqual([...selectedFiles(checksum)]);
    expect(sliced.size).toBe(5000);
    expect(pauses).toBeGreaterThanOrEqual(2);
  });

  it('stays fast on a 10,000-file, 50 MB context when one file changed', () => {
    const items = [];
    for (let d = 0; d < 100; d++) {
      for (let f = 0; f < 100; f++) {
        items.push({ path: `/pkg${d}/file${f}.js`, entry: makeFile(syntheticContent(`f${d}.${f}`, 5000), { mtime: T0 }) });
      }
    }
    const fs = new TreeFs(makeDir(), () => T0 + 1);
    fs.mkdir('/home/student', { recursive: true });
    fs.putEntry(APP, buildTree([...items, { path: '/Dockerfile', entry: makeFile(bytesContent('FROM scratch\nCOPY . .\n')) }]));
    const first = sum(fs);
    fs.writeFile(`${APP}/pkg42/file7.js`, 'changed');
    const t0 = performance.now();
    const context = loadBuildContext(fs, APP).root;
    const t1 = performance.now();
    const second = copyChecksum(context, ['.'], { contextRoot: true });
    const t2 = performance.now();
    expect(second.digest).not.toBe(first.digest);
    expect(diffChecksums(first, second).changed).toEqual(['pkg42/file7.js']);
    // Only the changed file and the directories above it are walked and hashed again; the rest is remembered.
    // (The first pass hashes all 50 MB and takes seconds.)
    expect(t1 - t0).toBeLessThan(300);
    expect(t2 - t1).toBeLessThan(100);
  });
});

describe('warmDigests', () => {
  it('digests a large directory in slices, and the checksum after it is the one computed in one pass', async () => {
    const files = (tag: string) =>
      buildTree(Array.from({ length: 2000 }, (_, i) => ({ path: `d${i % 10}/f${i}`, entry: makeFile(`${i}${tag}`, { uid: 1000, gid: 1000 }) })), { uid: 1000, gid: 1000 });
    const warmed = files('');
    let pauses = 0;
    await warmDigests(warmed, async () => void pauses++);
    expect(pauses).toBeGreaterThan(5);
    // A tree equal in content but made anew, so none of its digests are remembered.
    expect(copyChecksum(warmed, ['.'], { contextRoot: true })).toEqual(copyChecksum(files(''), ['.'], { contextRoot: true }));
    expect(copyChecksum(warmed, ['.'], { contextRoot: true }).digest).not.toBe(copyChecksum(files('!'), ['.'], { contextRoot: true }).digest);
  });
});
