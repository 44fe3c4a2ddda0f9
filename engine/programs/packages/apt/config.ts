import type { Fs } from '../../../fs/types.ts';
import { listDir, readTextOr } from '../shared/fs-helpers.ts';

/**
 * The apt.conf settings that change what apt leaves on disk. The official Debian and Ubuntu images ship
 * `/etc/apt/apt.conf.d/docker-clean` and `docker-gzip-indexes` (the catalog's os.ts has their texts), which is why an
 * `apt-get install` layer there holds no .deb files and why `apt-get update` lists are stored compressed.
 */

export interface AptConfig {
  /** Acquire::GzipIndexes: Packages lists stay compressed (`.lz4`) under /var/lib/apt/lists. */
  readonly gzipIndexes: boolean;
  /** A DPkg::Post-Invoke hook deletes /var/cache/apt/archives/*.deb after every dpkg run. */
  readonly cleanArchives: boolean;
  /** Dir::Cache::pkgcache is set: apt writes /var/cache/apt/pkgcache.bin and srcpkgcache.bin. */
  readonly binaryCaches: boolean;
  /** APT::Install-Recommends. */
  readonly installRecommends: boolean;
}

export function readAptConfig(fs: Fs): AptConfig {
  const dir = '/etc/apt/apt.conf.d';
  const text = [readTextOr(fs, '/etc/apt/apt.conf', ''), ...listDir(fs, dir).map((f) => readTextOr(fs, `${dir}/${f}`, ''))]
    .join('\n')
    .replace(/^\s*(#|\/\/).*$/gm, '');
  return {
    gzipIndexes: /Acquire::GzipIndexes\s+"(true|1)"/i.test(text),
    cleanArchives: /DPkg::Post-Invoke\s*\{[^}]*\/var\/cache\/apt\/archives\/\*\.deb/i.test(text),
    binaryCaches: !/Dir::Cache::pkgcache\s+""/i.test(text),
    installRecommends: !/APT::Install-Recommends\s+"(false|0)"/i.test(text),
  };
}
