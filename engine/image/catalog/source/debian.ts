import { debianGroup, debianPasswd, debianRoot, dpkgStatus } from './os.ts';
import { joined, run } from './dockerfile.ts';
import type { ImageSpec, LayerSpec } from './types.ts';

/**
 * debian:bookworm and bookworm-slim (Debian 12.11, the debuerreotype snapshot of 2025-05-20) and the three
 * buildpack-deps layers that node, python and the other "full" images are built on. Layer sizes are those Docker
 * Hub listed for these tags in mid-2025 (bookworm 117MB, slim 74.8MB; buildpack-deps curl/scm/full as in
 * `docker history node:20`), rounded to what `docker history` prints.
 */

export const BOOKWORM_CREATED = '2025-05-20T00:00:00Z';
const DEBUERREOTYPE = 'debuerreotype 0.15';

export const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/** The packages of debian:bookworm (abridged to the ones lessons meet; the image has 88). */
export const BOOKWORM_PACKAGES =
  'apt=2.6.1 base-files=12.4+deb12u11 base-passwd=3.6.1 bash=5.2.15-2+b8 bsdutils=1:2.38.1-5+deb12u3 coreutils=9.1-1 dash=0.5.12-2 debconf=1.5.82 debian-archive-keyring=2023.3+deb12u2 debianutils=5.7-0.5~deb12u1 diffutils=1:3.8-4 dpkg=1.21.22 e2fsprogs=1.47.0-2 findutils=4.9.0-4 gcc-12-base=12.2.0-14+deb12u1 gpgv=2.2.40-1.1 grep=3.8-5 gzip=1.12-1 hostname=3.23+nmu1 init-system-helpers=1.65.2 libc-bin=2.36-9+deb12u10 libc6=2.36-9+deb12u10 libgcc-s1=12.2.0-14+deb12u1 libssl3=3.0.16-1~deb12u1 libstdc++6=12.2.0-14+deb12u1 libsystemd0=252.36-1~deb12u1 login=1:4.13+dfsg1-1+deb12u1 mawk=1.3.4.20200120-3.1 mount=2.38.1-5+deb12u3 ncurses-base=6.4-4 ncurses-bin=6.4-4 passwd=1:4.13+dfsg1-1+deb12u1 perl-base=5.36.0-7+deb12u2 sed=4.9-1 sysvinit-utils=3.06-4 tar=1.34+dfsg-1.2+deb12u1 tzdata=2025b-0+deb12u1 util-linux=2.38.1-5+deb12u3 zlib1g=1:1.2.13.dfsg-1';

function bookwormRoot(key: string, size: number, compressed: number, slim: boolean): LayerSpec {
  return {
    key,
    created: BOOKWORM_CREATED,
    size,
    compressed,
    build(l) {
      debianRoot(l, { osRelease: DEBIAN_OS_RELEASE, debianVersion: '12.11\n', passwd: debianPasswd(), group: debianGroup(), packages: BOOKWORM_PACKAGES });
      l.file('/etc/apt/sources.list.d/debian.sources', 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n');
      // slim drops documentation, man pages and most locales; what is left is mostly libraries and perl-base.
      l.fill('/usr/lib/x86_64-linux-gnu', 180, 'lib#.so.%', 6);
      l.fill('/usr/share/perl/5.36.0', 120, '#%.pm', 1);
      l.fill('/usr/share/zoneinfo', 60, '#%', 1);
      if (!slim) {
        l.fill('/usr/share/doc', 90, '#%.gz', 1);
        l.fill('/usr/share/man/man1', 120, '#%.1.gz', 1);
        l.fill('/usr/share/locale', 40, '#%.mo', 1);
      }
    },
  };
}

export const BOOKWORM_LAYER = bookwormRoot('debian:bookworm-20250520', 116_958_742, 48_492_339, false);
export const BOOKWORM_SLIM_LAYER = bookwormRoot('debian:bookworm-slim-20250520', 74_824_507, 28_227_259, true);

function debianImage(tags: string[], layer: LayerSpec): ImageSpec {
  return {
    repository: 'library/debian',
    tags,
    steps: [
      { created: BOOKWORM_CREATED, createdBy: `# debian.sh --arch 'amd64' out/ 'bookworm' '@1747699200'`, comment: DEBUERREOTYPE, layer },
      { created: BOOKWORM_CREATED, createdBy: 'CMD ["bash"]', comment: DEBUERREOTYPE },
    ],
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['bash'] },
  };
}

