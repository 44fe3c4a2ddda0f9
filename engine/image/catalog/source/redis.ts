import { ALPINE_3_21 } from './alpine.ts';
import { BOOKWORM_PACKAGES, DEBIAN_BOOKWORM_SLIM } from './debian.ts';
import { copy, execForm, expose, meta, run, volume, workdir } from './dockerfile.ts';
import type { LayerBuilder } from './layer-builder.ts';
import { alpineGroup, alpinePasswd, debianGroup, debianPasswd, dpkgStatus, shadowFor } from './os.ts';
import type { ImageSpec, LayerSpec, Step } from './types.ts';

/**
 * redis 7.4.4 (`7`, `7.4`) and 8.0.2 (`latest`, `8`, `alpine`) as docker-library/redis built them on 2025-05-29.
 * History lines, Env and layer order are those docker-library/repo-info recorded for redis:7-bookworm,
 * redis:bookworm and redis:8-alpine (amd64), and so are the compressed sizes. Uncompressed sizes are estimates
 * from those: repo-info lists only gzip sizes, and the `docker images` figures found (redis 7.x ≈ 117MB) are for
 * older builds; redis:8.0.2 ≈ 137MB and 8.0.2-alpine ≈ 58MB are our estimates (8.0 bundles the modules).
 *
 * The long build RUN lines are shortened to their download, make and cleanup steps (upstream's run to 4 kB).
 *
 * docker-entrypoint.sh restates upstream's logic (BSD-3-Clause): options or a .conf file go to redis-server; as
 * root, files in the working directory are handed to the redis user and the script re-runs itself as that user
 * (gosu in 7.4, setpriv in 8.0); then it execs its arguments.
 */

function entrypoint(drop: string): string {
  return `#!/bin/sh
set -e

# An option or a config file means the server was meant.
if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

# Started as root: give /data to redis and come back as that user.
if [ "$1" = 'redis-server' ] && [ "$(id -u)" = '0' ]; then
	find . \\! -user redis -exec chown redis '{}' +
	exec ${drop} "$0" "$@"
fi

exec "$@"
`;
}

interface RedisRelease {
  readonly version: string;
  readonly created: string;
  readonly major: 7 | 8;
  readonly alpine: boolean;
  readonly tags: readonly string[];
  /** The build layer's uncompressed size (an estimate) and its gzip size (repo-info). */
  readonly build: readonly [number, number];
  readonly server: number;
}

const RELEASES: readonly RedisRelease[] = [
  { version: '7.4.4', created: '2025-05-29T14:46:25Z', major: 7, alpine: false, tags: ['7', '7.4', '7.4.4', '7-bookworm', '7.4-bookworm', '7.4.4-bookworm'], build: [38_067_000, 15_339_383], server: 15_316_936 },
  { version: '8.0.2', created: '2025-05-29T16:02:07Z', major: 8, alpine: false, tags: ['latest', '8', '8.0', '8.0.2', 'bookworm', '8-bookworm', '8.0-bookworm', '8.0.2-bookworm'], build: [62_517_000, 21_270_547], server: 16_987_552 },
  { version: '8.0.2', created: '2025-05-29T16:02:07Z', major: 8, alpine: true, tags: ['alpine', '8-alpine', '8.0-alpine', '8.0.2-alpine', 'alpine3.21', '8-alpine3.21', '8.0-alpine3.21', '8.0.2-alpine3.21'], build: [49_800_000, 20_485_805], server: 15_912_776 },
];

const REDIS_7_SHA = '985c465146453f4d79912e70b2dc516577a1667cbf9b0420a0c87878fcc6f32f';
const REDIS_8_SHA = 'caf3c0069f06fc84c5153bd2a348b204c578de80490c73857bee01d9b5d7401f';

function redisFiles(l: LayerBuilder, r: RedisRelease): void {
  l.exe('/usr/local/bin/redis-server', 'redis-server', r.server);
  l.exe('/usr/local/bin/redis-cli', 'redis-cli', Math.round(r.server * 0.5));
  l.exe('/usr/local/bin/redis-benchmark', 'redis-benchmark', Math.round(r.server * 0.45));
  // upstream's build replaces the byte-identical copies with links to redis-server
  l.links('/usr/local/bin', { 'redis-check-aof': 'redis-server', 'redis-check-rdb': 'redis-server', 'redis-sentinel': 'redis-server' });
  if (r.major === 8) l.fill('/usr/local/lib/redis/modules', 4, '#.so', 1);
  l.fill(r.alpine ? '/usr/lib' : '/usr/lib/x86_64-linux-gnu', 12, 'lib#.so.%', r.major === 8 ? 1 : 2);
}

