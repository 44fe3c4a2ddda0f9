import { ALPINE_3_21 } from './alpine.ts';
import { DEBIAN_BOOKWORM_SLIM } from './debian.ts';
import { copy, execForm, expose, meta, run } from './dockerfile.ts';
import { ENTRYPOINT_SH, SCRIPTS, nginxFiles } from './nginx.ts';
import type { ImageSpec, LayerSpec, Step } from './types.ts';

/**
 * nginx 1.28.0, the stable branch (`stable`, `1.28`, bookworm-slim; `stable-alpine`, alpine 3.21), from
 * nginx/docker-nginx. The Debian image is as docker-library/repo-info recorded nginx:stable-bookworm (amd64):
 * SOURCE_DATE_EPOCH 2025-04-23T18:00:49Z, Env, the install RUN line word for word and seven layers with their
 * gzip sizes, 15-local-resolvers.envsh among the COPY layers. It shares Debian's base layer with the mainline
 * family and nothing else: BuildKit clamps file times to each build's epoch, so even byte-identical scripts make
 * other layers. Files are the mainline family's (same package layout, same scripts; the local-resolvers script
 * is a restatement of upstream's).
 *
 * Estimates: uncompressed sizes (≈192MB for Debian, ≈48MB for Alpine, like 1.27.5, whose packages are built the
 * same way) and the whole Alpine variant, whose RUN lines are shortened as the mainline family's are and whose
 * creation time is taken to be the Debian build's (no record of the alpine3.21 build was found).
 */

const VERSION = '1.28.0';
// Rebuilt on the catalog's 2025-05-20 bookworm-slim, as docker-library does when a base changes (day inferred;
// a separate build from mainline's, so its files carry another date and its layers are its own).
const CREATED = '2025-05-22T00:00:00Z';

const LOCAL_RESOLVERS_ENVSH = `#!/bin/sh
# vim:sw=2:ts=2:sts=2:et

set -eu

LC_ALL=C
PATH="$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

[ "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0

NGINX_LOCAL_RESOLVERS=$(awk 'BEGIN{ORS=" "} $1=="nameserver" {if ($2 ~ ":") {print "["$2"]"} else {print $2}}' /etc/resolv.conf)

NGINX_LOCAL_RESOLVERS="\${NGINX_LOCAL_RESOLVERS% }"

export NGINX_LOCAL_RESOLVERS
`;

const STABLE_SCRIPTS: Readonly<Record<string, string>> = {
  '10-listen-on-ipv6-by-default.sh': SCRIPTS['10-listen-on-ipv6-by-default.sh']!,
  '15-local-resolvers.envsh': LOCAL_RESOLVERS_ENVSH,
  '20-envsubst-on-templates.sh': SCRIPTS['20-envsubst-on-templates.sh']!,
  '30-tune-worker-processes.sh': SCRIPTS['30-tune-worker-processes.sh']!,
};

/** gzip sizes of the COPY layers (repo-info, Debian; the Alpine ones are taken to be alike). */
const COMPRESSED: Readonly<Record<string, number>> = {
  entrypoint: 629,
  '10-listen-on-ipv6-by-default.sh': 956,
  '15-local-resolvers.envsh': 404,
  '20-envsubst-on-templates.sh': 1_208,
  '30-tune-worker-processes.sh': 1_397,
};

function scriptLayer(key: string, name: string, text: string, compressed: number | undefined): LayerSpec {
  return compressed === undefined ? { key, created: CREATED, build: (l) => l.file(name, text, { mode: 0o755 }) } : { key, created: CREATED, compressed, build: (l) => l.file(name, text, { mode: 0o755 }) };
}

function tail(key: string, alpine: boolean): Step[] {
  const gz = (name: string): number | undefined => (alpine ? undefined : COMPRESSED[name]);
  return [
    copy(CREATED, 'docker-entrypoint.sh /', scriptLayer(`${key}/entrypoint`, '/docker-entrypoint.sh', ENTRYPOINT_SH, gz('entrypoint'))),
    ...Object.entries(STABLE_SCRIPTS).map(([name, text]) => copy(CREATED, `${name} /docker-entrypoint.d`, scriptLayer(`${key}/${name}`, `/docker-entrypoint.d/${name}`, text, gz(name)))),
    execForm(CREATED, 'ENTRYPOINT', ['/docker-entrypoint.sh']),
    expose(CREATED, '80/tcp'),
    meta(CREATED, 'STOPSIGNAL SIGQUIT'),
    execForm(CREATED, 'CMD', ['nginx', '-g', 'daemon off;']),
  ];
}

function config(alpine: boolean): ImageSpec['config'] {
  return {
    ExposedPorts: { '80/tcp': {} },
    Env: alpine
      ? ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `NGINX_VERSION=${VERSION}`, 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.8.10', 'NJS_RELEASE=1']
      : ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `NGINX_VERSION=${VERSION}`, 'NJS_VERSION=0.8.10', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'],
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    StopSignal: 'SIGQUIT',
  };
}

