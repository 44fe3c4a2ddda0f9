import { ALPINE_3_21 } from './alpine.ts';
import { DEBIAN_BOOKWORM_SLIM } from './debian.ts';
import { copy, execForm, expose, meta, run } from './dockerfile.ts';
import type { LayerBuilder } from './layer-builder.ts';
import { alpineGroup, alpinePasswd, debianGroup, debianPasswd, shadowFor } from './os.ts';
import type { ImageSpec, LayerSpec, Step } from './types.ts';

/**
 * nginx 1.27.5 (mainline, `latest`, bookworm-slim; ≈192MB) and 1.27.5-alpine (≈48MB), from nginx/docker-nginx.
 * The welcome page and configuration are the nginx packages' own text (BSD-2-Clause). The RUN lines are
 * upstream's opening words only; the entrypoint scripts are restatements of upstream's that print its lines (with
 * ls/find/sort where upstream uses find -quit and sort -V, and a line check where 10-listen-on-ipv6 compares the
 * package's md5). default.conf is the package's, without the IPv6 listen line that script adds at first start.
 */

const VERSION = '1.27.5';
// docker-library rebuilds an image when its base changes: this build is the one on the catalog's 2025-05-20
// bookworm-slim (the day is inferred from that rebuild rule, the time of day is not known).
const CREATED = '2025-05-21T00:00:00Z';

export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const ERROR_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

const DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

export const ENTRYPOINT_SH = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    if [ -n "$(ls -A /docker-entrypoint.d/ 2>/dev/null)" ]; then
        entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"

        entrypoint_log "$0: Looking for shell scripts in /docker-entrypoint.d/"
        find "/docker-entrypoint.d/" -type f -print | sort | while read -r f; do
            case "$f" in
                *.envsh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Sourcing $f";
                        . "$f"
                    else
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *.sh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Launching $f";
                        "$f"
                    else
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *) entrypoint_log "$0: Ignoring $f";;
            esac
        done

        entrypoint_log "$0: Configuration complete; ready for start up"
    else
        entrypoint_log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    fi
fi

exec "$@"
`;

const LISTEN_ON_IPV6 = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

ME=$(basename "$0")
DEFAULT_CONF_FILE="etc/nginx/conf.d/default.conf"

if [ ! -f "/$DEFAULT_CONF_FILE" ]; then
    entrypoint_log "$ME: info: /$DEFAULT_CONF_FILE is not a file or does not exist"
    exit 0
fi

# a read-only file (a bind mount with :ro) is left as it is
touch /$DEFAULT_CONF_FILE 2>/dev/null || { entrypoint_log "$ME: info: can not modify /$DEFAULT_CONF_FILE (read-only file system?)"; exit 0; }

# already done, e.g. on a container restart
grep -q "listen  \\[::]\\:80;" /$DEFAULT_CONF_FILE && { entrypoint_log "$ME: info: IPv6 listen already enabled"; exit 0; }

entrypoint_log "$ME: info: Getting the checksum of /$DEFAULT_CONF_FILE"

# upstream compares the file with the package's checksum; here a file without the packaged listen line is "changed"
grep -q "^    listen       80;$" /$DEFAULT_CONF_FILE || {
    entrypoint_log "$ME: info: /$DEFAULT_CONF_FILE differs from the packaged version"
    exit 0
}

sed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' /$DEFAULT_CONF_FILE

entrypoint_log "$ME: info: Enabled listen on IPv6 in /$DEFAULT_CONF_FILE"

exit 0
`;

const ENVSUBST_ON_TEMPLATES = `#!/bin/sh

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

ME=$(basename "$0")

# Renders /etc/nginx/templates/*.template into /etc/nginx/conf.d with envsubst.
template_dir="\${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
output_dir="\${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"
[ -d "$template_dir" ] || exit 0
for template in "$template_dir"/*.template; do
  [ -f "$template" ] || continue
  output_path="$output_dir/$(basename "$template" .template)"
  entrypoint_log "$ME: Running envsubst on $template to $output_path"
  envsubst < "$template" > "$output_path"
done
`;

export const SCRIPTS: Readonly<Record<string, string>> = {
  '10-listen-on-ipv6-by-default.sh': LISTEN_ON_IPV6,
  '20-envsubst-on-templates.sh': ENVSUBST_ON_TEMPLATES,
  '30-tune-worker-processes.sh': '#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n\nset -eu\n\n[ "${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0\n',
};

export function nginxFiles(l: LayerBuilder, alpine: boolean): void {
  const passwd = alpine ? alpinePasswd('nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin') : debianPasswd('nginx:x:101:101:nginx user:/nonexistent:/bin/false');
  l.file('/etc/passwd', passwd);
  l.file('/etc/group', alpine ? alpineGroup('nginx:x:101:nginx') : debianGroup('nginx:x:101:'));
  l.file('/etc/shadow', shadowFor(passwd), { mode: 0o640, gid: 42 });
  l.exe('/usr/sbin/nginx', 'nginx', alpine ? 1_352_904 : 1_477_024);
  l.exe('/usr/sbin/nginx-debug', 'nginx', alpine ? 1_394_632 : 1_521_728);
  l.file('/etc/nginx/nginx.conf', NGINX_CONF);
  l.file('/etc/nginx/conf.d/default.conf', DEFAULT_CONF);
  l.blob('/etc/nginx/mime.types', 5_349);
  l.link('/etc/nginx/modules', alpine ? '/usr/lib/nginx/modules' : '/usr/lib/nginx/modules');
  l.file('/usr/share/nginx/html/index.html', NGINX_INDEX_HTML);
  l.file('/usr/share/nginx/html/50x.html', ERROR_HTML);
  l.dir('/var/cache/nginx', { uid: alpine ? 101 : 0, gid: alpine ? 101 : 0 });
  l.dir('/var/log/nginx');
  l.link('/var/log/nginx/access.log', '/dev/stdout');
  l.link('/var/log/nginx/error.log', '/dev/stderr');
  l.dir('/docker-entrypoint.d');
  l.exes('/usr/bin', alpine ? { envsubst: 43_128, curl: 260_120 } : { envsubst: 35_336, curl: 297_480 });
}

