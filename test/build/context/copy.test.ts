import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyCopy, destinationPath, type CopyOptions } from '../../../engine/build/context/copy.ts';
import { BuildContextError } from '../../../engine/build/context/errors.ts';
import { resolveCopySources } from '../../../engine/build/context/sources.ts';
import { bytesContent } from '../../../engine/fs/content.ts';
import { tarBytes } from '../../../engine/fs/tar.ts';
import { makeFile } from '../../../engine/fs/tree.ts';
import type { DirEntry } from '../../../engine/fs/types.ts';
import { entryAt, paths, T0, text, tree } from './helpers.ts';

const NOW = T0 + 500;

const context = tree({
  'package.json': '{}',
  'package-lock.json': '{"lockfileVersion":3}',
  'prisma/schema.prisma': 'model User {}',
  'prisma/migrations/001.sql': 'create table',
  'a.txt': 'A',
  'b.txt': 'B',
  'run.sh': makeFile(bytesContent('#!/bin/sh'), { mode: 0o755, mtime: T0 - 7200 }),
  'dir/x/': '',
  'dir/link -> x': '',
});

const image = () => tree({ 'etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n', 'app/': '', 'srv/real/': '', 'link -> /srv/real': '' }, { mtime: T0 - 86400 });

async function copy(root: DirEntry, srcs: string[], options: CopyOptions): Promise<DirEntry> {
  return applyCopy(root, srcs.flatMap((s) => resolveCopySources(context, s)), options);
}

async function copyError(p: Promise<unknown>): Promise<BuildContextError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BuildContextError) return e;
    throw e;
  }
  throw new Error('did not fail');
}

describe('destinationPath', () => {
  it.each([
    ['.', '/app', '/app/'],
    ['', '/app', '/app/'],
    ['./', '/app', '/app/'],
    ['out', '/app', '/app/out'],
    ['out/', '/app', '/app/out/'],
    ['out/.', '/app', '/app/out/'],
    ['/abs/x', '/app', '/abs/x'],
    ['.', '/', '/'],
    ['../up/', '/app/sub', '/app/up/'],
  ])('%j in WORKDIR %s is %s', (dest, workdir, expected) => {
    expect(destinationPath(dest, workdir)).toBe(expected);
  });
});

