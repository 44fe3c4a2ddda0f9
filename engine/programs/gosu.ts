import { readTable, resolveUser } from '../fs/passwd.ts';
import { runcExecError } from '../runtime/runc.ts';
import type { Process, Program } from './process.ts';

/**
 * gosu 1.17 (tianon/gosu): `gosu user-spec command [args]` switches to a user and group from /etc/passwd and
 * /etc/group (names or numbers, `user:group`), sets HOME to that user's home, and execs the command, as the official
 * images' entrypoints use it to drop root. Its usage text and errors are gosu's own.
 */
const VERSION = '1.17 (go1.18.2 on linux/amd64; gc)';

function usage(self: string): string {
  return `Usage: ${self} user-spec command [args]\n   eg: ${self} tianon bash\n       ${self} nobody:root bash -c 'whoami && id'\n       ${self} 1000:1 id\n\n${self} version: ${VERSION}\n${self} license: Apache-2.0 (full text at https://github.com/tianon/gosu)\n\n`;
}

export const gosu: Program = async (p: Process): Promise<number> => {
  const self = p.argv[0] ?? 'gosu';
  const [spec, ...command] = p.argv.slice(1);
  if (spec === '--help' || spec === '-h' || spec === '-?') {
    await p.stdout.write(usage(self));
    return 0;
  }
  if (spec === '--version' || spec === '-v') {
    await p.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (spec === undefined || command.length === 0) {
    await p.stderr.write(usage(self));
    return 1;
  }
  let target: { uid: number; gid: number };
  try {
    target = userOf(p, spec);
  } catch (e) {
    await p.stderr.write(`error: failed switching to '${spec}': ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  if (p.uid !== 0 && (target.uid !== p.uid || target.gid !== p.gid)) {
    // setgroups(2) needs CAP_SETGID: an unprivileged caller gets EPERM, as Go words it.
    await p.stderr.write(`error: failed switching to '${spec}': operation not permitted\n`);
    return 1;
  }
  const home = readTable(p.fs.root, '/etc/passwd').find((r) => r[2] === String(target.uid))?.[5] || '/';
  const env = { ...p.env, HOME: home };
  let failed: string | undefined;
  const status = await p.spawn(command, { env, uid: target.uid, gid: target.gid, exec: true, onFailure: (f) => (failed = runcExecError(command[0]!, f)) });
  if (failed !== undefined) {
    await p.stderr.write(`error: ${failed}\n`);
    return 1;
  }
  return status;
};

/** moby/sys/user's lookup, keeping the caller's group for a number passwd does not list (as gosu's defaults do). */
function userOf(p: Process, spec: string): { uid: number; gid: number } {
  const [user = ''] = spec.split(':');
  const resolved = resolveUser(p.fs.root, spec);
  const listed = readTable(p.fs.root, '/etc/passwd').some((r) => r[2] === user || r[0] === user);
  return /^\d+$/.test(user) && !listed && !spec.includes(':') ? { uid: resolved.uid, gid: p.gid } : resolved;
}
