import { ALPINE_3_22 } from './alpine.ts';
import { BOOKWORM_PACKAGES, DEBIAN_BOOKWORM_SLIM } from './debian.ts';
import { copy, execForm, expose, meta, run, workdir } from './dockerfile.ts';
import type { LayerBuilder } from './layer-builder.ts';
import { alpineGroup, alpinePasswd, dpkgStatus, shadowFor } from './os.ts';
import type { ImageSpec, LayerSpec } from './types.ts';

/**
 * httpd 2.4.63 (`latest`, `2.4`, bookworm-slim) and 2.4.63-alpine (`alpine`, alpine 3.22), from docker-library/httpd
 * as docker-library/repo-info recorded them: the history lines word for word (BuildKit, SOURCE_DATE_EPOCH
 * 2025-01-24T00:31:17Z for the Debian build; the alpine3.22 build of 2025-05-30), Env, STOPSIGNAL SIGWINCH and
 * the gzip sizes. The Debian build is given the catalog's 2025-05-20 bookworm-slim base (Docker Hub rebuilds it
 * on each Debian point release; repo-info's record sits on the March one).
 *
 * Sizes: a public `docker history httpd:latest` shows 74.8MB (base) + 0B (mkdir) + 0B (WORKDIR) + 11MB + 62.4MB
 * + 138B = 148MB (`docker system df` 148.2MB); the two big layers use those rounded figures. The alpine image's
 * ≈60MB is our estimate: repo-info gives only gzip sizes (10.6MB for the runtime packages, perl above all, and
 * 5.75MB for the build), expanded at the ratios of comparable layers.
 *
 * httpd-foreground is upstream's file (138 bytes, as history shows). conf/httpd.conf keeps the stock 2.4 file's
 * directives after upstream's sed (logs to /proc/self/fd/1 and 2, User/Group www-data on both variants: the sed
 * and its `grep -E '^\s*User www-data$'` check run in the alpine build too), with the long comment blocks and the
 * commented-out LoadModule lines left out. Program sizes are estimates.
 */

const VERSION = '2.4.63';
const SHA256 = '88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab';
const PREFIX = '/usr/local/apache2';
const PATH = `PATH=${PREFIX}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;

export const HTTPD_FOREGROUND = `#!/bin/sh
set -e

# Apache gets grumpy about PID files pre-existing
rm -f /usr/local/apache2/logs/httpd.pid

exec httpd -DFOREGROUND "$@"
`;

export const HTTPD_INDEX_HTML = '<html><body><h1>It works!</h1></body></html>\n';

const MODULES = 'mpm_event authn_file authn_core authz_host authz_groupfile authz_user authz_core access_compat auth_basic reqtimeout filter mime log_config env headers setenvif version unixd status autoindex dir alias';

const HTTPD_CONF = `#
# This is the main Apache HTTP server configuration file.  It contains the
# configuration directives that give the server its instructions.
# See <URL:http://httpd.apache.org/docs/2.4/> for detailed information.
#
ServerRoot "/usr/local/apache2"

Listen 80

${MODULES.split(' ').map((m) => `LoadModule ${m}_module modules/mod_${m}.so`).join('\n')}

<IfModule unixd_module>
User www-data
Group www-data
</IfModule>

ServerAdmin you@example.com

<Directory />
    AllowOverride none
    Require all denied
</Directory>

DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

<IfModule dir_module>
    DirectoryIndex index.html
</IfModule>

<Files ".ht*">
    Require all denied
</Files>

ErrorLog /proc/self/fd/2

LogLevel warn

<IfModule log_config_module>
    LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
    LogFormat "%h %l %u %t \\"%r\\" %>s %b" common

    <IfModule logio_module>
      LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\" %I %O" combinedio
    </IfModule>

    CustomLog /proc/self/fd/1 common
</IfModule>

<IfModule alias_module>
    ScriptAlias /cgi-bin/ "/usr/local/apache2/cgi-bin/"
</IfModule>

<Directory "/usr/local/apache2/cgi-bin">
    AllowOverride None
    Options None
    Require all granted
