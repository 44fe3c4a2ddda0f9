import { busybox } from './busybox.ts';
import { hello } from './hello.ts';
import { COREUTILS } from './coreutils/index.ts';
import { notSimulated } from './not-simulated.ts';
import { PACKAGE_PROGRAMS, PACKAGED_PROGRAM_NAMES } from './packages/index.ts';
import type { Program } from './process.ts';
import { SHELL_PROGRAMS } from './shell/index.ts';
import { setpriv } from './setpriv.ts';
import { HTTP_PROGRAMS } from './http/index.ts';
import { MONGO_PROGRAMS } from './mongo/index.ts';
import { REDIS_PROGRAMS } from './redis/index.ts';
import { NET_PROGRAMS } from './net/index.ts';

/**
 * The programs processes inside containers and build steps can run, by the name their files carry
 * (`content.program`). A command exists only where its file is in the image; this table only says what running
 * such a file does.
 *
 * Every name a catalog image or an installed package gives a file is here. Those Dockyard does not simulate yet run
 * as `notSimulated` (an honest message, exit 126); a real program registered later under the same name, or passed in
 * `extra` (the node runtime's NODE_PROGRAMS, servers from the container runtime), replaces it.
 */

/** Program names the catalog images use that have no simulation yet (see the registry test for the check). */
export const UNSIMULATED_CATALOG_PROGRAMS: readonly string[] = [
  // Debian/Ubuntu base tools (engine/image/catalog/source/os.ts)
  'ln', 'chgrp', 'stat', 'df', 'du', 'test', 'tar', 'gzip', 'apt-cache', 'login', 'su', 'mount', 'more', 'kill',
  'mktemp', 'readlink', 'realpath', 'md5sum', 'sha256sum', 'yes', 'nproc', 'groups', 'tac', 'nl', 'od', 'expr', 'timeout',
  'useradd', 'groupadd', 'usermod', 'userdel', 'adduser', 'ldconfig', 'start-stop-daemon', 'nologin', 'chroot',
  'killall5',
  // buildpack-deps and the application images
  'wget', 'gpg', 'openssl', 'git', 'hg', 'ssh', 'svn', 'ps', 'top', 'make', 'patch', 'unzip', 'bzip2', 'xz', 'file',
  'gcc', 'g++', 'perl', 'jq', 'numactl', 'zstd', 'less', 'envsubst',
  // runtimes and servers the container runtime and the node helper bring
  'node', 'httpd', 'apachectl', 'htpasswd', 'mongos', 'mongodump', 'mongorestore',
  'mongoexport', 'mongoimport', 'mongostat', 'mongotop', 'redis-benchmark', 'postgres',
  'psql', 'pg_ctl', 'initdb', 'pg_dump', 'pg_restore', 'createdb', 'pg_isready',
];

export function containerPrograms(extra: Readonly<Record<string, Program>> = {}): Record<string, Program> {
  const stubs: Record<string, Program> = {};
  for (const name of [...UNSIMULATED_CATALOG_PROGRAMS, ...PACKAGED_PROGRAM_NAMES]) stubs[name] = notSimulated(name);
  return { ...stubs, ...SHELL_PROGRAMS, ...COREUTILS, busybox, hello, setpriv, ...PACKAGE_PROGRAMS, ...MONGO_PROGRAMS, ...REDIS_PROGRAMS, ...HTTP_PROGRAMS, ...NET_PROGRAMS, ...extra };
}
