import { syntheticContent } from '../../../fs/content.ts';
import type { Fs } from '../../../fs/types.ts';
import { removeIfPresent, writeWithParents } from '../shared/fs-helpers.ts';
import type { Archive, IndexFile } from './archive.ts';
import type { AptConfig } from './config.ts';

/**
 * What `apt-get update` leaves in /var/lib/apt/lists: each InRelease file and each Packages index, the latter as
 * downloaded-and-recompressed `.lz4` with Acquire::GzipIndexes, or unpacked otherwise. Sizes follow the real
 * ratios (an xz'd Packages file is about a fifth of the text, lz4 about two fifths), which is what makes
 * "apt lists not cleaned" show up as ~18 MB in a Debian layer.
 */

export const LISTS = '/var/lib/apt/lists';
const LZ4_RATIO = 1.9;
const PLAIN_RATIO = 5.1;

export function listPath(index: IndexFile, config: AptConfig): string {
  return `${LISTS}/${index.file}${index.packages && config.gzipIndexes ? '.lz4' : ''}`;
}

export function storedSize(index: IndexFile, config: AptConfig): number {
  if (!index.packages) return index.bytes;
  return Math.round(index.bytes * (config.gzipIndexes ? LZ4_RATIO : PLAIN_RATIO));
}

/** Whether the lists of `archive` are on disk: without them apt knows only what is installed. */
export function haveLists(fs: Fs, archive: Archive): boolean {
  return archive.indexes.some((i) => i.packages && (fs.exists(`${LISTS}/${i.file}`) || fs.exists(`${LISTS}/${i.file}.lz4`)));
}

/** The lock and partial directory apt creates on first use (partial belongs to the _apt user, uid 42). */
export function ensureListsDir(fs: Fs): void {
  fs.mkdir(`${LISTS}/partial`, { recursive: true, mode: 0o700 });
  try {
    fs.chown(`${LISTS}/partial`, 42, 0);
  } catch {
    // Non-root callers never get here (apt refuses them first).
  }
  if (!fs.exists(`${LISTS}/lock`)) fs.writeFile(`${LISTS}/lock`, '', { mode: 0o640 });
}

export function writeIndex(fs: Fs, index: IndexFile, config: AptConfig, seed: string): void {
  // A list stored in one form replaces the other (the config may have changed between runs).
  removeIfPresent(fs, `${LISTS}/${index.file}`);
  removeIfPresent(fs, `${LISTS}/${index.file}.lz4`);
  writeWithParents(fs, listPath(index, config), syntheticContent(`${seed}:${index.file}`, storedSize(index, config)));
}

/** pkgcache.bin and srcpkgcache.bin, which apt rebuilds after reading lists unless configured off. */
export function writeBinaryCaches(fs: Fs, haveLists: boolean, seed: string): void {
  const size = haveLists ? 27_800_000 : 1_200_000;
  writeWithParents(fs, '/var/cache/apt/pkgcache.bin', syntheticContent(`${seed}:pkgcache`, size));
  writeWithParents(fs, '/var/cache/apt/srcpkgcache.bin', syntheticContent(`${seed}:srcpkgcache`, size - 180_000));
}
