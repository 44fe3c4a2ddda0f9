import type { Fs } from '../../../fs/types.ts';

/**
 * Prisma's binary target for the machine it runs on (@prisma/get-platform): the distro family from
 * /etc/os-release and the OpenSSL it finds. We look for libssl in the package database and the usual library
 * folders instead of running `openssl version`; with none found Prisma warns and falls back to 1.1.x.
 */

export interface Platform {
  readonly target: string;
  /** Prisma's warning when it cannot tell the OpenSSL version. */
  readonly warning?: string;
}

const NO_SSL_WARNING =
  'prisma:warn Prisma failed to detect the libssl/openssl version to use, and may not work as expected. Defaulting to "openssl-1.1.x".\nPlease manually install OpenSSL via `apt-get update -y && apt-get install -y openssl` and try installing Prisma again. If you\'re running Prisma on Docker, add this command to your Dockerfile, or switch to an image that already has OpenSSL installed.';

function read(fs: Fs, path: string): string {
  try {
    return fs.readText(path);
  } catch {
    return '';
  }
}

function sslVersion(fs: Fs): '3.0.x' | '1.1.x' | undefined {
  const packages = read(fs, '/var/lib/dpkg/status') + read(fs, '/lib/apk/db/installed');
  if (/^(Package: |P:)(libssl3|libssl3t64|openssl)$/m.test(packages)) return '3.0.x';
  if (/^(Package: |P:)(libssl1\.1)$/m.test(packages)) return '1.1.x';
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/lib/x86_64-linux-gnu', '/usr/lib', '/lib', '/usr/lib64', '/lib64']) {
    if (fs.exists(`${dir}/libssl.so.3`)) return '3.0.x';
    if (fs.exists(`${dir}/libssl.so.1.1`)) return '1.1.x';
  }
  return undefined;
}

export function detectPlatform(fs: Fs): Platform {
  const osRelease = read(fs, '/etc/os-release');
  const id = /^ID="?([^"\n]*)"?$/m.exec(osRelease)?.[1] ?? '';
  const ssl = sslVersion(fs);
  const family = id === 'alpine' ? 'linux-musl' : /^(rhel|centos|fedora|rocky|almalinux|amzn)$/.test(id) ? 'rhel' : 'debian';
  const target = `${family}-openssl-${ssl ?? '1.1.x'}`;
  return ssl ? { target } : { target, warning: NO_SSL_WARNING };
}

/** The query engine Node-API library's file name for a target. */
export function queryEngineFile(target: string): string {
  return `libquery_engine-${target}.so.node`;
}

/** Sizes of Prisma 6.11's engines for linux x64 (≈17 MB library, ≈20 MB schema engine). */
export const QUERY_ENGINE_SIZE = 17_187_432;
export const SCHEMA_ENGINE_SIZE = 20_409_160;
