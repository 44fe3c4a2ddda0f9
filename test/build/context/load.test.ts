import { describe, expect, it } from 'vitest';
import { BuildContextError } from '../../../engine/build/context/errors.ts';
import { contextFollowPaths } from '../../../engine/build/context/follow-paths.ts';
import { loadBuildContext, loadBuildContextSliced } from '../../../engine/build/context/load.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { makeDir } from '../../../engine/fs/tree.ts';
import { entryAt, paths, T0, text, tree } from './helpers.ts';

const project = {
  'Dockerfile': 'FROM node:20\nCOPY . .\n',
  '.dockerignore': 'node_modules\n**/*.log\n!keep.log\n',
  'package.json': '{}',
  'src/index.ts': 'console.log(1)',
  'node_modules/x/index.js': 'module.exports = 1',
  'debug.log': 'd',
  'keep.log': 'k',
  'logs/app.log': 'a',
  'logs/keep.log': 'k',
};

function host(spec: Record<string, string>, meta = { uid: 1000, gid: 1000 }): TreeFs {
  const fs = new TreeFs(makeDir());
  fs.mkdir('/home/student', { recursive: true });
  fs.putEntry('/home/student/app', tree(spec, meta));
  return fs;
}

function failure(f: () => unknown): BuildContextError {
  try {
    f();
  } catch (e) {
    if (e instanceof BuildContextError) return e;
    throw e;
  }
  throw new Error('did not fail');
}