function redisImage(r: RedisRelease): ImageSpec {
  const t = r.created;
  const key = `redis:${r.version}${r.alpine ? '-alpine' : ''}`;
  const passwd = r.alpine ? alpinePasswd('redis:x:999:1000:redis:/home/redis:/sbin/nologin') : debianPasswd('redis:x:999:999::/home/redis:/bin/sh');
  const user: LayerSpec = {
    key: `${key}/user`,
    created: t,
    compressed: r.alpine ? 950 : 1_102,
    build(l) {
      l.file('/etc/passwd', passwd);
      l.file('/etc/group', r.alpine ? alpineGroup('redis:x:1000:redis') : debianGroup('redis:x:999:'));
      l.file('/etc/shadow', shadowFor(passwd), { mode: 0o640, gid: 42 });
      if (r.alpine) l.dir('/home/redis', { uid: 999, gid: 1000, mode: 0o2755 });
    },
  };
  const tz: LayerSpec = r.alpine
    ? { key: `${key}/tzdata`, created: t, size: 561_402, compressed: 195_225, build: (l) => l.exe('/usr/bin/setpriv', 'setpriv', 38_600).fill('/usr/share/zoneinfo', 60, '#%') }
    : { key: `${key}/tzdata`, created: t, compressed: r.major === 7 ? 871 : 874, build: (l) => l.file('/var/lib/dpkg/status', dpkgStatus(BOOKWORM_PACKAGES)) };
  const build: LayerSpec = { key: `${key}/build`, created: t, size: r.build[0], compressed: r.build[1], build: (l) => redisFiles(l, r) };
  const data: LayerSpec = { key: `${key}/data`, created: t, build: (l) => l.dir('/data', { uid: 999, gid: r.alpine ? 1000 : 999 }) };
  const script: LayerSpec = { key: `${key}/entrypoint`, created: t, build: (l) => l.file('/usr/local/bin/docker-entrypoint.sh', entrypoint(r.major === 7 ? 'gosu redis' : 'setpriv --reuid=redis --regid=redis --clear-groups --'), { mode: 0o755 }) };

  const url = r.major === 7 ? `http://download.redis.io/releases/redis-${r.version}.tar.gz` : `https://github.com/redis/redis/archive/refs/tags/${r.version}.tar.gz`;
  const sha = r.major === 7 ? REDIS_7_SHA : REDIS_8_SHA;
  const gosu: Step[] =
    r.major === 7
      ? [
          meta(t, 'ENV GOSU_VERSION=1.17'),
          run(t, 'set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \trm -rf /var/lib/apt/lists/*; \tarch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \tcase "$arch" in \t\t\'amd64\') url=\'https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64\'; sha256=\'bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3\' ;; \t\t*) echo >&2 "error: unsupported gosu architecture: \'$arch\'"; exit 1 ;; \tesac; \twget -O /usr/local/bin/gosu.asc "$url.asc"; \twget -O /usr/local/bin/gosu "$url"; \techo "$sha256 */usr/local/bin/gosu" | sha256sum -c -; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true', {
            key: `${key}/gosu`,
            created: t,
            size: 4_100_000,
            compressed: 1_437_947,
            build: (l) => l.exe('/usr/local/bin/gosu', 'gosu', 2_318_488).file('/var/lib/dpkg/status', dpkgStatus(BOOKWORM_PACKAGES)).fill('/var/lib/dpkg/info', 40, '#%.list'),
          }),
        ]
      : [];
  const buildLine = r.alpine
    ? 'set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tcoreutils \t\tdpkg-dev dpkg \t\tgcc \t\tlinux-headers \t\tmake \t\tmusl-dev \t\topenssl-dev \t\tg++; \t\twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \techo "$REDIS_DOWNLOAD_SHA *redis.tar.gz" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; \t\tmake -C /usr/src/redis distclean; \trm -r /usr/src/redis; \t\tapk del --no-network .build-deps; \trm -rf ~/.cache ~/.gitconfig; \t\tredis-cli --version; \tredis-server --version;'
    : 'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev \t\tmake; \t\trm -rf /var/lib/apt/lists/*; \t\twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \techo "$REDIS_DOWNLOAD_SHA *redis.tar.gz" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; \t\trm -r /usr/src/redis; \t\tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tredis-cli --version; \tredis-server --version';
  return {
    repository: 'library/redis',
    tags: r.tags,
    base: r.alpine ? ALPINE_3_21 : DEBIAN_BOOKWORM_SLIM,
    steps: [
      run(t, r.alpine ? 'set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis' : 'set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis', user),
      run(t, r.alpine ? 'set -eux; \tapk add --no-cache \t\ttzdata \t\tsetpriv \t;' : 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*', tz),
      ...gosu,
      ...(r.major === 7 ? [meta(t, `ENV REDIS_VERSION=${r.version}`)] : []),
      meta(t, `ENV REDIS_DOWNLOAD_URL=${url}`),
      meta(t, `ENV REDIS_DOWNLOAD_SHA=${sha}`),
      run(t, buildLine, build),
      run(t, 'mkdir /data && chown redis:redis /data', data),
      volume(t, '/data'),
      workdir(t, '/data'),
      copy(t, 'docker-entrypoint.sh /usr/local/bin/', script),
      execForm(t, 'ENTRYPOINT', ['docker-entrypoint.sh']),
      expose(t, '6379/tcp'),
      execForm(t, 'CMD', ['redis-server']),
    ],
    config: {
      ExposedPorts: { '6379/tcp': {} },
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...(r.major === 7 ? ['GOSU_VERSION=1.17', `REDIS_VERSION=${r.version}`] : []), `REDIS_DOWNLOAD_URL=${url}`, `REDIS_DOWNLOAD_SHA=${sha}`],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['redis-server'],
      Volumes: { '/data': {} },
      WorkingDir: '/data',
    },
  };
}

export const REDIS_IMAGES: readonly ImageSpec[] = RELEASES.map(redisImage);
