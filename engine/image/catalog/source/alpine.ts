import { add, execForm } from './dockerfile.ts';
import { alpineRoot } from './os.ts';
import type { ImageSpec, LayerSpec } from './types.ts';

/**
 * alpine 3.20.6, 3.21.3 (both 2025-02-14) and 3.22.0 (2025-05-30, `latest` in June 2025): one minirootfs layer
 * each. Sizes as Docker Hub listed them: 7.8MB, 7.83MB, 8.31MB.
 */

interface AlpineRelease {
  readonly version: string;
  readonly created: string;
  readonly size: number;
  readonly compressed: number;
  readonly busybox: string;
  readonly tags: readonly string[];
}

const RELEASES: readonly AlpineRelease[] = [
  { version: '3.20.6', created: '2025-02-14T03:28:36Z', size: 7_797_104, compressed: 3_626_898, busybox: '1.36.1-r31', tags: ['3.20', '3.20.6'] },
  { version: '3.21.3', created: '2025-02-14T03:28:36Z', size: 7_834_237, compressed: 3_642_184, busybox: '1.37.0-r12', tags: ['3.21', '3.21.3'] },
  { version: '3.22.0', created: '2025-05-30T12:05:49Z', size: 8_309_486, compressed: 3_799_341, busybox: '1.37.0-r18', tags: ['3.22', '3.22.0', '3', 'latest'] },
];

function alpineLayer(r: AlpineRelease): LayerSpec {
  return {
    key: `alpine:${r.version}`,
    created: r.created,
    size: r.size,
    compressed: r.compressed,
    build(l) {
      alpineRoot(l, {
        version: r.version,
        busyboxSize: 808_712,
        packages: `alpine-baselayout=3.6.8-r1 alpine-baselayout-data=3.6.8-r1 alpine-keys=2.5-r0 alpine-release=${r.version}-r0 apk-tools=2.14.6-r3 busybox=${r.busybox} busybox-binsh=${r.busybox} ca-certificates-bundle=20241121-r1 libcrypto3=3.3.3-r0 libssl3=3.3.3-r0 musl=1.2.5-r9 musl-utils=1.2.5-r9 scanelf=1.3.8-r1 ssl_client=${r.busybox} zlib=1.3.1-r2`,
      });
      l.fill('/lib', 8, 'lib#.so.%', 3);
      l.fill('/usr/lib', 12, 'lib#.so.%', 2);
      l.fill('/etc/ssl/certs', 1, 'ca-certificates.crt', 1);
      l.fill('/etc/apk/keys', 6, 'alpine-devel@lists.alpinelinux.org-#%.rsa.pub', 1);
    },
  };
}

function alpineImage(r: AlpineRelease): ImageSpec {
  return {
    repository: 'library/alpine',
    tags: r.tags,
    steps: [add(r.created, `alpine-minirootfs-${r.version}-x86_64.tar.gz /`, alpineLayer(r)), execForm(r.created, 'CMD', ['/bin/sh'])],
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'] },
  };
}

export const [ALPINE_3_20, ALPINE_3_21, ALPINE_3_22] = RELEASES.map(alpineImage) as [ImageSpec, ImageSpec, ImageSpec];
