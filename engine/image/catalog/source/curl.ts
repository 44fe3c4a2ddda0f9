import { ALPINE_3_22 } from './alpine.ts';
import { EMPTY_LAYER } from './dockerfile.ts';
import { alpineGroup, alpinePasswd, shadowFor } from './os.ts';
import type { ImageSpec, LayerSpec, Step } from './types.ts';

/**
 * curlimages/curl 8.14.1 (`latest`), built by curl/curl-container with buildah rather than a Dockerfile:
 * create_base_image.sh starts from alpine (the catalog's 3.22 layer), installs the runtime libraries, copies in the
 * curl build, fetches https://curl.se/ca/cacert.pem to /cacert.pem, adds curl_group/curl_user (`addgroup -S`,
 * `adduser -S`: gid 101, uid 100) and /entrypoint.sh, and commits; create_appliance_image.sh sets the user and
 * commits again. Each `buildah commit` adds one layer whose history line is buildah's default created-by,
 * `/bin/sh`; the second changes no file, so its layer is the empty tar (the same diffID as BuildKit's empty
 * WORKDIR layers).
 *
 * Config and labels are those the two scripts set (the appliance script's labels overwrite the base script's;
 * the multi-arch build names the image `curl-linux-amd64:<tag>`, so `name` and `docker.cmd` carry that name).
 * `io.buildah.version` is the buildah of the GitHub runner (Ubuntu 24.04's 1.33.7): our reading, not a record.
 *
 * Estimates: no public size figure for 8.14.1 was found, so the curl layer's 13.6MB (≈21.9MB in all, in line
 * with the 20-25MB these images usually show) is ours, and so is the creation time (the release day, 2025-06-04;
 * the hour is unknown). /entrypoint.sh is upstream's file (MIT) byte for byte, without a final newline.
 */

const VERSION = '8.14.1';
const CREATED = '2025-06-04T00:00:00Z';
const NAME = `curl-linux-amd64:${VERSION}`;

export const CURL_ENTRYPOINT_SH = `#!/bin/sh
#
# Copyright (C) 2023 James Fuller, <jim@webcomposite.com>, et al.
#
# SPDX-License-Identifier: MIT
#

set -e

if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ]; then
  set -- curl "$@"
fi

exec "$@"`;

const CURL_LAYER: LayerSpec = {
  key: `curlimages/curl:${VERSION}/base`,
  created: CREATED,
  size: 13_600_000,
  build(l) {
    const passwd = alpinePasswd('curl_user:x:100:101:Linux User,,,:/home/curl_user:/sbin/nologin');
    l.file('/etc/passwd', passwd);
    l.file('/etc/group', alpineGroup('curl_group:x:101:curl_user'));
    l.file('/etc/shadow', shadowFor(passwd, 20_243), { mode: 0o640, gid: 42 });
    l.dir('/home/curl_user', { uid: 100, gid: 101 });
    l.exe('/usr/bin/curl', 'curl', 268_744);
    l.blob('/usr/lib/libcurl.so.4.8.0', 874_232, { mode: 0o755 });
    l.link('/usr/lib/libcurl.so.4', '/usr/lib/libcurl.so.4.8.0');
    l.link('/usr/lib/libcurl.so', '/usr/lib/libcurl.so.4');
    l.blob('/usr/lib/libcurl.a', 1_541_716);
    l.file('/entrypoint.sh', CURL_ENTRYPOINT_SH, { mode: 0o755, uid: 100, gid: 101 });
    l.blob('/cacert.pem', 233_263);
    l.fill('/usr/include/curl', 12, '#.h', 1);
    // brotli, libssh2, nghttp2, libidn2, krb5, libpsl, zstd and what they pull in
    l.fill('/usr/lib', 60, 'lib#.so.%', 12);
    l.fill('/lib/apk/db', 2, '#', 1);
  },
};

const history: Step[] = [
  { created: CREATED, createdBy: '/bin/sh', layer: CURL_LAYER },
  { created: CREATED, createdBy: '/bin/sh', layer: EMPTY_LAYER },
];

export const CURL: ImageSpec = {
  repository: 'curlimages/curl',
  tags: ['latest', VERSION],
  base: ALPINE_3_22,
  steps: history,
  config: {
    User: 'curl_user',
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'CURL_CA_BUNDLE=/cacert.pem'],
    Entrypoint: ['/entrypoint.sh'],
    Cmd: ['curl'],
    WorkingDir: '/home/curl_user',
    Labels: {
      'docker.cmd': `podman run -it quay.io/curl/${NAME}:${VERSION}`,
      'io.buildah.version': '1.33.7',
      maintainer: 'James Fuller <jim.fuller@webcomposite.com>',
      name: NAME,
      'org.opencontainers.image.description': 'minimal image for curl',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.source': 'https://github.com/curl/curl-container',
      version: VERSION,
    },
  },
};