</Directory>

<IfModule headers_module>
    RequestHeader unset Proxy early
</IfModule>

<IfModule mime_module>
    TypesConfig conf/mime.types
    AddType application/x-compress .Z
    AddType application/x-gzip .gz .tgz
</IfModule>

<IfModule proxy_html_module>
Include conf/extra/proxy-html.conf
</IfModule>

<IfModule ssl_module>
SSLRandomSeed startup builtin
SSLRandomSeed connect builtin
</IfModule>
`;

/** Release signing keys upstream imports (the same list in both Dockerfiles). */
const KEYS = 'DE29FB3971E71543FD2DC049508EAEC5302DA568 13155B0E9E634F42BF6C163FDDBA64BA2C312D2F 8B39757B1D8A994DF2433ED58B3A601F08C975E5 31EE1A81B8D066548156D37B7D6DBFD1F08E012A A10208FEC3152DD7C0C9B59B361522D782AB7BD1 3DE024AFDA7A4B15CB6C14410F81AA8AB0D5F771 EB138C6AF0FC691001B16D93344A844D751D7F27 CBA5A7C21EC143314C41393E5B968010E04F9A89 3C016F2B764621BB549C66B516A96495E2226795 937FB3994A242BA9BF49E93021454AF0CC8B0F7E EAD1359A4C0F2D37472AAF28F55DF0293A4E7AC9 4C1EADADB4EF5007579C919C6635B6C0DE885DD3 01E475360FCCF1D0F24B9D145D414AE1E005C9CB 92CCEF0AA7DD46AC3A0F498BCA6939748103A37E D395C7573A68B9796D38C258153FA0CD75A67692 FA39B617B61493FD283503E7EED1EA392261D073 984FB3350C1D5C7A3282255BB31B213D208F5064 FE7A49DAA875E890B4167F76CCB2EB46E76CF6D0 39F6691A0ECF0C50E8BB849CF78875F642721F00 29A2BA848177B73878277FA475CAA2A3F39B3750 120A8667241AEDD4A78B46104C042818311A3DE5 453510BDA6C5855624E009236D0BC73A40581837 0DE5C55C6BF3B2352DABB89E13249B4FEC88A0BF 7CDBED100806552182F98844E8E7E00B4DAA1988 A8BA9617EF3BCCAC3B29B869EDB105896F9522D8 3E6AC004854F3A7F03566B592FF06894E55B0D0E 5B5181C2C0AB13E59DA3F7A3EC582EB639FF092C A93D62ECC3C8EA12DB220EC934EA76E6791485A8 65B2D44FE74BD5E3DE3AC3F082781DE46D5954FA 8935926745E1CE7E3ED748F6EC99EE267EB5F61A E3480043595621FE56105F112AB12A7ADC55C003 93525CFCF6FDFFB3FD9700DD5A4B10AE43B56A27 C55AB7B9139EB2263CD1AABC19B033D1760C227B 26F51EF9A82F4ACB43F1903ED377C9E7D1944C66';

/** The build RUN line as BuildKit recorded it (continuations joined, comments dropped). */
function buildLine(alpine: boolean): string {
  const deps = alpine
    ? 'set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tapr-dev \t\tapr-util-dev \t\tcoreutils \t\tdpkg-dev dpkg \t\tgcc \t\tgnupg \t\tlibc-dev \t\tpatch \t\tcurl-dev \t\tjansson-dev \t\tlibxml2-dev \t\tlua-dev \t\tmake \t\tnghttp2-dev \t\topenssl \t\topenssl-dev \t\tpcre-dev \t\ttar \t\tzlib-dev \t\tbrotli-dev \t; \t\t'
    : 'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre3-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\tpatch \t\twget \t\tzlib1g-dev \t; \trm -r /var/lib/apt/lists/*; \t\t';
  const urls = alpine
    ? ["'https://www.apache.org/dyn/closer.cgi?action=download&filename='", 'https://downloads.apache.org/', 'https://www-us.apache.org/dist/', 'https://www.apache.org/dist/', 'https://archive.apache.org/dist/']
    : ['https://dlcdn.apache.org/', 'https://archive.apache.org/dist/'];
  const ddist = `ddist() { \t\tlocal f="$1"; shift; \t\tlocal distFile="$1"; shift; \t\tlocal success=; \t\tlocal distUrl=; \t\tfor distUrl in ${urls.map((u) => `\t\t\t${u} `).join('')}\t\t; do \t\t\tif wget -O "$f" "$distUrl$distFile" && [ -s "$f" ]; then \t\t\t\tsuccess=1; \t\t\t\tbreak; \t\t\tfi; \t\tdone; \t\t[ -n "$success" ]; \t}; \t\t`;
  const fetch = `ddist 'httpd.tar.bz2' "httpd/httpd-$HTTPD_VERSION.tar.bz2"; \techo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -; \t\tddist 'httpd.tar.bz2.asc' "httpd/httpd-$HTTPD_VERSION.tar.bz2.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in ${KEYS.split(' ').map((k) => `\t\t${k} `).join('')}\t; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --verify httpd.tar.bz2.asc httpd.tar.bz2; \t${alpine ? 'command -v gpgconf && gpgconf --kill all || :' : 'gpgconf --kill all'}; \trm -rf "$GNUPGHOME" httpd.tar.bz2.asc; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tpatches() { \t\twhile [ "$#" -gt 0 ]; do \t\t\tlocal patchFile="$1"; shift; \t\t\tlocal patchSha256="$1"; shift; \t\t\tddist "$patchFile" "httpd/patches/apply_to_$HTTPD_VERSION/$patchFile"; \t\t\techo "$patchSha256 *$patchFile" | sha256sum -c -; \t\t\tpatch -p0 < "$patchFile"; \t\t\trm -f "$patchFile"; \t\tdone; \t}; \tpatches $HTTPD_PATCHES; \t\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t`;
  const configure = alpine
    ? './configure \t\t--build="$gnuArch" \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t; \t'
    : 'CFLAGS="$(dpkg-buildflags --get CFLAGS)"; \tCPPFLAGS="$(dpkg-buildflags --get CPPFLAGS)"; \tLDFLAGS="$(dpkg-buildflags --get LDFLAGS)"; \t./configure \t\t--build="$gnuArch" \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS="-pipe $CFLAGS" \t\tCPPFLAGS="$CPPFLAGS" \t\tLDFLAGS="-Wl,--as-needed $LDFLAGS" \t; \t';
  const install = 'make -j "$(nproc)"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e \'s!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g\' \t\t-e \'s!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g\' \t\t-e \'s!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g\' \t\t"$HTTPD_PREFIX/conf/httpd.conf" \t\t"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf" \t; \tgrep -E \'^\\s*User www-data$\' "$HTTPD_PREFIX/conf/httpd.conf"; \tgrep -E \'^\\s*Group www-data$\' "$HTTPD_PREFIX/conf/httpd.conf"; \t\t';
  const cleanup = alpine
    ? 'deps="$( \t\tscanelf --needed --nobanner --format \'%n#p\' --recursive /usr/local \t\t\t| tr \',\' \'\\n\' \t\t\t| sort -u \t\t\t| awk \'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }\' \t)"; \tapk add --no-network --virtual .httpd-so-deps $deps; \tapk del --no-network .build-deps; \t\thttpd -v'
    : 'apt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd \'{}\' \';\' \t\t| awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }\' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\thttpd -v';
  return deps + ddist + fetch + configure + install + cleanup;
}

