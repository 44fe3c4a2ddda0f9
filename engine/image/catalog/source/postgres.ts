import { ALPINE_3_22 } from './alpine.ts';
import { DEBIAN_BOOKWORM_SLIM } from './debian.ts';
import { copy, execForm, expose, meta, run, volume } from './dockerfile.ts';
import type { LayerBuilder } from './layer-builder.ts';
import { alpineGroup, alpinePasswd, debianGroup, debianPasswd, shadowFor } from './os.ts';
import type { ImageSpec, LayerSpec, Step } from './types.ts';

/**
 * postgres 17.5 (`latest`, `17`), 16.9 (`16`) on bookworm-slim and 17.5-alpine (`alpine`, `17-alpine`), from
 * docker-library/postgres as docker-library/repo-info recorded them in May/June 2025: the history lines (the
 * long RUN lines shortened), Env and the fourteen Debian / ten Alpine layers, with their gzip sizes. repo-info's
 * Alpine record is for the alpine3.21 build; `alpine` is given the catalog's 3.22 base, which the newest Alpine
 * tag follows. Uncompressed sizes are estimates: a public `docker images` listing showed postgres:latest at
 * 435MB in early 2025 (17.x), so 17 is ≈438MB; 16 ≈426MB and 17-alpine ≈275MB are our estimates.
 *
 * docker-entrypoint.sh restates the parts of upstream's (MIT) that lessons meet, in POSIX sh: options go to
 * postgres; as root it prepares $PGDATA and re-runs itself as postgres through gosu; an empty $PGDATA is
 * initialised only with POSTGRES_PASSWORD set (or POSTGRES_HOST_AUTH_METHOD=trust), failing with upstream's
 * words otherwise; *.sh files in /docker-entrypoint-initdb.d are run. The temporary server upstream starts to
 * feed *.sql init files and to create POSTGRES_DB is left out.
 */

const ENTRYPOINT_SH = `#!/bin/sh
set -e

# \`docker run postgres -c max_connections=200\`: options belong to the server.
case "$1" in
	-*) set -- postgres "$@" ;;
esac

if [ "$1" = 'postgres' ]; then
	: "\${PGDATA:=/var/lib/postgresql/data}"
	if [ "$(id -u)" = '0' ]; then
		mkdir -p "$PGDATA"
		chown postgres "$PGDATA"
		chmod 700 "$PGDATA"
		exec gosu postgres "$0" "$@"
	fi

	if [ ! -s "$PGDATA/PG_VERSION" ]; then
		if [ -z "\${POSTGRES_PASSWORD:-}" ] && [ "\${POSTGRES_HOST_AUTH_METHOD:-}" != 'trust' ]; then
			cat >&2 <<'EOE'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
EOE
			exit 1
		fi
		pwfile="$(mktemp)"
		printf '%s\\n' "\${POSTGRES_PASSWORD:-}" > "$pwfile"
		initdb --username="\${POSTGRES_USER:-postgres}" --pwfile="$pwfile" \${POSTGRES_INITDB_ARGS:-}
		rm -f "$pwfile"
		printf '\\nhost all all all %s\\n' "\${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >> "$PGDATA/pg_hba.conf"
		for f in /docker-entrypoint-initdb.d/*.sh; do
			[ -f "$f" ] || continue
			echo "$0: running $f"
			. "$f"
		done
		echo
		echo 'PostgreSQL init process complete; ready for start up.'
		echo
	else
		echo
		echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
		echo
	fi
fi

exec "$@"
`;

const ENSURE_INITDB_SH = `#!/bin/sh
set -e

# Initialise $PGDATA the way the entrypoint would, without starting the server (\`docker run ... docker-ensure-initdb.sh\`).
set -- postgres
. /usr/local/bin/docker-entrypoint.sh
`;

interface PgRelease {
  readonly major: 16 | 17;
  readonly version: string;
  readonly pkg: string;
  readonly created: string;
  readonly alpine: boolean;
  readonly tags: readonly string[];
  /** The install/build layer: uncompressed (estimate) and gzip (repo-info, 17 only). */
  readonly install: readonly [number, number | undefined];
}