describe('loadBuildContext', () => {
  it('sends what .dockerignore leaves: node_modules, **/*.log and !keep.log', () => {
    const ctx = loadBuildContext(host(project), '/home/student/app');
    expect(ctx.patterns).toEqual(['node_modules', '**/*.log', '!keep.log']);
    // `logs` itself matches no pattern, so fsutil sends it even though everything in it is ignored.
    expect(paths(ctx.root)).toEqual(['.dockerignore', 'Dockerfile', 'keep.log', 'logs/', 'package.json', 'src/', 'src/index.ts']);
    expect(ctx.ignoreFile?.path).toBe('/home/student/app/.dockerignore');
  });

  it('resets owners to root as buildx does, keeping modes and mtimes', () => {
    const fs = host({ 'run.sh': '#!/bin/sh' });
    fs.chmod('/home/student/app/run.sh', 0o755);
    fs.utimes('/home/student/app/run.sh', T0 - 3600);
    const run = entryAt(loadBuildContext(fs, '/home/student/app', { dockerfile: '/home/student/app/run.sh' }).root, 'run.sh')!;
    expect([run.uid, run.gid, run.mode, run.mtime]).toEqual([0, 0, 0o755, T0 - 3600]);
  });

  it('loads a Dockerfile that .dockerignore excludes: it is sent on its own', () => {
    const ctx = loadBuildContext(host({ ...project, '.dockerignore': 'Dockerfile\n.dockerignore\n' }), '/home/student/app');
    expect(new TextDecoder().decode(ctx.dockerfile.bytes)).toBe(project.Dockerfile);
    expect(entryAt(ctx.root, 'Dockerfile')).toBeUndefined();
    expect(entryAt(ctx.root, '.dockerignore')).toBeUndefined();
  });

  it('prefers <Dockerfile>.dockerignore beside the Dockerfile, and then skips `load .dockerignore`', () => {
    const fs = host({ ...project, 'docker/app.Dockerfile': 'FROM scratch\n', 'docker/app.Dockerfile.dockerignore': 'src\n' });
    const ctx = loadBuildContext(fs, '/home/student/app', { dockerfile: 'docker/app.Dockerfile' });
    expect(ctx.ignoreFile?.path).toBe('/home/student/app/docker/app.Dockerfile.dockerignore');
    expect(ctx.patterns).toEqual(['src']);
    expect(ctx.dockerignoreTransferredBytes).toBeUndefined();
    expect(entryAt(ctx.root, 'src')).toBeUndefined();
    expect(entryAt(ctx.root, 'node_modules')).toBeDefined();
    expect(ctx.dockerfile.name).toBe('app.Dockerfile');
  });

  it('falls back to a lowercase dockerfile', () => {
    const ctx = loadBuildContext(host({ dockerfile: 'FROM alpine\n' }), '/home/student/app');
    expect(ctx.dockerfile.name).toBe('dockerfile');
  });

  it("fails with buildx's words when the context is not a directory", () => {
    const fs = host(project);
    const e = failure(() => loadBuildContext(fs, '/home/student/nope', { contextArg: 'nope' }));
    expect(e.message).toBe('unable to prepare context: path "nope" not found');
    expect([e.code, e.exitCode]).toEqual(['ECONTEXTNOTFOUND', 1]);
    expect(failure(() => loadBuildContext(fs, '/home/student/app/package.json')).code).toBe('ECONTEXTNOTFOUND');
  });

  it("fails with BuildKit's words when the Dockerfile is missing", () => {
    const fs = host({ 'package.json': '{}' });
    const e = failure(() => loadBuildContext(fs, '/home/student/app'));
    expect(e.message).toBe('failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory');
    expect(e.code).toBe('EDOCKERFILENOTFOUND');
    expect(failure(() => loadBuildContext(fs, '/home/student/app', { dockerfile: 'Dockerfile.prod' })).message).toBe(
      'failed to solve: failed to read dockerfile: open Dockerfile.prod: no such file or directory',
    );
  });

  it('refuses a bare ! in .dockerignore', () => {
    const e = failure(() => loadBuildContext(host({ ...project, '.dockerignore': 'node_modules\n!\n' }), '/home/student/app'));
    expect(e.code).toBe('EIGNOREPATTERN');
    expect(e.message).toBe('failed to solve: invalid excludepatterns: [node_modules !]: illegal exclusion pattern: "!"');
    const bad = failure(() => loadBuildContext(host({ ...project, '.dockerignore': '[Local-Only]/\n' }), '/home/student/app'));
    expect(bad.message).toBe('failed to solve: failed to match excludepatterns: syntax error in pattern');
  });

  it('walks into an excluded directory only when an exception can bring something back', () => {
    const spec = { Dockerfile: 'FROM scratch', 'docs/README.md': 'r', 'docs/api.md': 'a', '.dockerignore': 'docs\n!docs/README.md\n' };
    expect(paths(loadBuildContext(host(spec), '/home/student/app').root)).toEqual(['.dockerignore', 'Dockerfile', 'docs/', 'docs/README.md']);
    const wildcard = { ...spec, '.dockerignore': '**\n!docs/*.md\n' };
    expect(paths(loadBuildContext(host(wildcard), '/home/student/app').root)).toEqual(['docs/', 'docs/README.md', 'docs/api.md']);
  });

  it('sends only the paths the Dockerfile reads, and what symlinks on them point to', () => {
    const fs = host({ ...project, 'config -> conf/real.json': '', 'conf/real.json': '{"a":1}', 'conf/other.json': '{}' });
    const follow = contextFollowPaths(['package*.json', './config']);
    expect(follow).toEqual(['config', 'package*.json']);
    const ctx = loadBuildContext(fs, '/home/student/app', { followPaths: follow });
    expect(paths(ctx.root)).toEqual(['conf/', 'conf/real.json', 'config -> conf/real.json', 'package.json']);
    expect(contextFollowPaths(['src', '.'])).toBeUndefined();
  });

  it('counts transferred bytes as fsutil packets: 52B for a 12-byte .dockerignore, 2B for nothing', () => {
    const ctx = loadBuildContext(host({ Dockerfile: 'FROM scratch\n', '.dockerignore': 'node_modules' }), '/home/student/app');
    expect(ctx.dockerignoreTransferredBytes).toBe(52);
    const none = loadBuildContext(host({ Dockerfile: 'FROM scratch\n' }), '/home/student/app');
    expect(none.dockerignoreTransferredBytes).toBe(2);
    expect(none.dockerfile.transferredBytes).toBe(ctx.dockerfile.transferredBytes);
  });

  it('sends again only files whose stat changed since the previous build of the directory', () => {
    const fs = host(project);
    const first = loadBuildContext(fs, '/home/student/app');
    const again = loadBuildContext(fs, '/home/student/app', { previous: first.root });
    expect(again.transferredBytes).toBeLessThan(first.transferredBytes);
    fs.utimes('/home/student/app/package.json', T0 + 60);
    const touched = loadBuildContext(fs, '/home/student/app', { previous: first.root });
    expect(touched.transferredBytes).toBeGreaterThan(again.transferredBytes);
  });

  it('keeps unchanged subtrees as the same objects from build to build', () => {
    const fs = host(project);
    const first = loadBuildContext(fs, '/home/student/app').root;
    expect(loadBuildContext(fs, '/home/student/app').root).toBe(first);
    fs.writeFile('/home/student/app/package.json', '{"name":"app"}');
    const second = loadBuildContext(fs, '/home/student/app').root;
    expect(second).not.toBe(first);
    expect(entryAt(second, 'src')).toBe(entryAt(first, 'src'));
    expect(text(second, 'package.json')).toBe('{"name":"app"}');
  });
});

describe('loadBuildContextSliced', () => {
  it('sends the same context as loadBuildContext, pausing every few thousand paths', async () => {
    const spec: Record<string, string> = { 'Dockerfile': 'FROM alpine\nCOPY . /app\n', '.dockerignore': 'd1*\n' };
    for (let d = 0; d < 50; d++) for (let f = 0; f < 200; f++) spec[`d${d}/f${f}`] = `${d}/${f}`;
    let pauses = 0;
    const sliced = await loadBuildContextSliced(host(spec), '/home/student/app', {}, async () => void pauses++);
    const whole = loadBuildContext(host(spec), '/home/student/app');
    expect(paths(sliced.root)).toEqual(paths(whole.root));
    expect(paths(sliced.root)).toHaveLength(2 + 39 * 201);
    expect(sliced.transferredBytes).toBe(whole.transferredBytes);
    expect(pauses).toBeGreaterThanOrEqual(5);
  });
});
