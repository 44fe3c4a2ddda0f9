import { readContent } from './content.ts';
import { TreeFs } from './tree-fs.ts';
import type { DirEntry } from './types.ts';

/**
 * Colon-separated lines of a file in a root filesystem (/etc/passwd, /etc/group), symlinks followed; a missing file
 * reads as empty, as moby/sys/user treats it.
 */
export function readTable(root: DirEntry, path: string): string[][] {
  let entry;
  try {
    entry = new TreeFs(root).entry(path);
  } catch {
    return [];
  }
  if (entry.type !== 'file') return [];
  return new TextDecoder()
    .decode(readContent(entry.content))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split(':'));
}

/**
 * The uid and gid a `USER` value means in this filesystem, as runc resolves it (moby/sys/user): names through
 * /etc/passwd and /etc/group, numbers as they are, the user's primary group when no group is given (group 0 for a
 * uid passwd does not list). Throws runc's message for a name the files do not have.
 */
export function resolveUser(root: DirEntry, spec: string): { uid: number; gid: number } {
  if (spec === '') return { uid: 0, gid: 0 };
  const [user = '', group] = spec.split(':');
  const passwd = readTable(root, '/etc/passwd');
  let uid: number;
  let gid: number;
  if (/^\d+$/.test(user)) {
    uid = Number(user);
    const row = passwd.find((r) => r[2] === user);
    gid = row ? Number(row[3]) : 0;
  } else {
    const row = passwd.find((r) => r[0] === user);
    if (!row) throw new Error(`unable to find user ${user}: no matching entries in passwd file`);
    uid = Number(row[2]);
    gid = Number(row[3]);
  }
  if (group !== undefined && group !== '') {
    if (/^\d+$/.test(group)) gid = Number(group);
    else {
      const row = readTable(root, '/etc/group').find((r) => r[0] === group);
      if (!row) throw new Error(`unable to find group ${group}: no matching entries in group file`);
      gid = Number(row[2]);
    }
  }
  return { uid, gid };
}
