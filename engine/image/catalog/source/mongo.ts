import { copy, execForm, expose, joined, meta, run, runWithArgs, volume } from './dockerfile.ts';
import type { LayerBuilder } from './layer-builder.ts';
import { debianGroup, debianPasswd, dpkgStatus, shadowFor } from './os.ts';
import { UBUNTU_JAMMY, UBUNTU_NOBLE } from './ubuntu.ts';
import type { ImageSpec, LayerSpec } from './types.ts';

/**
 * mongo 8.0.10 (noble, `latest`) and 7.0.21 (jammy), from docker-library/mongo. Sizes approximate Docker Hub's
 * listing (mongo:8 ≈ 0.9GB, mongo:7 ≈ 0.8GB), most of it the mongodb-org packages.
 *
 * docker-entrypoint.sh is a heavily simplified restatement of upstream's (Apache-2.0): it keeps what lessons
 * observe — options go to mongod, the data directories are created and handed to the mongodb user, mongod listens
 * on all interfaces, and a root user is requested from MONGO_INITDB_ROOT_USERNAME/PASSWORD on an empty dbpath —
 * and leaves out config-file parsing, TLS and the init scripts run.
 */

const ENTRYPOINT_SH = `#!/bin/bash
set -Eeuo pipefail

case "\${1:-}" in
	-*) set -- mongod "$@" ;;
esac

if [ "$1" = 'mongod' ] && [ "$(id -u)" = '0' ]; then
	mkdir -p /data/db /data/configdb
	chown -R mongodb:mongodb /data/db /data/configdb
	exec gosu mongodb "$0" "$@"
fi

if [ "$1" = 'mongod' ]; then
	case " $* " in
		*" --bind_ip"*) ;;
		*) set -- "$@" --bind_ip_all ;;
	esac
	if [ -n "\${MONGO_INITDB_ROOT_USERNAME:-}" ] && [ -n "\${MONGO_INITDB_ROOT_PASSWORD:-}" ]; then
		case " $* " in
			*" --auth"*) ;;
			*) set -- "$@" --auth ;;
		esac
	fi
fi

exec "$@"
`;

const MONGO_ARGS = ['MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org'];

interface MongoRelease {
  readonly major: string;
  readonly version: string;
  readonly created: string;
  readonly base: ImageSpec;
  readonly codename: string;
  readonly installSize: number;
  readonly mongod: number;
  readonly tags: readonly string[];
}

const RELEASES: readonly MongoRelease[] = [
  { major: '7.0', version: '7.0.21', created: '2025-06-04T17:34:08Z', base: UBUNTU_JAMMY, codename: 'jammy', installSize: 700_412_907, mongod: 161_938_752, tags: ['7', '7.0', '7.0.21', '7-jammy', '7.0.21-jammy'] },
  { major: '8.0', version: '8.0.10', created: '2025-06-04T17:35:51Z', base: UBUNTU_NOBLE, codename: 'noble', installSize: 789_530_118, mongod: 189_614_072, tags: ['8', '8.0', '8.0.10', '8-noble', '8.0.10-noble', 'latest', 'noble'] },
];

