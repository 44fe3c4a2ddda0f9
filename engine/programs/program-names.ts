/**
 * The names of the programs that load on first use (see lazy.ts), known before their code is: the registry is looked
 * up by name, and the host's filesystem gets a file for each host program. A test checks these lists against the
 * tables they stand for, so a program added there and forgotten here fails the tests rather than go missing.
 */

/** Every name in `containerPrograms(NODE_PROGRAMS)` (registry.ts): what containers and build steps can run. */
export const CONTAINER_PROGRAM_NAMES: readonly string[] = [
  'adduser', 'apachectl', 'apk', 'apt', 'apt-cache', 'apt-get', 'ar', 'arp', 'as', 'ash', 'basename', 'bash',
  'busybox', 'bzip2', 'cat', 'chgrp', 'chmod', 'chown', 'chroot', 'clear', 'cp', 'cpp', 'createdb', 'curl', 'cut',
  'dash', 'date', 'df', 'dig', 'dirmngr', 'dirname', 'dpkg', 'dpkg-buildpackage', 'dpkg-source', 'du', 'echo',
  'egrep', 'env', 'envsubst', 'expr', 'false', 'fgrep', 'file', 'find', 'free', 'fuser', 'g++', 'gcc', 'getent',
  'git', 'gosu', 'gpg', 'gpgconf', 'grep', 'groupadd', 'groups', 'gzip', 'head', 'hello', 'hg', 'host', 'hostname',
  'htpasswd', 'httpd', 'id', 'ifconfig', 'initdb', 'jq', 'kill', 'killall', 'killall5', 'ld', 'ldconfig', 'less',
  'ln', 'login', 'ls', 'make', 'mariadb', 'mariadb-dump', 'md5sum', 'mkdir', 'mktemp', 'mongod', 'mongodump',
  'mongoexport', 'mongoimport', 'mongorestore', 'mongos', 'mongosh', 'mongostat', 'mongotop', 'more', 'mount', 'mv',
  'mysql', 'mysqldump', 'nano', 'netstat', 'nginx', 'nl', 'node', 'nologin', 'nproc', 'nslookup', 'nsupdate',
  'numactl', 'od', 'openssl', 'patch', 'perl', 'pg_ctl', 'pg_dump', 'pg_isready', 'pg_restore', 'pgrep', 'ping',
  'pkill', 'postgres', 'printf', 'ps', 'psql', 'pstree', 'pwd', 'python3', 'readlink', 'realpath', 'redis-benchmark',
  'redis-cli', 'redis-server', 'rm', 'rmdir', 'route', 'scp', 'sed', 'seq', 'setpriv', 'sh', 'sha256sum', 'sleep',
  'sort', 'sqlite3', 'ssh', 'ssh-keygen', 'start-stop-daemon', 'stat', 'su', 'su-exec', 'svn', 'tac', 'tail', 'tar',
  'tee', 'test', 'timeout', 'tini', 'top', 'touch', 'tr', 'true', 'uname', 'uniq', 'unzip', 'uptime', 'useradd',
  'userdel', 'usermod', 'vim', 'vmstat', 'watch', 'wc', 'wget', 'which', 'whoami', 'xargs', 'xauth', 'xxd', 'xz',
  'yes', 'zip', 'zstd',
];

/** The host's programs beyond its shell, coreutils and docker (`HOST_EXTRA_PROGRAMS` in loaded-programs.ts). */
export const HOST_EXTRA_PROGRAM_NAMES: readonly string[] = ['curl', 'mongosh', 'ping', 'getent'];