const RELEASES: readonly PgRelease[] = [
  { major: 17, version: '17.5', pkg: '17.5-1.pgdg120+1', created: '2025-05-22T00:48:07Z', alpine: false, tags: ['latest', '17', '17.5', 'bookworm', '17-bookworm', '17.5-bookworm'], install: [321_500_000, 112_804_565] },
  { major: 16, version: '16.9', pkg: '16.9-1.pgdg120+1', created: '2025-05-22T00:48:07Z', alpine: false, tags: ['16', '16.9', '16-bookworm', '16.9-bookworm'], install: [309_000_000, undefined] },
  { major: 17, version: '17.5', pkg: '17.5', created: '2025-05-30T21:09:41Z', alpine: true, tags: ['alpine', '17-alpine', '17.5-alpine', 'alpine3.22', '17-alpine3.22', '17.5-alpine3.22'], install: [264_000_000, 106_003_599] },
];

const PG_SHA256 = 'fcb7ab38e23b264d1902cb25e6adafb4525a6ebcbd015434aeef9eda80f528d8';

function serverFiles(l: LayerBuilder, r: PgRelease): void {
  const bin = r.alpine ? '/usr/local/bin' : `/usr/lib/postgresql/${r.major}/bin`;
  l.exes(bin, { postgres: 9_871_272, psql: 802_488, pg_ctl: 122_464, initdb: 191_112, pg_dump: 474_520, pg_restore: 220_568, createdb: 88_328, pg_isready: 79_848 });
  const share = r.alpine ? '/usr/local/share/postgresql' : `/usr/share/postgresql/${r.major}`;
  l.fill(`${share}/extension`, 120, '#%.sql', 2);
  l.fill(r.alpine ? '/usr/local/lib/postgresql' : `/usr/lib/postgresql/${r.major}/lib`, 90, '#.so', 6);
  l.fill(r.alpine ? '/usr/lib' : '/usr/lib/x86_64-linux-gnu', 120, 'lib#.so.%', 6);
  if (!r.alpine) {
    l.file('/etc/postgresql-common/createcluster.conf', 'create_main_cluster = false\n');
    // Debian's /usr/bin/psql is a link to the perl pg_wrapper; left out so `psql` finds the program on PATH.
    l.file('/etc/apt/sources.list.d/pgdg.list', `deb [ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main ${r.major}\n`);
  }
}