function mongoFiles(l: LayerBuilder, r: MongoRelease): void {
  l.exe('/usr/bin/mongod', 'mongod', r.mongod);
  l.exe('/usr/bin/mongos', 'mongos', Math.round(r.mongod * 0.55));
  l.exe('/usr/bin/mongosh', 'mongosh', 117_442_344);
  for (const tool of ['mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'mongostat', 'mongotop']) l.exe(`/usr/bin/${tool}`, tool, 16_902_104);
  l.file('/etc/mongod.conf.orig', '# mongod.conf\n\nstorage:\n  dbPath: /var/lib/mongodb\n\nsystemLog:\n  destination: file\n  logAppend: true\n  path: /var/log/mongodb/mongod.log\n\nnet:\n  port: 27017\n  bindIp: 127.0.0.1\n\nprocessManagement:\n  timeZoneInfo: /usr/share/zoneinfo\n');
  l.file('/var/lib/dpkg/status', dpkgStatus(`mongodb-org=${r.version} mongodb-org-server=${r.version} mongodb-org-shell=${r.version} mongodb-org-mongos=${r.version} mongodb-org-tools=${r.version} mongodb-org-database=${r.version} mongodb-mongosh=2.5.2 mongodb-database-tools=100.12.1 jq=1.7.1-3build1 numactl=2.0.18-1build1 procps=2:4.0.4-4ubuntu3.2 tzdata=2025b-0ubuntu0.24.04`));
  l.fill('/usr/share/doc/mongodb-org-server', 4, '#%', 1);
  l.fill('/usr/lib/x86_64-linux-gnu', 30, 'lib#.so.%', 1);
}

function mongoImage(r: MongoRelease): ImageSpec {
  const t = r.created;
  const key = `mongo:${r.version}`;
  const user: LayerSpec = {
    key: `${key}/user`,
    created: t,
    build(l) {
      const passwd = debianPasswd(...(r.codename === 'noble' ? ['ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash'] : []), 'mongodb:x:999:999::/data/db:/bin/sh');
      l.file('/etc/passwd', passwd);
      l.file('/etc/group', debianGroup(...(r.codename === 'noble' ? ['ubuntu:x:1000:'] : []), 'mongodb:x:999:'));
      l.file('/etc/shadow', shadowFor(passwd), { mode: 0o640, gid: 42 });
      l.dir('/data/db', { uid: 999, gid: 999 }).dir('/data/configdb', { uid: 999, gid: 999 });
    },
  };
  const deps: LayerSpec = { key: `${key}/deps`, created: t, size: 8_936_115, build: (l) => l.exes('/usr/bin', { jq: 31_208, numactl: 63_656, ps: 145_304 }).fill('/usr/lib/x86_64-linux-gnu', 20) };
  const gosu: LayerSpec = {
    key: `${key}/gosu`,
    created: t,
    build(l) {
      l.exe('/usr/local/bin/gosu', 'gosu', 2_318_488);
      l.blob('/opt/js-yaml/js-yaml.js', 106_124).file('/opt/js-yaml/package.json', '{\n  "name": "js-yaml",\n  "version": "3.13.1"\n}\n');
      l.link('/js-yaml.js', '/opt/js-yaml/js-yaml.js');
      l.blob('/etc/apt/keyrings/mongodb.asc', 1_654);
    },
  };
  const initdb: LayerSpec = { key: `${key}/initdb`, created: t, build: (l) => l.dir('/docker-entrypoint-initdb.d') };
  const sources: LayerSpec = { key: `${key}/sources`, created: t, build: (l) => l.file('/etc/apt/sources.list.d/mongodb-org.list', `deb [ signed-by=/etc/apt/keyrings/mongodb.asc ] http://repo.mongodb.org/apt/ubuntu ${r.codename}/mongodb-org/${r.major} multiverse\n`) };
  const install: LayerSpec = { key: `${key}/install`, created: t, size: r.installSize, build: (l) => mongoFiles(l, r) };
  const entry: LayerSpec = { key: `${key}/entrypoint`, created: t, build: (l) => l.file('/usr/local/bin/docker-entrypoint.sh', ENTRYPOINT_SH, { mode: 0o755 }) };
  const glibc = r.major === '8.0' ? ['GLIBC_TUNABLES=glibc.pthread.rseq=0'] : [];
  return {
    repository: 'library/mongo',
    tags: r.tags,
    base: r.base,
    steps: [
      run(t, 'set -eux; \tgroupadd --gid 999 --system mongodb; \tuseradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb; \tmkdir -p /data/db /data/configdb; \tchown -R mongodb:mongodb /data/db /data/configdb', user),
      run(t, 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t\tprocps \t; \trm -rf /var/lib/apt/lists/*', deps),
      meta(t, 'ENV GOSU_VERSION=1.17'),
      meta(t, 'ENV JSYAML_VERSION=3.13.1'),
      run(t, 'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\twget \t; \trm -rf /var/lib/apt/lists/*; \t\tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \t\tmkdir -p /opt/js-yaml/; \twget -O /opt/js-yaml/js-yaml.js "https://github.com/nodeca/js-yaml/raw/${JSYAML_VERSION}/dist/js-yaml.js"; \twget -O /opt/js-yaml/package.json "https://github.com/nodeca/js-yaml/raw/${JSYAML_VERSION}/package.json"; \tln -s /opt/js-yaml/js-yaml.js /js-yaml.js; \t\texport GNUPGHOME="$(mktemp -d)"; \twget -O KEYS \'https://pgp.mongodb.com/server-' + r.major + '.asc\'; \tgpg --batch --import KEYS; \tmkdir -p /etc/apt/keyrings; \tgpg --batch --export --armor \'4B0752C1BCA238C0B4EE14DC41DE058A4E7DCA05\' > /etc/apt/keyrings/mongodb.asc; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" KEYS; \t\tapt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true', gosu),
      run(t, 'mkdir /docker-entrypoint-initdb.d', initdb),
      meta(t, 'ARG MONGO_PACKAGE=mongodb-org'),
      meta(t, 'ARG MONGO_REPO=repo.mongodb.org'),
      meta(t, 'ENV MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org'),
      meta(t, `ENV MONGO_MAJOR=${r.major}`),
      runWithArgs(t, MONGO_ARGS, `echo "deb [ signed-by=/etc/apt/keyrings/mongodb.asc ] http://$MONGO_REPO/apt/ubuntu ${r.codename}/\${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR multiverse" | tee "/etc/apt/sources.list.d/\${MONGO_PACKAGE%-unstable}.list"`, sources),
      meta(t, `ENV MONGO_VERSION=${r.version}`),
      runWithArgs(t, MONGO_ARGS, `${joined(`set -x \\
\t&& export DEBIAN_FRONTEND=noninteractive \\
\t&& apt-get update \\
\t&& apt-get install -y \\
\t\t\${MONGO_PACKAGE}=$MONGO_VERSION \\
\t\t\${MONGO_PACKAGE}-server=$MONGO_VERSION \\
\t\t\${MONGO_PACKAGE}-shell=$MONGO_VERSION \\
\t\t\${MONGO_PACKAGE}-mongos=$MONGO_VERSION \\
\t\t\${MONGO_PACKAGE}-tools=$MONGO_VERSION \\
\t\t\${MONGO_PACKAGE}-database=$MONGO_VERSION \\
\t\t\${MONGO_PACKAGE}-database-tools-extra=$MONGO_VERSION \\
\t&& rm -rf /var/lib/apt/lists/* \\
\t&& rm -rf /var/lib/mongodb \\
\t&& mv /etc/mongod.conf /etc/mongod.conf.orig`)}`, install),
      volume(t, '/data/db', '/data/configdb'),
      meta(t, 'ENV HOME=/data/db'),
      ...(glibc.length ? [meta(t, 'ENV GLIBC_TUNABLES=glibc.pthread.rseq=0')] : []),
      copy(t, 'docker-entrypoint.sh /usr/local/bin/', entry),
      execForm(t, 'ENTRYPOINT', ['docker-entrypoint.sh']),
      expose(t, '27017/tcp'),
      execForm(t, 'CMD', ['mongod']),
    ],
    config: {
      ExposedPorts: { '27017/tcp': {} },
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'GOSU_VERSION=1.17', 'JSYAML_VERSION=3.13.1', 'MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org', `MONGO_MAJOR=${r.major}`, `MONGO_VERSION=${r.version}`, 'HOME=/data/db', ...glibc],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['mongod'],
      Volumes: { '/data/configdb': {}, '/data/db': {} },
    },
  };
}

export const MONGO_IMAGES: readonly ImageSpec[] = RELEASES.map(mongoImage);