function scriptLayer(key: string, name: string, text: string): LayerSpec {
  return { key, created: CREATED, build: (l) => l.file(name, text, { mode: 0o755 }) };
}

function tail(key: string): Step[] {
  return [
    copy(CREATED, 'docker-entrypoint.sh /', scriptLayer(`${key}/entrypoint`, '/docker-entrypoint.sh', ENTRYPOINT_SH)),
    ...Object.entries(SCRIPTS).map(([name, text]) => copy(CREATED, `${name} /docker-entrypoint.d`, scriptLayer(`${key}/${name}`, `/docker-entrypoint.d/${name}`, text))),
    execForm(CREATED, 'ENTRYPOINT', ['/docker-entrypoint.sh']),
    expose(CREATED, '80/tcp'),
    meta(CREATED, 'STOPSIGNAL SIGQUIT'),
    execForm(CREATED, 'CMD', ['nginx', '-g', 'daemon off;']),
  ];
}

function config(alpine: boolean): ImageSpec['config'] {
  return {
    ExposedPorts: { '80/tcp': {} },
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `NGINX_VERSION=${VERSION}`, ...(alpine ? [] : ['NJS_VERSION=0.8.10', 'NJS_RELEASE=1~bookworm']), 'PKG_RELEASE=1' + (alpine ? '' : '~bookworm'), ...(alpine ? ['DYNPKG_RELEASE=1', 'NJS_VERSION=0.8.10', 'NJS_RELEASE=1'] : ['DYNPKG_RELEASE=1~bookworm'])],
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    StopSignal: 'SIGQUIT',
  };
}

const NGINX_DEBIAN: ImageSpec = {
  repository: 'library/nginx',
  tags: ['latest', 'mainline', '1', '1.27', '1.27.5', 'bookworm', 'mainline-bookworm', '1.27-bookworm', '1.27.5-bookworm'],
  base: DEBIAN_BOOKWORM_SLIM,
  steps: [
    meta(CREATED, 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
    meta(CREATED, `ENV NGINX_VERSION=${VERSION}`),
    meta(CREATED, 'ENV NJS_VERSION=0.8.10'),
    meta(CREATED, 'ENV NJS_RELEASE=1~bookworm'),
    meta(CREATED, 'ENV PKG_RELEASE=1~bookworm'),
    meta(CREATED, 'ENV DYNPKG_RELEASE=1~bookworm'),
    run(CREATED, 'set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d', {
      key: 'nginx:1.27.5-bookworm/install',
      created: CREATED,
      size: 117_271_304,
      compressed: 41_834_112,
      build(l) {
        nginxFiles(l, false);
        l.fill('/usr/lib/nginx/modules', 8, 'ngx_#_module.so', 1);
        l.fill('/usr/lib/x86_64-linux-gnu', 160, 'lib#.so.%', 8);
        l.fill('/usr/share/doc', 60, '#%.gz', 1);
      },
    }),
    ...tail('nginx:1.27.5-bookworm'),
  ],
  config: config(false),
};

const NGINX_ALPINE: ImageSpec = {
  repository: 'library/nginx',
  tags: ['alpine', 'mainline-alpine', '1-alpine', '1.27-alpine', '1.27.5-alpine', 'alpine3.21', '1.27.5-alpine3.21'],
  base: ALPINE_3_21,
  steps: [
    meta(CREATED, 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
    meta(CREATED, `ENV NGINX_VERSION=${VERSION}`),
    meta(CREATED, 'ENV PKG_RELEASE=1'),
    meta(CREATED, 'ENV DYNPKG_RELEASE=1'),
    run(CREATED, 'set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d', {
      key: 'nginx:1.27.5-alpine/install',
      created: CREATED,
      size: 5_498_117,
      compressed: 1_808_331,
      build(l) {
        nginxFiles(l, true);
        l.fill('/usr/share/zoneinfo', 40, '#%', 1);
      },
    }),
    ...tail('nginx:1.27.5-alpine'),
    meta(CREATED, 'ENV NJS_VERSION=0.8.10'),
    meta(CREATED, 'ENV NJS_RELEASE=1'),
    run(CREATED, 'set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     "     && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk add --no-cache curl ca-certificates', {
      key: 'nginx:1.27.5-alpine/modules',
      created: CREATED,
      size: 34_713_946,
      compressed: 14_212_540,
      build(l) {
        l.fill('/usr/lib/nginx/modules', 8, 'ngx_#_module.so', 2);
        l.fill('/usr/lib', 80, 'lib#.so.%', 5);
      },
    }),
  ],
  config: config(true),
};

export const NGINX_IMAGES: readonly ImageSpec[] = [NGINX_DEBIAN, NGINX_ALPINE];