function pgImage(r: PgRelease): ImageSpec {
  const t = r.created;
  const key = `postgres:${r.version}${r.alpine ? '-alpine' : ''}`;
  const uid = r.alpine ? 70 : 999;
  const small = (name: string, build: (l: LayerBuilder) => void, compressed?: number): LayerSpec => (compressed === undefined ? { key: `${key}/${name}`, created: t, build } : { key: `${key}/${name}`, created: t, compressed, build });
  const sized = (name: string, size: number, compressed: number | undefined, build: (l: LayerBuilder) => void): LayerSpec => (compressed === undefined ? { key: `${key}/${name}`, created: t, size, build } : { key: `${key}/${name}`, created: t, size, compressed, build });

  const passwd = r.alpine ? alpinePasswd('postgres:x:70:70:Linux User,,,:/var/lib/postgresql:/bin/sh') : debianPasswd('postgres:x:999:999::/var/lib/postgresql:/bin/bash');
  const user = small('user', (l) => {
    l.file('/etc/passwd', passwd);
    l.file('/etc/group', r.alpine ? alpineGroup('postgres:x:70:postgres') : debianGroup('postgres:x:999:'));
    l.file('/etc/shadow', shadowFor(passwd), { mode: 0o640, gid: 42 });
    l.dir('/var/lib/postgresql', { uid, gid: uid, mode: 0o1777 });
  }, r.alpine ? 972 : 1_171);
  const gosu = sized('gosu', r.alpine ? 2_330_112 : 4_100_000, r.alpine ? 1_086_598 : 1_446_777, (l) => {
    l.exe('/usr/local/bin/gosu', 'gosu', 2_318_488);
    l.fill(r.alpine ? '/lib/apk/db' : '/var/lib/dpkg/info', 4, '#%', 1);
  });
  const initdbDir = small('initdb.d', (l) => l.dir('/docker-entrypoint-initdb.d'), 116);
  const install = sized('install', r.install[0], r.install[1], (l) => serverFiles(l, r));
  const conf = small('conf', (l) => {
    const share = r.alpine ? '/usr/local/share/postgresql' : '/usr/share/postgresql';
    l.file(`${share}/postgresql.conf.sample`, "# PostgreSQL configuration file\n\nlisten_addresses = '*'\n#port = 5432\nmax_connections = 100\nshared_buffers = 128MB\ndynamic_shared_memory_type = posix\nmax_wal_size = 1GB\nmin_wal_size = 80MB\nlog_timezone = 'Etc/UTC'\ndatestyle = 'iso, mdy'\ntimezone = 'Etc/UTC'\nlc_messages = 'en_US.utf8'\ndefault_text_search_config = 'pg_catalog.english'\n");
    l.blob(`${share}/postgresql.conf.sample${r.alpine ? '.orig' : '.dpkg'}`, 30_824);
    if (!r.alpine) l.link(`/usr/share/postgresql/${r.major}/postgresql.conf.sample`, '../postgresql.conf.sample');
  }, r.alpine ? 9_881 : 10_234);
  const runDir = small('run', (l) => l.dir('/var/run/postgresql', { uid, gid: uid, mode: 0o3777 }), r.alpine ? 128 : 127);
  // The tar carries the parent too, with its owner, or the union would show it as root's.
  const pgdata = small('pgdata', (l) => l.dir('/var/lib/postgresql', { uid, gid: uid, mode: 0o1777 }).dir('/var/lib/postgresql/data', { uid, gid: uid, mode: 0o1777 }), r.alpine ? 172 : 167);
  const scripts = small('entrypoint', (l) => l.file('/usr/local/bin/docker-entrypoint.sh', ENTRYPOINT_SH, { mode: 0o755 }).file('/usr/local/bin/docker-ensure-initdb.sh', ENSURE_INITDB_SH, { mode: 0o755 }));
  const enforce = small('enforce', (l) => l.link('/usr/local/bin/docker-enforce-initdb.sh', 'docker-ensure-initdb.sh'), r.alpine ? 186 : 184);

  const gosuLine = r.alpine
    ? 'set -eux; \t\tapk add --no-cache --virtual .gosu-deps \t\tca-certificates \t\tdpkg \t\tgnupg \t; \t\tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \t\texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \t\tapk del --no-network .gosu-deps; \t\tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true'
    : 'set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true';

  const debianOnly: Step[] = [
    run(t, 'set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/*', sized('gnupg', 9_600_000, 4_533_787, (l) => l.exes('/usr/bin', { gpg: 1_104_504, less: 183_744 }).fill('/usr/lib/x86_64-linux-gnu', 30))),
  ];
  const locales: Step[] = r.alpine
    ? [meta(t, 'ENV LANG=en_US.utf8')]
    : [
        run(t, "set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8'", sized('locales', 24_600_000, 8_066_283, (l) => l.file('/etc/locale.gen', 'en_US.UTF-8 UTF-8\n').blob('/usr/lib/locale/locale-archive', 3_053_472).fill('/usr/share/i18n/locales', 120, '#_%'))),
        meta(t, 'ENV LANG=en_US.utf8'),
        run(t, 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/*', sized('nss-wrapper', 3_400_000, 1_196_138, (l) => l.exes('/usr/bin', { xz: 88_192, zstd: 1_184_040 }).fill('/usr/lib/x86_64-linux-gnu', 10))),
      ];
  const path = r.alpine ? 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${r.major}/bin`;
  const versionEnv = r.alpine ? [`PG_MAJOR=${r.major}`, `PG_VERSION=${r.pkg}`, `PG_SHA256=${PG_SHA256}`, 'DOCKER_PG_LLVM_DEPS=llvm19-dev \t\tclang19'] : [`PG_MAJOR=${r.major}`, path, `PG_VERSION=${r.pkg}`];
  const installLine = r.alpine
    ? 'set -eux; \t\twget -O postgresql.tar.bz2 "https://ftp.postgresql.org/pub/source/v$PG_VERSION/postgresql-$PG_VERSION.tar.bz2"; \techo "$PG_SHA256 *postgresql.tar.bz2" | sha256sum -c -; \tmkdir -p /usr/src/postgresql; \ttar \t\t--extract \t\t--file postgresql.tar.bz2 \t\t--directory /usr/src/postgresql \t\t--strip-components 1 \t; \trm postgresql.tar.bz2; \t\tcd /usr/src/postgresql; \t./configure \t\t--enable-option-checking=fatal \t\t--with-pgport=5432 \t\t--with-system-tzdata=/usr/share/zoneinfo \t\t--prefix=/usr/local \t\t--with-openssl \t\t--with-icu \t\t--with-llvm \t; \tmake -j "$(nproc)" world-bin; \tmake install-world-bin; \tmake -C contrib install; \t\tapk del --no-network .build-deps; \tcd /; \trm -rf \t\t/usr/src/postgresql \t\t/usr/local/share/doc \t\t/usr/local/share/man \t; \t\tpostgres --version'
    : 'set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch="$(dpkg --print-architecture)"; \taptRepo="[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR"; \tcase "$dpkgArch" in \t\tamd64 | arm64 | ppc64el) \t\t\techo "deb $aptRepo" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri \'s/#(create_main_cluster) .*$/\\1 = false/\' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t"postgresql-$PG_MAJOR=$PG_VERSION" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tpostgres --version';
  const confLine = r.alpine
    ? 'set -eux; \tcp -v /usr/local/share/postgresql/postgresql.conf.sample /usr/local/share/postgresql/postgresql.conf.sample.orig; \tsed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = \'*\'!" /usr/local/share/postgresql/postgresql.conf.sample; \tgrep -F "listen_addresses = \'*\'" /usr/local/share/postgresql/postgresql.conf.sample'
    : 'set -eux; \tdpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample "/usr/share/postgresql/$PG_MAJOR/"; \tsed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = \'*\'!" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F "listen_addresses = \'*\'" /usr/share/postgresql/postgresql.conf.sample';

  return {
    repository: 'library/postgres',
    tags: r.tags,
    base: r.alpine ? ALPINE_3_22 : DEBIAN_BOOKWORM_SLIM,
    steps: [
      run(t, r.alpine ? 'set -eux; \taddgroup -g 70 -S postgres; \tadduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql' : 'set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql', user),
      ...(r.alpine ? [] : debianOnly),
      meta(t, 'ENV GOSU_VERSION=1.17'),
      run(t, gosuLine, gosu),
      ...locales,
      run(t, 'mkdir /docker-entrypoint-initdb.d', initdbDir),
      ...(r.alpine
        ? []
        : [run(t, 'set -ex; \tkey=\'B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8\'; \texport GNUPGHOME="$(mktemp -d)"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tgpg --batch --export --armor "$key" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf "$GNUPGHOME"', small('key', (l) => l.blob('/usr/local/share/keyrings/postgres.gpg.asc', 4_812), 3_142))]),
      ...versionEnv.map((e) => meta(t, `ENV ${e}`)),
      run(t, installLine, install),
      run(t, confLine, conf),
      run(t, 'install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql', runDir),
      meta(t, 'ENV PGDATA=/var/lib/postgresql/data'),
      run(t, 'install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"', pgdata),
      volume(t, '/var/lib/postgresql/data'),
      copy(t, 'docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/', scripts),
      run(t, 'ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh', enforce),
      execForm(t, 'ENTRYPOINT', ['docker-entrypoint.sh']),
      meta(t, 'STOPSIGNAL SIGINT'),
      expose(t, '5432/tcp'),
      execForm(t, 'CMD', ['postgres']),
    ],
    config: {
      ExposedPorts: { '5432/tcp': {} },
      Env: r.alpine
        ? [path, 'GOSU_VERSION=1.17', 'LANG=en_US.utf8', ...versionEnv, 'PGDATA=/var/lib/postgresql/data']
        : [path, 'GOSU_VERSION=1.17', 'LANG=en_US.utf8', `PG_MAJOR=${r.major}`, `PG_VERSION=${r.pkg}`, 'PGDATA=/var/lib/postgresql/data'],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['postgres'],
      Volumes: { '/var/lib/postgresql/data': {} },
      StopSignal: 'SIGINT',
    },
  };
}

export const POSTGRES_IMAGES: readonly ImageSpec[] = RELEASES.map(pgImage);
