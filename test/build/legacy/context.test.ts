import { describe, expect, it } from 'vitest';
import { loadLegacyContext } from '../../../engine/build/legacy/context.ts';
import { buildTree, getEntry, makeDir, makeFile } from '../../../engine/fs/tree.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';

function host(files: Record<string, string>): TreeFs {
  const items = Object.entries(files).map(([path, content]) => ({ path: `/work/${path}`, entry: makeFile(content, { uid: 1000, gid: 1000 }) }));
  return new TreeFs(buildTree([{ path: '/work', entry: makeDir() }, ...items]), () => 0);
}

const load = (fs: TreeFs, contextArg = '.', file?: string) => loadLegacyContext(fs, { cwd: '/work', contextArg, ...(file ? { file } : {}) });

describe('the context the legacy client sends', () => {
  it('is one tar of the directory: 512-byte headers, content padded to 512, two zero blocks at the end', () => {
    // `Sending build context to Docker daemon  2.048kB`: the well-known size of a context holding only a Dockerfile.
    expect(load(host({ Dockerfile: 'FROM alpine\n' })).sentBytes).toBe(2048);
    expect(load(host({ Dockerfile: 'FROM alpine\n', 'src/app.js': 'x'.repeat(600) })).sentBytes).toBe(512 + 512 + 512 + 512 + 1024 + 1024);
  });

  it('leaves out what .dockerignore excludes, but always sends the Dockerfile and .dockerignore, which the daemon then drops', () => {
    const ctx = load(host({ Dockerfile: 'FROM alpine\n', '.dockerignore': 'Dockerfile\n.dockerignore\nlogs\n', 'logs/a.log': 'x', 'app.txt': 'a' }));
    expect(ctx.sentBytes).toBe(3 * 1024 + 1024);
    expect([...ctx.root.children.keys()].sort()).toEqual(['app.txt']);
    expect(ctx.dockerfile).toBe('FROM alpine\n');
  });

  it('resets owners to root', () => {
    const ctx = load(host({ Dockerfile: 'FROM alpine\n', 'app.txt': 'a' }));
    expect(getEntry(ctx.root, 'app.txt')).toMatchObject({ uid: 0, gid: 0 });
  });

  it('-f is relative to the working directory; a lowercase dockerfile is found when Dockerfile is not there', () => {
    expect(load(host({ 'sub/app.Dockerfile': 'FROM x\n', 'sub/a': '' }), 'sub', 'sub/app.Dockerfile').dockerfileName).toBe('app.Dockerfile');
    expect(load(host({ dockerfile: 'FROM x\n' })).dockerfileName).toBe('dockerfile');
  });

  it('reads a Dockerfile given on stdin as a context of its own', () => {
    const ctx = loadLegacyContext(host({}), { cwd: '/work', contextArg: '-', stdin: new TextEncoder().encode('FROM alpine\n') });
    expect(ctx.sentBytes).toBe(2048);
    expect(ctx.dockerfileName).toBe('Dockerfile');
  });

  it('words the client\'s errors as docker/cli does', () => {
    expect(() => load(host({ 'a.txt': '' }))).toThrow('unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /work/Dockerfile: no such file or directory');
    expect(() => load(host({ Dockerfile: '' }), 'nowhere')).toThrow('unable to prepare context: path "nowhere" not found');
    expect(() => load(host({ Dockerfile: '' }), 'Dockerfile')).toThrow('unable to prepare context: context must be a directory: /work/Dockerfile');
    expect(() => load(host({ Dockerfile: '', '.dockerignore': '!\n' }))).toThrow('error checking context: illegal exclusion pattern: "!"');
  });
});
