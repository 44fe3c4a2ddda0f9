import type { LayerBuilder } from './layer-builder.ts';

/**
 * What the distribution base layers have in common: the merged-/usr Debian/Ubuntu layout and Alpine's busybox
 * layout, users and groups, and the package databases. Program sizes are those of the amd64 packages (bookworm,
 * give or take a few kB between releases); programs not listed in the registry just sit there as files.
 */

/** coreutils, grep, sed, findutils, debianutils and friends: present in every Debian and Ubuntu base image. */
export const DEBIAN_USR_BIN: Readonly<Record<string, number>> = {
  bash: 1_265_648, dash: 125_640, ls: 151_344, cat: 44_016, cp: 151_152, mv: 147_048, rm: 72_320, mkdir: 76_104,
  rmdir: 51_648, ln: 72_280, echo: 35_208, pwd: 39_824, env: 48_144, head: 43_856, tail: 64_416, sort: 113_384,
  uniq: 43_912, wc: 48_072, cut: 47_480, tr: 51_568, tee: 39_824, touch: 97_136, chmod: 64_448, chown: 72_672,
  chgrp: 68_576, date: 105_888, sleep: 35_336, seq: 51_632, printf: 68_704, basename: 35_280, dirname: 35_280,
  true: 27_472, false: 27_472, id: 48_224, whoami: 35_280, uname: 35_280, hostname: 22_760, grep: 203_152,
  sed: 122_224, find: 224_848, xargs: 64_448, which: 1_073, clear: 14_568, stat: 88_848, df: 97_232, du: 109_296,
  test: 47_536, tar: 523_768, gzip: 98_136, dpkg: 316_264, 'apt-get': 31_208, apt: 18_824, 'apt-cache': 81_840,
  login: 52_912, su: 72_000, mount: 59_704, more: 51_720, kill: 31_120, mktemp: 43_760, readlink: 43_856,
  realpath: 43_856, md5sum: 47_632, sha256sum: 55_824, yes: 35_208, nproc: 35_336, groups: 39_824, tac: 43_864,
  nl: 55_760, od: 72_288, expr: 51_728, timeout: 39_952,
  // util-linux's; redis 8's entrypoint drops privileges with it (size estimated)
  setpriv: 47_488,
  // libc-bin's (size estimated): `getent hosts mongo` shows what a container's resolver answers
  getent: 39_448,
};

/** Names that are links on Debian (`/usr/bin/sh -> dash`, `[ -> test`) rather than files of their own. */
export const DEBIAN_USR_BIN_LINKS: Readonly<Record<string, string>> = { sh: 'dash', '[': 'test', rbash: 'bash', pidof: '/sbin/killall5' };

export const DEBIAN_USR_SBIN: Readonly<Record<string, number>> = {
  useradd: 147_512, groupadd: 88_640, usermod: 138_976, userdel: 96_272, adduser: 41_802, ldconfig: 979_640,
  'start-stop-daemon': 56_128, nologin: 14_472, chroot: 39_872, killall5: 23_240,
};

export function debianPasswd(...extra: string[]): string {
  return lines(
    'root:x:0:0:root:/root:/bin/bash',
    'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
    'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
    'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
    'sync:x:4:65534:sync:/bin:/bin/sync',
    'games:x:5:60:games:/usr/games:/usr/sbin/nologin',
    'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
    'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin',
    'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin',
    'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin',
    'uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin',
    'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin',
    'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
    'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
    'list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin',
    'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin',
    '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin',
    'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
    ...extra,
  );
}

export function debianGroup(...extra: string[]): string {
  const base = 'root:0 daemon:1 bin:2 sys:3 adm:4 tty:5 disk:6 lp:7 mail:8 news:9 uucp:10 man:12 proxy:13 kmem:15 dialout:20 fax:21 voice:22 cdrom:24 floppy:25 tape:26 sudo:27 audio:29 dip:30 www-data:33 backup:34 operator:37 list:38 irc:39 src:40 shadow:42 utmp:43 video:44 sasl:45 plugdev:46 staff:50 games:60 users:100 nogroup:65534';
  return lines(...base.split(' ').map((g) => g.replace(':', ':x:') + ':'), ...extra);
}

/** The shadow file for `passwd` text: locked (`*`) system accounts, `!` for accounts added later. */
export function shadowFor(passwd: string, days = 20_100): string {
  return lines(...passwd.trim().split('\n').map((l) => `${l.split(':')[0]}:${Number(l.split(':')[2]) >= 999 && !l.startsWith('nobody') ? '!' : '*'}:${days}:0:99999:7:::`));
}

export interface DebianRoot {
  readonly osRelease: string;
  /** `/etc/debian_version` */
  readonly debianVersion: string;
  readonly passwd: string;
  readonly group: string;
  readonly packages: string;
  /** Extra programs in /usr/bin beyond DEBIAN_USR_BIN. */
  readonly extraBin?: Readonly<Record<string, number>>;
  readonly hostname?: string;
}

