/**
 * Which Redis a container has: the catalog ships 7.4.4 and 8.0.2 with one program each for redis-server and
 * redis-cli, so the version is read from the image itself: its REDIS_VERSION / REDIS_DOWNLOAD_URL environment,
 * else the modules directory only 8.0 bundles.
 */
import type { Process } from '../process.ts';

export interface RedisBuild {
  readonly version: string;
  readonly major: number;
  /** The git dirty flag `--version` and the start line show: docker-library's 8.0 builds patch the tree (1). */
  readonly modified: 0 | 1;
  /**
   * `build=` in `redis-server --version`: a hash of the build host and time, different for every build. The value
   * here is a stand-in of the same shape, fixed per version.
   */
  readonly buildId: string;
}

const FALLBACK = '7.4.4';

export function redisBuild(p: Pick<Process, 'env' | 'fs'>): RedisBuild {
  const url = p.env.REDIS_DOWNLOAD_URL ?? '';
  const fromUrl = /(?:redis-|\/)(\d+\.\d+\.\d+)\.tar\.gz$/.exec(url)?.[1];
  const version = p.env.REDIS_VERSION || fromUrl || (p.fs.exists('/usr/local/lib/redis/modules') ? '8.0.2' : FALLBACK);
  const major = Number(version.split('.')[0]);
  return { version, major, modified: major >= 8 ? 1 : 0, buildId: standInBuildId(version) };
}

function standInBuildId(version: string): string {
  let h = 0xcbf29ce484222325n;
  for (const c of `redis-${version}`) h = ((h ^ BigInt(c.charCodeAt(0))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

/** `redis-server --version`. */
export function serverVersionLine(b: RedisBuild): string {
  return `Redis server v=${b.version} sha=00000000:${b.modified} malloc=jemalloc-5.3.0 bits=64 build=${b.buildId}\n`;
}