/** What `make install` leaves under /usr/local/apache2 (less the manual), plus the libraries kept for it. */
function serverFiles(l: LayerBuilder, alpine: boolean): void {
  const bin = `${PREFIX}/bin`;
  // The tar carries the prefix too, with its owner (www-data since the mkdir layer), or the union would show root.
  const www = alpine ? 82 : 33;
  l.dir(PREFIX, { uid: www, gid: www });
  l.exe(`${bin}/httpd`, 'httpd', alpine ? 1_302_416 : 2_631_336);
  l.exe(`${bin}/apachectl`, 'apachectl', 3_434);
  l.exe(`${bin}/htpasswd`, 'htpasswd', alpine ? 47_288 : 80_024);
  for (const [name, size] of Object.entries({ ab: 120_304, apxs: 24_197, checkgid: 18_248, dbmmanage: 8_851, envvars: 1_073, 'envvars-std': 1_073, fcgistarter: 27_040, htcacheclean: 72_712, htdbm: 52_952, htdigest: 31_552, htxml2dbm: 27_184, httxt2dbm: 27_184, logresolve: 18_648, rotatelogs: 42_608 })) l.blob(`${bin}/${name}`, size, { mode: 0o755 });
  l.file(`${PREFIX}/conf/httpd.conf`, HTTPD_CONF);
  l.blob(`${PREFIX}/conf/mime.types`, 60_847);
  l.blob(`${PREFIX}/conf/magic`, 13_077);
  for (const extra of ['httpd-autoindex', 'httpd-dav', 'httpd-default', 'httpd-info', 'httpd-languages', 'httpd-manual', 'httpd-mpm', 'httpd-multilang-errordoc', 'httpd-ssl', 'httpd-userdir', 'httpd-vhosts', 'proxy-html']) l.blob(`${PREFIX}/conf/extra/${extra}.conf`, 2_400);
  l.file(`${PREFIX}/htdocs/index.html`, HTTPD_INDEX_HTML);
  l.dir(`${PREFIX}/cgi-bin`).dir(`${PREFIX}/logs`);
  l.fill(`${PREFIX}/modules`, 110, 'mod_#.so', 10);
  l.fill(`${PREFIX}/include`, 90, '#.h', 1);
  l.fill(`${PREFIX}/icons`, 60, '#%.png', 1);
  l.fill(`${PREFIX}/error`, 20, 'HTTP_#%.html.var', 1);
  l.fill(alpine ? '/usr/lib' : '/usr/lib/x86_64-linux-gnu', 40, 'lib#.so.%', 12);
  if (!alpine) l.file('/var/lib/dpkg/status', dpkgStatus(`${BOOKWORM_PACKAGES} ${DEPS_PACKAGES} ${RUNTIME_PACKAGES}`));
}