/** A merged-/usr Debian or Ubuntu root filesystem skeleton. */
/**
 * debuerreotype's apt settings for images (`/etc/apt/apt.conf.d/docker-*`): why an `apt-get install` layer holds
 * no .deb files and `apt-get update` lists are stored compressed. Ubuntu's images carry the same two files.
 */
export const DOCKER_CLEAN = `DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };

Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
`;
export const DOCKER_GZIP_INDEXES = 'Acquire::GzipIndexes "true";\n';

export function debianRoot(l: LayerBuilder, o: DebianRoot): void {
  for (const d of ['boot', 'dev', 'etc', 'home', 'media', 'mnt', 'opt', 'proc', 'run', 'srv', 'sys', 'usr', 'var']) l.dir(`/${d}`);
  l.dir('/root', { mode: 0o700 }).dir('/tmp', { mode: 0o1777 }).dir('/proc', { mode: 0o555 }).dir('/sys', { mode: 0o555 });
  l.links('/', { bin: 'usr/bin', sbin: 'usr/sbin', lib: 'usr/lib', lib64: 'usr/lib64' });
  for (const d of ['bin', 'etc', 'games', 'include', 'lib', 'sbin', 'share', 'src']) l.dir(`/usr/local/${d}`);
  l.dir('/var/tmp', { mode: 0o1777 }).dir('/var/mail', { mode: 0o2775, gid: 8 }).dir('/var/local', { mode: 0o2775, gid: 50 });
  for (const d of ['/var/log', '/var/cache/apt', '/var/lib/apt/lists', '/var/lib/dpkg/info', '/var/spool', '/var/backups', '/var/opt']) l.dir(d);
  l.file('/etc/apt/apt.conf.d/docker-clean', DOCKER_CLEAN);
  l.file('/etc/apt/apt.conf.d/docker-gzip-indexes', DOCKER_GZIP_INDEXES);
  l.exes('/usr/bin', { ...DEBIAN_USR_BIN, ...o.extraBin });
  l.links('/usr/bin', DEBIAN_USR_BIN_LINKS);
  l.exes('/usr/sbin', DEBIAN_USR_SBIN);
  l.blob('/usr/lib64/ld-linux-x86-64.so.2', 210_968);
  l.blob('/usr/lib/x86_64-linux-gnu/libc.so.6', 1_922_136);
  l.file('/usr/lib/os-release', o.osRelease);
  l.link('/etc/os-release', '../usr/lib/os-release');
  l.file('/etc/debian_version', o.debianVersion);
  l.file('/etc/hostname', o.hostname ?? '');
  l.file('/etc/passwd', o.passwd);
  l.file('/etc/group', o.group);
  l.file('/etc/shadow', shadowFor(o.passwd), { mode: 0o640, gid: 42 });
  l.file('/etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n');
  l.file('/etc/profile', PROFILE);
  l.file('/etc/bash.bashrc', "# System-wide .bashrc file for interactive bash(1) shells.\n[ -z \"$PS1\" ] && return\nPS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n");
  l.file('/root/.bashrc', "# ~/.bashrc: executed by bash(1) for non-login shells.\n# export LS_OPTIONS='--color=auto'\n# alias ls='ls $LS_OPTIONS'\n");
  l.file('/root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\nif [ "$BASH" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\nmesg n 2> /dev/null || true\n');
  l.file('/var/lib/dpkg/status', dpkgStatus(o.packages));
}

const PROFILE = `# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
if [ "$(id -u)" -eq 0 ]; then
  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
else
  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
fi
export PATH
`;

/**
 * `/var/lib/dpkg/status` for packages written `name=version` separated by spaces. An image layer that installs
 * packages carries the whole file again (the union shows the top copy), so callers pass every package so far.
 */
export function dpkgStatus(packages: string): string {
  return packages
    .trim()
    .split(/\s+/)
    .map((p) => {
      const [name, version] = p.split('=') as [string, string];
      return `Package: ${name}\nStatus: install ok installed\nArchitecture: ${name.endsWith('-common') || name.endsWith('-data') ? 'all' : 'amd64'}\nVersion: ${version}\nDescription: ${name}\n`;
    })
    .join('\n');
}

/** `/lib/apk/db/installed` for `name=version` pairs. */
export function apkInstalled(packages: string): string {
  return packages
    .trim()
    .split(/\s+/)
    .map((p) => {
      const [name, version] = p.split('=') as [string, string];
      return `P:${name}\nV:${version}\nA:x86_64\nT:${name}\n`;
    })
    .join('\n');
}

