import { add, copy, execForm } from './dockerfile.ts';
import type { ImageSpec } from './types.ts';

/**
 * busybox 1.37.0 (the glibc variant `latest` points to, 4.28MB) and hello-world (10.1kB, one static binary that
 * prints its greeting; its program is `hello`).
 */

const BUSYBOX_CREATED = '2024-09-26T21:31:42Z';
const APPLETS = 'ash awk basename cat chmod chown cp cut date dd df du echo env expr false find grep gzip head hostname id kill less ln ls mkdir mktemp more mv nc nslookup ping printf ps pwd readlink realpath rm rmdir sed seq sh sleep sort stat tail tar tee test top touch tr true uname uniq vi wc wget which whoami xargs yes';

export const BUSYBOX: ImageSpec = {
  repository: 'library/busybox',
  tags: ['latest', '1.37', '1.37.0', '1', 'stable', 'glibc', '1.37-glibc', '1.37.0-glibc'],
  steps: [
    add(BUSYBOX_CREATED, 'busybox.tar.xz /', {
      key: 'busybox:1.37.0-glibc',
      created: BUSYBOX_CREATED,
      size: 4_277_910,
      compressed: 2_154_382,
      build(l) {
        // The image is a bare /bin full of hard links to busybox; ours are symlinks, which overlay treats alike.
        l.exe('/bin/busybox', 'busybox', 1_150_456);
        for (const a of APPLETS.split(' ')) l.link(`/bin/${a}`, 'busybox');
        l.dir('/root', { mode: 0o700 }).dir('/tmp', { mode: 0o1777 }).dir('/home').dir('/usr/sbin').dir('/var/spool/mail').dir('/var/www');
        l.file('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
        l.file('/etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnogroup:x:65534:\n');
        l.fill('/lib', 6, 'lib#.so.%');
      },
    }),
    execForm(BUSYBOX_CREATED, 'CMD', ['sh']),
  ],
  config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['sh'] },
};

const HELLO_CREATED = '2025-01-21T23:32:32Z';

export const HELLO_WORLD: ImageSpec = {
  repository: 'library/hello-world',
  tags: ['latest', 'linux'],
  steps: [
    copy(HELLO_CREATED, 'hello /', { key: 'hello-world:latest', created: HELLO_CREATED, compressed: 3_195, build: (l) => l.exe('/hello', 'hello', 10_072, { mode: 0o775 }) }),
    execForm(HELLO_CREATED, 'CMD', ['/hello']),
  ],
  config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/hello'] },
};
