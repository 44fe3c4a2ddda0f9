import type { Fs } from '../../../fs/types.ts';
import { readTextOr, writeWithParents } from '../shared/fs-helpers.ts';
import { BASE_INSTALLED_KIB } from './data.ts';

/**
 * apk's database: `/lib/apk/db/installed` (one block of `X:value` lines per package, file lists as `F:` directory
 * and `R:` file lines) and `/etc/apk/world` (what was asked for, one name a line, sorted).
 */

export const INSTALLED = '/lib/apk/db/installed';
export const WORLD = '/etc/apk/world';

export interface InstalledApk {
  readonly name: string;
  readonly version: string;
  readonly installedBytes: number;
  readonly depends: readonly string[];
  /** Absolute paths of the package's files. */
  readonly files: readonly string[];
  readonly description: string;
  /** The block as read, written back unchanged. */
  readonly text: string;
}

export function readInstalled(fs: Fs): InstalledApk[] {
  return readTextOr(fs, INSTALLED, '')
    .split(/\n\s*\n/)
    .filter((b) => b.trim() !== '')
    .map((block) => {
      let name = '';
      let version = '';
      let size: number | undefined;
      let depends: string[] = [];
      let description = '';
      let dir = '';
      const files: string[] = [];
      for (const line of block.split('\n')) {
        const key = line.slice(0, 2);
        const value = line.slice(2);
        if (key === 'P:') name = value;
        else if (key === 'V:') version = value;
        else if (key === 'I:') size = Number(value);
        else if (key === 'T:') description = value;
        else if (key === 'D:') depends = value.split(' ').filter((d) => d && !d.startsWith('so:') && !d.startsWith('/'));
        else if (key === 'F:') dir = value;
        else if (key === 'R:') files.push(`/${dir ? dir + '/' : ''}${value}`);
      }
      const installedBytes = size ?? (BASE_INSTALLED_KIB[name] ?? 0) * 1024;
      return { name, version, installedBytes, depends, files, description, text: block.replace(/^\n+|\n+$/g, '') + '\n' };
    });
}

export function writeInstalled(fs: Fs, packages: readonly InstalledApk[]): void {
  writeWithParents(fs, INSTALLED, packages.map((p) => p.text).join('\n'));
}

/** The block apk writes for a package it installs. */
export function installedBlock(p: { name: string; version: string; sizeBytes: number; installedBytes: number; depends: readonly string[]; description: string }, files: readonly string[]): InstalledApk {
  const lines = [`P:${p.name}`, `V:${p.version}`, 'A:x86_64', `S:${p.sizeBytes}`, `I:${p.installedBytes}`, `T:${p.description}`];
  if (p.depends.length) lines.push(`D:${p.depends.join(' ')}`);
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const slash = f.lastIndexOf('/');
    const dir = f.slice(1, slash);
    byDir.set(dir, [...(byDir.get(dir) ?? []), f.slice(slash + 1)]);
  }
  for (const [dir, names] of byDir) {
    lines.push(`F:${dir}`);
    for (const n of names) lines.push(`R:${n}`);
  }
  return { name: p.name, version: p.version, installedBytes: p.installedBytes, depends: p.depends, files, description: p.description, text: lines.join('\n') + '\n' };
}

export function readWorld(fs: Fs): string[] {
  return readTextOr(fs, WORLD, '')
    .split(/\s+/)
    .filter((w) => w !== '');
}

export function writeWorld(fs: Fs, world: readonly string[]): void {
  writeWithParents(fs, WORLD, [...new Set(world)].sort().join('\n') + '\n');
}
