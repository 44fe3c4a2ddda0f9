import type { DirEntry } from '../fs/types.ts';
import { readTable as table } from './context/chown.ts';
import { BuildFailure } from './errors.ts';

/**
 * The uid and gid a `USER` value means in this filesystem, as BuildKit resolves it (runc's user
 * package): names through /etc/passwd and /etc/group, numbers as they are, the user's primary group when no group
 * is given.
 */
export function resolveUser(root: DirEntry, spec: string): { uid: number; gid: number } {
  if (spec === '') return { uid: 0, gid: 0 };
  const [user = '', group] = spec.split(':');
  const passwd = table(root, '/etc/passwd');
  let uid: number;
  let gid: number;
  if (/^\d+$/.test(user)) {
    uid = Number(user);
    const row = passwd.find((r) => r[2] === user);
    gid = row ? Number(row[3]) : 0;
  } else {
    const row = passwd.find((r) => r[0] === user);
    if (!row) throw new BuildFailure(`unable to find user ${user}: no matching entries in passwd file`);
    uid = Number(row[2]);
    gid = Number(row[3]);
  }
  if (group !== undefined && group !== '') {
    if (/^\d+$/.test(group)) gid = Number(group);
    else {
      const row = table(root, '/etc/group').find((r) => r[0] === group);
      if (!row) throw new BuildFailure(`unable to find group ${group}: no matching entries in group file`);
      gid = Number(row[2]);
    }
  }
  return { uid, gid };
}