const DEBIAN_INSTALL =
  'set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME="$(mktemp -d)";     found=\'\';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo "Fetching GPG key $NGINX_GPGKEY from $server";         gpg1 --keyserver "$server" --keyserver-options timeout=10 --recv-keys "$NGINX_GPGKEY" && found=yes && break;     done;     test -z "$found" && echo >&2 "error: failed to fetch GPG key $NGINX_GPGKEY" && exit 1;     done;     gpg1 --export "$NGINX_GPGKEYS" > "$NGINX_GPGKEY_PATH" ;     rm -rf "$GNUPGHOME";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch="$(dpkg --print-architecture)"     && nginxPackages="         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}     "     && case "$dpkgArch" in         amd64|arm64)             echo "deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/debian/ bookworm nginx" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             tempDir="$(mktemp -d)"             && chmod 777 "$tempDir"                         && savedAptMark="$(apt-mark showmanual)"                         && apt-get update             && apt-get install --no-install-recommends --no-install-suggests -y                 curl                 devscripts                 equivs                 git                 libxml2-utils                 lsb-release                 xsltproc             && (                 cd "$tempDir"                 && REVISION="${NGINX_VERSION}-${PKG_RELEASE}"                 && REVISION=${REVISION%~*}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${REVISION}.tar.gz                 && PKGOSSCHECKSUM="517bc18954ccf4efddd51986584ca1f37966833ad342a297e1fe58fd0faf14c5a4dabcb23519dca433878a2927a95d6bea05a6749ee2fa67a33bf24cdc41b1e4 *${REVISION}.tar.gz"                 && if [ "$(openssl sha512 -r ${REVISION}.tar.gz)" = "$PKGOSSCHECKSUM" ]; then                     echo "pkg-oss tarball checksum verification succeeded!";                 else                     echo "pkg-oss tarball checksum verification failed!";                     exit 1;                 fi                 && tar xzvf ${REVISION}.tar.gz                 && cd pkg-oss-${REVISION}                 && cd debian                 && for target in base module-geoip module-image-filter module-njs module-xslt; do                     make rules-$target;                     mk-build-deps --install --tool="apt-get -o Debug::pkgProblemResolver=yes --no-install-recommends --yes"                         debuild-$target/nginx-$NGINX_VERSION/debian/control;                 done                 && make base module-geoip module-image-filter module-njs module-xslt             )                         && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; }                         && ls -lAFh "$tempDir"             && ( cd "$tempDir" && dpkg-scanpackages . > Packages )             && grep \'^Package: \' "$tempDir/Packages"             && echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n "$tempDir" ]; then         apt-get purge -y --auto-remove         && rm -rf "$tempDir" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d';

const NGINX_STABLE_DEBIAN: ImageSpec = {
  repository: 'library/nginx',
  tags: ['stable', '1.28', VERSION, 'stable-bookworm', '1.28-bookworm', `${VERSION}-bookworm`],
  base: DEBIAN_BOOKWORM_SLIM,
  steps: [
    meta(CREATED, 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
    meta(CREATED, `ENV NGINX_VERSION=${VERSION}`),
    meta(CREATED, 'ENV NJS_VERSION=0.8.10'),
    meta(CREATED, 'ENV NJS_RELEASE=1~bookworm'),
    meta(CREATED, 'ENV PKG_RELEASE=1~bookworm'),
    meta(CREATED, 'ENV DYNPKG_RELEASE=1~bookworm'),
    run(CREATED, DEBIAN_INSTALL, {
      key: `nginx:${VERSION}-bookworm/install`,
      created: CREATED,
      size: 117_300_000,
      compressed: 44_150_414,
      build(l) {
        nginxFiles(l, false);
        l.fill('/usr/lib/nginx/modules', 8, 'ngx_#_module.so', 1);
        l.fill('/usr/lib/x86_64-linux-gnu', 160, 'lib#.so.%', 8);
        l.fill('/usr/share/doc', 60, '#%.gz', 1);
      },
    }),
    ...tail(`nginx:${VERSION}-bookworm`, false),
  ],
  config: config(false),
};

const NGINX_STABLE_ALPINE: ImageSpec = {
  repository: 'library/nginx',
  tags: ['stable-alpine', '1.28-alpine', `${VERSION}-alpine`, 'stable-alpine3.21', '1.28-alpine3.21', `${VERSION}-alpine3.21`],
  base: ALPINE_3_21,
  steps: [
    meta(CREATED, 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
    meta(CREATED, `ENV NGINX_VERSION=${VERSION}`),
    meta(CREATED, 'ENV PKG_RELEASE=1'),
    meta(CREATED, 'ENV DYNPKG_RELEASE=1'),
    run(CREATED, 'set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && apk add -X "https://nginx.org/packages/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d', {
      key: `nginx:${VERSION}-alpine/install`,
      created: CREATED,
      size: 5_500_000,
      build(l) {
        nginxFiles(l, true);
        l.fill('/usr/share/zoneinfo', 40, '#%', 1);
      },
    }),
    ...tail(`nginx:${VERSION}-alpine`, true),
    meta(CREATED, 'ENV NJS_VERSION=0.8.10'),
    meta(CREATED, 'ENV NJS_RELEASE=1'),
    run(CREATED, 'set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     "     && apk add -X "https://nginx.org/packages/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk add --no-cache curl ca-certificates', {
      key: `nginx:${VERSION}-alpine/modules`,
      created: CREATED,
      size: 34_700_000,
      build(l) {
        l.fill('/usr/lib/nginx/modules', 8, 'ngx_#_module.so', 2);
        l.fill('/usr/lib', 80, 'lib#.so.%', 5);
      },
    }),
  ],
  config: config(true),
};

export const NGINX_STABLE_IMAGES: readonly ImageSpec[] = [NGINX_STABLE_DEBIAN, NGINX_STABLE_ALPINE];
