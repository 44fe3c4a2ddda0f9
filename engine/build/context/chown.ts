import { readTable } from '../../fs/passwd.ts';
import type { DirEntry } from '../../fs/types.ts';
import { BuildContextError } from './errors.ts';

/**
 * `COPY --chown=user:group` resolved the way BuildKit's file op does (moby/sys/user over the destination stage's
 * own `/etc/passwd` and `/etc/group`):
 * - numbers need no file; a user given without a group also gives the group (`--chown=1000` is 1000:1000, as
 *   the Dockerfile reference says);
 * - a user name takes the uid and primary gid of its passwd line; a group name its gid from the group file;
 * - a name the files do not have (or files that are not there) fails with moby/sys/user's message.
 */
export interface Owner {
  readonly uid: number;
  readonly gid: number;
}

export function resolveChown(spec: string, rootfs: DirEntry): Owner {
  const colon = spec.indexOf(':');
  const userPart = colon < 0 ? spec : spec.slice(0, colon);
  const groupPart = colon < 0 ? undefined : spec.slice(colon + 1);

  let uid: number;
  let gid: number;
  if (isId(userPart)) {
    uid = Number(userPart);
    gid = uid;
  } else {
    const entry = readTable(rootfs, '/etc/passwd').find((f) => f[0] === userPart && isId(f[2]) && isId(f[3]));
    if (entry === undefined) throw new BuildContextError(`unable to find user ${userPart}: no matching entries in passwd file`, 'ECHOWN');
    uid = Number(entry[2]);
    gid = Number(entry[3]);
  }
  if (groupPart !== undefined && groupPart !== '') {
    if (isId(groupPart)) gid = Number(groupPart);
    else {
      const entry = readTable(rootfs, '/etc/group').find((f) => f[0] === groupPart && isId(f[2]));
      if (entry === undefined) throw new BuildContextError(`unable to find group ${groupPart}: no matching entries in group file`, 'ECHOWN');
      gid = Number(entry[2]);
    }
  }
  return { uid, gid };
}

function isId(s: string | undefined): s is string {
  return s !== undefined && /^\d+$/.test(s);
}
