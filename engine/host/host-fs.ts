import type { ProjectEntry } from '../api.ts';
import type { Fs } from '../fs/types.ts';
import { HOME_DIR, HOST_NAME, PROJECT_DIR, USER_GID, USER_NAME, USER_UID } from './layout.ts';

/**
 * Sizes of the host's program files as on Ubuntu 24.04 (amd64), so `ls -l /usr/bin` looks like a real machine.
 * Programs not listed get a typical coreutils size.
 */
const PROGRAM_SIZES: Readonly<Record<string, number>> = {
  bash: 1_446_024,
  dash: 129_784,
  docker: 39_981_096,
  ls: 138_216,
  cat: 35_336,
  grep: 186_800,
  sed: 113_224,
  sort: 109_576,
};
const DEFAULT_PROGRAM_SIZE = 43_416;

/** Programs that are files under another name on Ubuntu: `/usr/bin/sh -> dash`. */
const PROGRAM_LINKS: Readonly<Record<string, string>> = { sh: 'dash', '[': 'test' };

const OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.2 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.2 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
${USER_NAME}:x:${USER_UID}:${USER_GID}:Student,,,:${HOME_DIR}:/bin/bash
`;

const SHADOW = `root:*:20100:0:99999:7:::
daemon:*:20100:0:99999:7:::
bin:*:20100:0:99999:7:::
sys:*:20100:0:99999:7:::
nobody:*:20100:0:99999:7:::
${USER_NAME}:!:20100:0:99999:7:::
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:${USER_NAME}
shadow:x:42:
sudo:x:27:${USER_NAME}
docker:x:999:${USER_NAME}
nogroup:x:65534:
${USER_NAME}:x:${USER_GID}:
`;

const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.
export PS1='\\u@\\h:\\w\\$ '
alias ll='ls -alF'
`;

/**
 * Lays out the host on an empty filesystem: a merged-/usr Ubuntu tree, one file per installed program (the file
 * is what makes the command exist), users, and the student's home with the project.
 */
export function populateHost(fs: Fs, programs: readonly string[], project: readonly ProjectEntry[], mtime: number): void {
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local/bin', '/usr/local/sbin', '/etc', '/var/lib/docker', '/root', HOME_DIR, '/tmp']) {
    fs.mkdir(dir, { recursive: true });
  }
  fs.chmod('/root', 0o700);
  fs.chmod('/tmp', 0o1777);
  fs.chmod('/var/lib/docker', 0o710);
  for (const [link, target] of [['bin', 'usr/bin'], ['sbin', 'usr/sbin'], ['lib', 'usr/lib']] as const) fs.symlink(target, `/${link}`);

  for (const name of programs) {
    if (PROGRAM_LINKS[name] !== undefined) continue;
    fs.putEntry(`/usr/bin/${name}`, {
      type: 'file',
      mode: 0o755,
      uid: 0,
      gid: 0,
      mtime,
      content: { kind: 'synthetic', size: PROGRAM_SIZES[name] ?? DEFAULT_PROGRAM_SIZE, seed: `ubuntu-24.04:/usr/bin/${name}`, program: name },
    });
  }
  for (const [link, target] of Object.entries(PROGRAM_LINKS)) {
    if (programs.includes(target)) fs.symlink(target, `/usr/bin/${link}`);
  }

  fs.writeFile('/etc/hostname', `${HOST_NAME}\n`);
  fs.writeFile('/etc/os-release', OS_RELEASE);
  fs.writeFile('/etc/passwd', PASSWD);
  fs.writeFile('/etc/group', GROUP);
  fs.writeFile('/etc/shadow', SHADOW, { mode: 0o640, gid: 42 });
  fs.writeFile('/etc/hosts', `127.0.0.1\tlocalhost\n127.0.1.1\t${HOST_NAME}\n`);

  fs.writeFile(`${HOME_DIR}/.bashrc`, BASHRC);
  fs.mkdir(PROJECT_DIR);
  for (const entry of project) addProjectEntry(fs, entry);
  chownTree(fs, HOME_DIR, USER_UID, USER_GID);
  fs.chmod(HOME_DIR, 0o750);
  fs.utimes(HOME_DIR, mtime);
}

function addProjectEntry(fs: Fs, entry: ProjectEntry): void {
  const path = `${PROJECT_DIR}/${entry.path}`;
  const parent = path.slice(0, path.lastIndexOf('/'));
  if (!fs.exists(parent)) fs.mkdir(parent, { recursive: true });
  if (entry.type === 'dir') {
    if (!fs.exists(path)) fs.mkdir(path);
    fs.chmod(path, entry.mode ?? 0o755);
  } else if (entry.type === 'symlink') {
    fs.symlink(entry.target ?? '', path);
  } else {
    fs.writeFile(path, entry.content ?? '');
    fs.chmod(path, entry.mode ?? 0o644);
  }
}

function chownTree(fs: Fs, path: string, uid: number, gid: number): void {
  const st = fs.lstat(path);
  if (st.type === 'symlink') return;
  fs.chown(path, uid, gid);
  if (st.type === 'dir') for (const name of fs.readdir(path)) chownTree(fs, `${path}/${name}`, uid, gid);
}