export const DEBIAN_BOOKWORM = debianImage(['bookworm', '12', '12.11', 'bookworm-20250520', 'latest'], BOOKWORM_LAYER);
export const DEBIAN_BOOKWORM_SLIM = debianImage(['bookworm-slim', '12-slim', '12.11-slim', 'bookworm-20250520-slim'], BOOKWORM_SLIM_LAYER);

// buildpack-deps:bookworm, in its three steps (not a catalog repository itself; node and python are built on it).
const BPD_CREATED = '2025-05-21T01:24:17Z';
const CURL_PACKAGES = 'ca-certificates=20230311+deb12u1 curl=7.88.1-10+deb12u12 gnupg=2.2.40-1.1 libcurl4=7.88.1-10+deb12u12 netbase=6.4 openssl=3.0.16-1~deb12u1 sq=0.27.0-2+b1 wget=1.21.3-1+deb12u1';
const SCM_PACKAGES = 'git=1:2.39.5-0+deb12u2 git-lfs=3.3.0-1+b5 mercurial=6.3.2-1+deb12u1 openssh-client=1:9.2p1-2+deb12u6 procps=2:4.0.2-3 python3=3.11.2-1+b1 subversion=1.14.2-4+deb12u1';
const FULL_PACKAGES = 'autoconf=2.71-3 automake=1:1.16.5-1.3 bzip2=1.0.8-5+b1 dpkg-dev=1.21.22 file=1:5.44-3 g++=4:12.2.0-3 gcc=4:12.2.0-3 imagemagick=8:6.9.11.60+dfsg-1.6+deb12u3 libc6-dev=2.36-9+deb12u10 libssl-dev=3.0.16-1~deb12u1 make=4.3-4.1 patch=2.7.6-7 unzip=6.0-28 xz-utils=5.4.1-1 zlib1g-dev=1:1.2.13.dfsg-1';

export const BPD_CURL_LAYER: LayerSpec = {
  key: 'buildpack-deps:bookworm-curl',
  created: BPD_CREATED,
  size: 48_475_263,
  compressed: 24_015_580,
  build(l) {
    l.exes('/usr/bin', { curl: 297_480, wget: 514_584, gpg: 1_104_504, openssl: 1_005_664 });
    l.file('/var/lib/dpkg/status', dpkgAll(BOOKWORM_PACKAGES, CURL_PACKAGES));
    l.fill('/usr/lib/x86_64-linux-gnu', 60);
    l.fill('/usr/share/ca-certificates/mozilla', 140, '#%.crt', 1);
    l.fill('/usr/share/doc', 40, '#%.gz', 1);
  },
};

export const BPD_SCM_LAYER: LayerSpec = {
  key: 'buildpack-deps:bookworm-scm',
  created: BPD_CREATED,
  size: 177_242_868,
  compressed: 64_394_020,
  build(l) {
    l.exes('/usr/bin', { git: 3_998_032, hg: 1_087, ssh: 1_018_640, svn: 271_768, ps: 145_304, top: 137_432, python3: 6_831_736 });
    l.link('/usr/bin/python3.11', 'python3');
    l.file('/var/lib/dpkg/status', dpkgAll(BOOKWORM_PACKAGES, CURL_PACKAGES, SCM_PACKAGES));
    l.fill('/usr/lib/python3/dist-packages/mercurial', 200, '#%.py', 2);
    l.fill('/usr/lib/git-core', 40, 'git-#%', 1);
    l.fill('/usr/lib/x86_64-linux-gnu', 80, 'lib#.so.%', 3);
  },
};