const DEPS_PACKAGES = 'ca-certificates=20230311+deb12u1 libapr1=1.7.2-3+deb12u1 libaprutil1=1.6.3-1 libaprutil1-ldap=1.6.3-1 libldap-2.5-0=2.5.13+dfsg-5 libldap-common=2.5.13+dfsg-5 openssl=3.0.16-1~deb12u1';
const RUNTIME_PACKAGES = 'libbrotli1=1.0.9-2+b6 libcurl4=7.88.1-10+deb12u12 libjansson4=2.14-2 liblua5.2-0=5.2.4-3 libnghttp2-14=1.52.0-1+deb12u2 libpcre3=2:8.39-15 libxml2=2.9.14+dfsg-1.3~deb12u1';

function httpdImage(alpine: boolean): ImageSpec {
  // The Debian build is the rebuild on the catalog's 2025-05-20 bookworm-slim (docker-library rebuilds when a base
  // changes; the day is inferred, the time of day is not known).
  const t = alpine ? '2025-05-30T20:51:53Z' : '2025-05-21T00:00:00Z';
  const key = `httpd:${VERSION}-${alpine ? 'alpine' : 'bookworm'}`;
  // mkdir + chown: the directory alone, owned by www-data (33 on Debian, 82 on Alpine).
  const www = alpine ? 82 : 33;
  const prefix: LayerSpec = { key: `${key}/prefix`, created: t, compressed: alpine ? 146 : 145, build: (l) => l.dir(PREFIX, { uid: www, gid: www }) };
  const deps: LayerSpec = alpine
    ? {
        key: `${key}/deps`,
        created: t,
        size: 37_200_000,
        compressed: 10_598_612,
        build(l) {
          l.exe('/usr/bin/perl', 'perl', 14_248);
          l.fill('/usr/lib/perl5/core_perl', 400, '#%.pm', 8);
          l.fill('/usr/lib', 24, 'lib#.so.%', 2);
          l.fill('/etc/ssl/certs', 1, 'ca-certificates.crt', 1);
        },
      }
    : {
        key: `${key}/deps`,
        created: t,
        size: 11_000_000,
        compressed: 4_201_340,
        build(l) {
          l.file('/var/lib/dpkg/status', dpkgStatus(`${BOOKWORM_PACKAGES} ${DEPS_PACKAGES}`));
          l.exe('/usr/bin/openssl', 'openssl', 1_004_536);
          l.fill('/usr/lib/x86_64-linux-gnu', 30, 'lib#.so.%', 4);
          l.fill('/usr/share/ca-certificates/mozilla', 140, '#%.crt', 1);
          l.fill('/etc/ssl/certs', 1, 'ca-certificates.crt', 1);
        },
      };
  const build: LayerSpec = { key: `${key}/build`, created: t, size: alpine ? 14_400_000 : 62_400_000, compressed: alpine ? 5_754_464 : 26_059_620, build: (l) => serverFiles(l, alpine) };
  const fg: LayerSpec = { key: `${key}/httpd-foreground`, created: t, compressed: alpine ? 288 : 293, build: (l) => l.file('/usr/local/bin/httpd-foreground', HTTPD_FOREGROUND, { mode: 0o755 }) };

  const passwd = alpinePasswd('www-data:x:82:82:Linux User,,,:/home/www-data:/sbin/nologin');
  const user: LayerSpec = {
    key: `${key}/user`,
    created: t,
    compressed: 934,
    build(l) {
      l.file('/etc/passwd', passwd);
      l.file('/etc/group', alpineGroup().replace('\nwww-data:x:82:\n', '\nwww-data:x:82:www-data\n'));
      l.file('/etc/shadow', shadowFor(passwd, 20_238), { mode: 0o640, gid: 42 });
      l.dir('/home/www-data', { uid: 82, gid: 82 });
    },
  };

  return {
    repository: 'library/httpd',
    tags: alpine
      ? ['alpine', '2-alpine', '2.4-alpine', `${VERSION}-alpine`, 'alpine3.22', '2-alpine3.22', '2.4-alpine3.22', `${VERSION}-alpine3.22`]
      : ['latest', '2', '2.4', VERSION, 'bookworm', '2-bookworm', '2.4-bookworm', `${VERSION}-bookworm`],
    base: alpine ? ALPINE_3_22 : DEBIAN_BOOKWORM_SLIM,
    steps: [
      ...(alpine ? [run(t, 'set -x \t&& adduser -u 82 -D -S -G www-data www-data', user)] : []),
      meta(t, `ENV HTTPD_PREFIX=${PREFIX}`),
      meta(t, `ENV ${PATH}`),
      run(t, 'mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"', prefix),
      workdir(t, PREFIX),
      run(t, alpine ? 'set -eux; \tapk add --no-cache \t\tapr \t\tapr-util \t\tapr-util-ldap \t\tca-certificates \t\tperl \t;' : 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/*', deps),
      meta(t, `ENV HTTPD_VERSION=${VERSION}`),
      meta(t, `ENV HTTPD_SHA256=${SHA256}`),
      meta(t, 'ENV HTTPD_PATCHES='),
      run(t, buildLine(alpine), build),
      meta(t, 'STOPSIGNAL SIGWINCH'),
      copy(t, 'httpd-foreground /usr/local/bin/', fg),
      expose(t, '80/tcp'),
      execForm(t, 'CMD', ['httpd-foreground']),
    ],
    config: {
      ExposedPorts: { '80/tcp': {} },
      Env: [PATH, `HTTPD_PREFIX=${PREFIX}`, `HTTPD_VERSION=${VERSION}`, `HTTPD_SHA256=${SHA256}`, 'HTTPD_PATCHES='],
      Cmd: ['httpd-foreground'],
      WorkingDir: PREFIX,
      StopSignal: 'SIGWINCH',
    },
  };
}

export const HTTPD_IMAGES: readonly ImageSpec[] = [httpdImage(false), httpdImage(true)];