describe('applyCopy', () => {
  it('merges a directory source into the destination: COPY ./prisma . in /app', async () => {
    const root = await copy(image(), ['./prisma'], { dest: '.', workdir: '/app', now: NOW });
    expect(paths(entryAt(root, 'app') as DirEntry)).toEqual(['migrations/', 'migrations/001.sql', 'schema.prisma']);
  });

  it('copies package* into the WORKDIR', async () => {
    const root = await copy(image(), ['package*'], { dest: './', workdir: '/app', now: NOW });
    expect(paths(entryAt(root, 'app') as DirEntry)).toEqual(['package-lock.json', 'package.json']);
  });

  it('writes a file at a slash-less destination, or inside it when it is a directory', async () => {
    const asFile = await copy(image(), ['a.txt'], { dest: '/app/renamed', now: NOW });
    expect(text(asFile, 'app/renamed')).toBe('A');
    const inside = await copy(image(), ['a.txt'], { dest: '/app', now: NOW });
    expect(text(inside, 'app/a.txt')).toBe('A');
  });

  it('lets the last of several sources win a slash-less file destination', async () => {
    const root = await copy(image(), ['a.txt', 'b.txt'], { dest: '/out', now: NOW });
    expect(text(root, 'out')).toBe('B');
  });

  it('creates a trailing-slash destination and missing parents 0755, owned by root, dated now', async () => {
    const root = await copy(image(), ['a.txt'], { dest: '/opt/tools/bin/', now: NOW });
    const opt = entryAt(root, 'opt')!;
    expect([opt.mode, opt.uid, opt.mtime]).toEqual([0o755, 0, NOW]);
    expect(entryAt(root, 'opt/tools/bin/a.txt')?.type).toBe('file');
  });

  it('keeps mode and mtime from the source, shares the source entry when nothing changes it', async () => {
    const root = await copy(image(), ['run.sh'], { dest: '/usr/local/bin/', now: NOW });
    const run = entryAt(root, 'usr/local/bin/run.sh')!;
    expect([run.mode, run.mtime]).toEqual([0o755, T0 - 7200]);
    expect(run).toBe(entryAt(context, 'run.sh'));
  });

  it('gives --chown to copied entries and to the directories it creates', async () => {
    const root = await copy(image(), ['prisma'], { dest: '/home/node/app/', chown: { uid: 1000, gid: 1000 }, now: NOW });
    for (const p of ['home', 'home/node/app', 'home/node/app/schema.prisma', 'home/node/app/migrations', 'home/node/app/migrations/001.sql']) {
      expect([p, entryAt(root, p)!.uid, entryAt(root, p)!.gid]).toEqual([p, 1000, 1000]);
    }
  });

  it('applies --chmod, octal or symbolic, to files and directories', async () => {
    const octal = await copy(image(), ['prisma'], { dest: '/p/', chmod: '640', now: NOW });
    expect(entryAt(octal, 'p/schema.prisma')!.mode).toBe(0o640);
    expect(entryAt(octal, 'p/migrations')!.mode).toBe(0o640);
    const symbolic = await copy(image(), ['a.txt', 'run.sh'], { dest: '/p/', chmod: '+x', now: NOW });
    expect(entryAt(symbolic, 'p/a.txt')!.mode).toBe(0o755);
    await expect(copy(image(), ['a.txt'], { dest: '/p/', chmod: '999' })).rejects.toThrow(
      "invalid chmod parameter: '999'. it should be octal string and between 0 and 07777",
    );
  });

  it('follows a symlinked destination directory inside the rootfs', async () => {
    const root = await copy(image(), ['a.txt'], { dest: '/link/', now: NOW });
    expect(text(root, 'srv/real/a.txt')).toBe('A');
    expect(entryAt(root, 'link')?.type).toBe('symlink');
    const merged = await copy(image(), ['prisma'], { dest: '/link', now: NOW });
    expect(entryAt(merged, 'srv/real/schema.prisma')?.type).toBe('file');
  });

  it('keeps an existing destination directory as it was, but gives nested ones the source metadata', async () => {
    const base = tree({ 'app/migrations/old.sql': 'x' }, { uid: 33, gid: 33, mtime: T0 - 99 });
    const root = await copy(base, ['prisma'], { dest: '/app', now: NOW });
    expect([entryAt(root, 'app')!.uid, entryAt(root, 'app')!.mtime]).toEqual([33, T0 - 99]);
    expect([entryAt(root, 'app/migrations')!.uid, entryAt(root, 'app/migrations')!.mtime]).toEqual([0, T0]);
    expect(paths(entryAt(root, 'app') as DirEntry)).toEqual(['migrations/', 'migrations/001.sql', 'migrations/old.sql', 'schema.prisma']);
  });

  it('copies symlinks inside a directory as symlinks', async () => {
    const root = await copy(image(), ['dir'], { dest: '/d/', now: NOW });
    expect(paths(entryAt(root, 'd') as DirEntry)).toEqual(['link -> x', 'x/']);
  });

  it("refuses to put a directory onto a file, or a file onto a directory, with fsutil's words", async () => {
    const withFile = tree({ 'app/migrations': 'not a dir' });
    expect((await copyError(copy(withFile, ['prisma'], { dest: '/app' }))).message).toBe('cannot copy to non-directory: /app/migrations');
    const withDir = tree({ 'app/schema.prisma/': '' });
    expect((await copyError(copy(withDir, ['prisma'], { dest: '/app' }))).message).toBe(
      'cannot replace to directory /app/schema.prisma with file',
    );
  });

  it('extracts a local tar archive with ADD, plain or gzip, but not with COPY', async () => {
    const archive = tarBytes(tree({ 'lib/a.js': 'a', 'lib/b.js': 'b' }, { uid: 1, gid: 2, mtime: T0 - 5 }));
    const ctx = tree({ 'vendor.tar': makeFile(archive), 'vendor.tar.gz': makeFile(gzipSync(archive)), 'notes.gz': makeFile(gzipSync(new TextEncoder().encode('hi'))) });
    const add = async (src: string, unpack: boolean) => applyCopy(image(), resolveCopySources(ctx, src), { dest: '/vendor/', unpack, now: NOW });
    const plain = await add('vendor.tar', true);
    expect(paths(entryAt(plain, 'vendor') as DirEntry)).toEqual(['lib/', 'lib/a.js', 'lib/b.js']);
    expect([entryAt(plain, 'vendor/lib/a.js')!.uid, entryAt(plain, 'vendor/lib/a.js')!.mtime]).toEqual([1, T0 - 5]);
    expect(paths(entryAt(await add('vendor.tar.gz', true), 'vendor') as DirEntry)).toEqual(['lib/', 'lib/a.js', 'lib/b.js']);
    expect(paths(entryAt(await add('notes.gz', true), 'vendor') as DirEntry)).toEqual(['notes.gz']);
    expect(paths(entryAt(await add('vendor.tar', false), 'vendor') as DirEntry)).toEqual(['vendor.tar']);
  });

  it('says so rather than pretend when an archive is compressed in a way it cannot read', async () => {
    const xz = new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]);
    const ctx = tree({ 'a.tar.xz': makeFile(xz) });
    const e = await copyError(applyCopy(image(), resolveCopySources(ctx, 'a.tar.xz'), { dest: '/x/', unpack: true }));
    expect(e.code).toBe('EUNSUPPORTED');
  });
});