export const BPD_FULL_LAYER: LayerSpec = {
  key: 'buildpack-deps:bookworm',
  created: BPD_CREATED,
  size: 587_996_316,
  compressed: 211_281_760,
  build(l) {
    l.exes('/usr/bin', { make: 252_128, patch: 202_704, unzip: 182_256, bzip2: 39_144, xz: 88_192, file: 27_312 });
    l.exe('/usr/bin/x86_64-linux-gnu-gcc-12', 'gcc', 1_040_496);
    l.exe('/usr/bin/x86_64-linux-gnu-g++-12', 'g++', 1_044_592);
    l.links('/usr/bin', { gcc: 'gcc-12', 'gcc-12': 'x86_64-linux-gnu-gcc-12', 'g++': 'g++-12', 'g++-12': 'x86_64-linux-gnu-g++-12', cc: '/etc/alternatives/cc' });
    l.file('/var/lib/dpkg/status', dpkgAll(BOOKWORM_PACKAGES, CURL_PACKAGES, SCM_PACKAGES, FULL_PACKAGES));
    l.fill('/usr/lib/gcc/x86_64-linux-gnu/12', 30, '#%', 4);
    l.fill('/usr/lib/x86_64-linux-gnu', 400, 'lib#.so.%', 8);
    l.fill('/usr/include', 300, '#%.h', 1);
    l.fill('/usr/share/doc', 150, '#%.gz', 1);
  },
};

function dpkgAll(...lists: string[]): string {
  return dpkgStatus(lists.join(' '));
}

export const BUILDPACK_DEPS_BOOKWORM: ImageSpec = {
  repository: 'library/buildpack-deps',
  tags: ['bookworm'],
  base: DEBIAN_BOOKWORM,
  steps: [
    run(BPD_CREATED, joined(`set -eux; \\
\tapt-get update; \\
\tapt-get install -y --no-install-recommends \\
\t\tca-certificates \\
\t\tcurl \\
\t\tgnupg \\
\t\tnetbase \\
\t\tsq \\
\t\twget \\
\t; \\
\trm -rf /var/lib/apt/lists/*`), BPD_CURL_LAYER),
    run(BPD_CREATED, joined(`apt-get update && apt-get install -y --no-install-recommends \\
\t\tgit \\
\t\tgit-lfs \\
\t\tmercurial \\
\t\topenssh-client \\
\t\tsubversion \\
\t\t\\
\t\tprocps \\
\t&& rm -rf /var/lib/apt/lists/*`), BPD_SCM_LAYER),
    run(BPD_CREATED, joined(`set -ex; \\
\tapt-get update; \\
\tapt-get install -y --no-install-recommends \\
\t\tautoconf \\
\t\tautomake \\
\t\tbzip2 \\
\t\tdpkg-dev \\
\t\tfile \\
\t\tg++ \\
\t\tgcc \\
\t\timagemagick \\
\t\tlibbz2-dev \\
\t\tlibc6-dev \\
\t\tlibcurl4-openssl-dev \\
\t\tlibdb-dev \\
\t\tlibevent-dev \\
\t\tlibffi-dev \\
\t\tlibgdbm-dev \\
\t\tlibglib2.0-dev \\
\t\tlibgmp-dev \\
\t\tlibjpeg-dev \\
\t\tlibkrb5-dev \\
\t\tliblzma-dev \\
\t\tlibmagickcore-dev \\
\t\tlibmagickwand-dev \\
\t\tlibmaxminddb-dev \\
\t\tlibncurses5-dev \\
\t\tlibncursesw5-dev \\
\t\tlibpng-dev \\
\t\tlibpq-dev \\
\t\tlibreadline-dev \\
\t\tlibsqlite3-dev \\
\t\tlibssl-dev \\
\t\tlibtool \\
\t\tlibwebp-dev \\
\t\tlibxml2-dev \\
\t\tlibxslt-dev \\
\t\tlibyaml-dev \\
\t\tmake \\
\t\tpatch \\
\t\tunzip \\
\t\txz-utils \\
\t\tzlib1g-dev \\
\t\t\\
\t\t$( \\
\t\t\tif apt-cache show 'default-libmysqlclient-dev' 2>/dev/null | grep -q '^Version:'; then \\
\t\t\t\techo 'default-libmysqlclient-dev'; \\
\t\t\telse \\
\t\t\t\techo 'libmysqlclient-dev'; \\
\t\t\tfi \\
\t\t) \\
\t; \\
\trm -rf /var/lib/apt/lists/*`), BPD_FULL_LAYER),
  ],
  config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['bash'] },
};