export function alpinePasswd(...extra: string[]): string {
  return lines(
    'root:x:0:0:root:/root:/bin/sh',
    'bin:x:1:1:bin:/bin:/sbin/nologin',
    'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
    'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin',
    'sync:x:5:0:sync:/sbin:/bin/sync',
    'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown',
    'halt:x:7:0:halt:/sbin:/sbin/halt',
    'mail:x:8:12:mail:/var/mail:/sbin/nologin',
    'news:x:9:13:news:/usr/lib/news:/sbin/nologin',
    'uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin',
    'cron:x:16:16:cron:/var/spool/cron:/sbin/nologin',
    'ftp:x:21:21::/var/lib/ftp:/sbin/nologin',
    'sshd:x:22:22:sshd:/dev/null:/sbin/nologin',
    'games:x:35:35:games:/usr/games:/sbin/nologin',
    'ntp:x:123:123:NTP:/var/empty:/sbin/nologin',
    'guest:x:405:100:guest:/dev/null:/sbin/nologin',
    'nobody:x:65534:65534:nobody:/:/sbin/nologin',
    ...extra,
  );
}

export function alpineGroup(...extra: string[]): string {
  const base = 'root:0:root bin:1:root,bin,daemon daemon:2:root,bin,daemon sys:3:root,bin,adm adm:4:root,adm,daemon tty:5: disk:6:root,adm lp:7:lp kmem:9: wheel:10:root floppy:11:root mail:12:mail news:13:news uucp:14:uucp cron:16:cron console:17: audio:18: cdrom:19: dialout:20:root ftp:21: sshd:22: input:23: tape:26:root video:27:root netdev:28: kvm:34:kvm games:35: shadow:42: www-data:82: users:100:games ntp:123: abuild:300: utmp:406: ping:999: nogroup:65533: nobody:65534:';
  return lines(...base.split(' ').map((g) => g.replace(':', ':x:')), ...extra);
}

/** The busybox applets every Alpine image links to /bin/busybox (the ones lessons use; the real list is ~400). */
const BUSYBOX_BIN = 'arch ash base64 cat chgrp chmod chown cp date dd df dmesg echo egrep false fgrep grep gunzip gzip hostname kill ln login ls mkdir mktemp more mount mv netstat nice pidof ping ps pwd rm rmdir sed sh sleep stat su sync tar touch true umount uname usleep watch zcat';
const BUSYBOX_USR_BIN = 'awk basename cut dirname du env expr find free head id less md5sum nc nproc nslookup printf readlink realpath seq sha256sum sort tail tee test time top tr uniq unzip uptime wc wget which whoami xargs yes';

export interface AlpineRoot {
  readonly version: string;
  readonly packages: string;
  readonly busyboxSize: number;
}

export function alpineRoot(l: LayerBuilder, o: AlpineRoot): void {
  for (const d of ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'run', 'sbin', 'srv', 'usr/bin', 'usr/sbin', 'usr/lib', 'usr/local/bin', 'usr/local/lib', 'usr/local/share', 'usr/share', 'var/cache', 'var/cache/apk', 'var/lib', 'var/log', 'var/spool', 'var/opt', 'var/empty']) l.dir(`/${d}`);
  l.dir('/root', { mode: 0o700 }).dir('/tmp', { mode: 0o1777 }).dir('/proc', { mode: 0o555 }).dir('/sys', { mode: 0o555 }).dir('/var/tmp', { mode: 0o1777 });
  l.exe('/bin/busybox', 'busybox', o.busyboxSize);
  for (const name of BUSYBOX_BIN.split(' ')) l.link(`/bin/${name}`, '/bin/busybox');
  for (const name of BUSYBOX_USR_BIN.split(' ')) l.link(`/usr/bin/${name}`, '/bin/busybox');
  l.exe('/sbin/apk', 'apk', 114_440);
  l.blob('/lib/ld-musl-x86_64.so.1', 666_928, { mode: 0o755 });
  l.link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1');
  const [major, minor] = o.version.split('.');
  l.file('/etc/alpine-release', `${o.version}\n`);
  l.file('/usr/lib/os-release', `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${o.version}\nPRETTY_NAME="Alpine Linux v${major}.${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`);
  l.link('/etc/os-release', '../usr/lib/os-release');
  l.file('/etc/hostname', 'localhost\n');
  l.file('/etc/passwd', alpinePasswd());
  l.file('/etc/group', alpineGroup());
  l.file('/etc/shadow', shadowFor(alpinePasswd(), 20_000), { mode: 0o640, gid: 42 });
  l.file('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n');
  l.file('/etc/profile', 'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nexport PAGER=less\numask 022\n');
  l.file('/etc/apk/repositories', `https://dl-cdn.alpinelinux.org/alpine/v${major}.${minor}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${major}.${minor}/community\n`);
  l.file('/etc/apk/world', o.packages.trim().split(/\s+/).map((p) => p.split('=')[0]).filter((n) => ['alpine-baselayout', 'alpine-keys', 'alpine-release', 'apk-tools', 'busybox', 'musl-utils'].includes(n!)).join('\n') + '\n');
  l.file('/lib/apk/db/installed', apkInstalled(o.packages));
}

function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}
