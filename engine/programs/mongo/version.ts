import { sha256Hex } from '../../core/ids.ts';
import type { Fs } from '../../fs/types.ts';

/**
 * What one mongod build says about itself. The binary is the same program in mongo:7 and mongo:8, so it learns its
 * release from the package database it was installed with (`mongodb-org-server` in /var/lib/dpkg/status).
 */
export interface MongodBuild {
  readonly version: string;
  /** The real builds' commit hashes are not recorded here: this is a stable stand-in derived from the version. */
  readonly gitVersion: string;
  readonly openSSLVersion: string;
  readonly allocator: string;
  readonly distmod: string;
  readonly os: { readonly name: string; readonly version: string };
  readonly maxWireVersion: number;
  readonly fcv: string;
}

export const DEFAULT_MONGOD_VERSION = '8.0.10';

export function mongodBuild(version: string): MongodBuild {
  const major = Number(version.split('.')[0]);
  const eight = major >= 8;
  return {
    version,
    gitVersion: sha256Hex(`mongod ${version}`).slice(0, 40),
    openSSLVersion: eight ? 'OpenSSL 3.0.13 30 Jan 2024' : 'OpenSSL 3.0.2 15 Mar 2022',
    allocator: eight ? 'tcmalloc-google' : 'tcmalloc',
    distmod: eight ? 'ubuntu2404' : 'ubuntu2204',
    os: { name: 'Ubuntu', version: eight ? '24.04' : '22.04' },
    maxWireVersion: eight ? 25 : 21,
    fcv: `${major}.0`,
  };
}

export function installedMongodVersion(fs: Fs): string {
  try {
    const status = fs.readText('/var/lib/dpkg/status');
    const m = /Package: mongodb-org-server\n(?:[^\n]+\n)*?Version: ([^\n]+)/.exec(status);
    if (m) return m[1]!.trim();
  } catch {
    // No package database (a hand-made filesystem): the latest release the catalog ships.
  }
  return DEFAULT_MONGOD_VERSION;
}

/** mongosh's own version: the `mongodb-mongosh` package the mongo images and the host carry. */
export const MONGOSH_VERSION = '2.5.2';
/** The Node.js driver version mongosh 2.5.2 bundles (it reports `nodejs|mongosh` in its handshake). */
export const NODE_DRIVER_VERSION = '6.16.0';
