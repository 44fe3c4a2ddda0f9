import { debianGroup, debianPasswd, debianRoot } from './os.ts';
import type { ImageSpec, LayerSpec } from './types.ts';

/**
 * ubuntu 22.04 (jammy-20250530) and 24.04 (noble-20250529, `latest`), built by Canonical with the classic builder,
 * hence the `#(nop)` history lines and no comment. Sizes as Docker Hub listed them: 77.9MB and 78.1MB.
 *
 * The classic builder's `ADD file:<hash> in /` names a content hash of what ADD copied (a tarsum of the unpacked
 * rootfs). Ours is the hex of the layer's own diffID: derived from the content the catalog really serves, so it
 * changes when the layer does and claims no digest of Canonical's tarball.
 */

interface UbuntuRelease {
  readonly version: string;
  readonly point: string;
  readonly codename: string;
  readonly name: string;
  readonly serial: string;
  readonly created: string;
  readonly size: number;
  readonly compressed: number;
  readonly tags: readonly string[];
  readonly ubuntuUser: boolean;
}

const RELEASES: readonly UbuntuRelease[] = [
  { version: '22.04', point: '22.04.5', codename: 'jammy', name: 'Jammy Jellyfish', serial: '20250530', created: '2025-05-30T16:05:12.482916562Z', size: 77_863_324, compressed: 29_535_916, tags: ['22.04', 'jammy', 'jammy-20250530'], ubuntuUser: false },
  { version: '24.04', point: '24.04.2', codename: 'noble', name: 'Noble Numbat', serial: '20250529', created: '2025-05-29T04:21:23.716540582Z', size: 78_118_552, compressed: 29_723_147, tags: ['24.04', 'noble', 'noble-20250529', 'latest'], ubuntuUser: true },
];

function osRelease(r: UbuntuRelease): string {
  return `PRETTY_NAME="Ubuntu ${r.point} LTS"
NAME="Ubuntu"
VERSION_ID="${r.version}"
VERSION="${r.point} LTS (${r.name})"
VERSION_CODENAME=${r.codename}
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=${r.codename}
${r.ubuntuUser ? 'LOGO=ubuntu-logo\n' : ''}`;
}

export function ubuntuLayer(r: UbuntuRelease): LayerSpec {
  return {
    key: `ubuntu:${r.codename}-${r.serial}`,
    created: r.created,
    size: r.size,
    compressed: r.compressed,
    build(l) {
      debianRoot(l, {
        osRelease: osRelease(r),
        debianVersion: `${r.codename === 'noble' ? 'trixie' : 'bookworm'}/sid\n`,
        passwd: r.ubuntuUser ? debianPasswd('ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash') : debianPasswd(),
        group: r.ubuntuUser ? debianGroup('ubuntu:x:1000:') : debianGroup(),
        packages: `apt=${r.codename === 'noble' ? '2.7.14build2' : '2.4.14'} base-files=${r.codename === 'noble' ? '13ubuntu10.2' : '12ubuntu4.7'} bash=${r.codename === 'noble' ? '5.2.21-2ubuntu4' : '5.1-6ubuntu1.1'} coreutils=${r.codename === 'noble' ? '9.4-3ubuntu6' : '8.32-4.1ubuntu1.2'} dash=0.5.12-6ubuntu5 dpkg=1.22.6ubuntu6.1 grep=3.11-4build1 libc6=2.39-0ubuntu8.4 sed=4.9-2build1 tar=1.35+dfsg-3build1`,
      });
      if (r.ubuntuUser) l.dir('/home/ubuntu', { mode: 0o750, uid: 1000, gid: 1000 });
      l.fill('/usr/lib/x86_64-linux-gnu', 160, 'lib#.so.%', 6);
      l.fill('/usr/share/perl/5', 100, '#%.pm', 1);
      l.fill('/usr/lib/apt/methods', 10, '#%', 1);
    },
  };
}

function ubuntuImage(r: UbuntuRelease): ImageSpec {
  const t = r.created;
  return {
    repository: 'library/ubuntu',
    tags: r.tags,
    steps: [
      { created: t, createdBy: '/bin/sh -c #(nop)  ARG RELEASE' },
      { created: t, createdBy: '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH' },
      { created: t, createdBy: '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu' },
      { created: t, createdBy: `/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=${r.version}` },
      { created: t, createdBy: (hash) => `/bin/sh -c #(nop) ADD file:${hash} in / `, layer: ubuntuLayer(r) },
      { created: t, createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' },
    ],
    config: {
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Cmd: ['/bin/bash'],
      Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': r.version },
    },
  };
}

export const [UBUNTU_JAMMY, UBUNTU_NOBLE] = RELEASES.map(ubuntuImage) as [ImageSpec, ImageSpec];
