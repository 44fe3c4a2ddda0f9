import { readTable } from '../fs/passwd.ts';
import type { Process, Program } from './process.ts';

/** The id of a user or group given by name (from /etc/passwd or /etc/group) or by number. */
function idOf(p: Process, table: '/etc/passwd' | '/etc/group', spec: string): number | undefined {
  if (/^\d+$/.test(spec)) return Number(spec);
  const row = readTable(p.fs.root, table).find((r) => r[0] === spec);
  return row ? Number(row[2]) : undefined;
}

/**
 * util-linux setpriv, as the official images (redis 8, postgres) use it to drop root:
 * `setpriv --reuid=redis --regid=redis --clear-groups -- command args`. It sets the ids and execs the command; it
 * does not touch HOME or anything else (unlike gosu). Wordings are util-linux 2.38's where known; the unknown-name
 * ones are unverified.
 */
export const setpriv: Program = async (p: Process): Promise<number> => {
  const args = p.argv.slice(1);
  let uid = p.uid;
  let gid = p.gid;
  let groupsChosen = false;
  let regid = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-')) break;
    const [name, value] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, args[i + 1]];
    const takesValue = name === '--reuid' || name === '--regid' || name === '--ruid' || name === '--rgid' || name === '--euid' || name === '--egid' || name === '--groups';
    if (takesValue && !a.includes('=')) i++;
    if (name === '--reuid' || name === '--ruid' || name === '--euid') {
      const id = idOf(p, '/etc/passwd', value ?? '');
      if (id === undefined) return fail(p, `failed to parse uid: '${value}'`);
      uid = id;
    } else if (name === '--regid' || name === '--rgid' || name === '--egid') {
      const id = idOf(p, '/etc/group', value ?? '');
      if (id === undefined) return fail(p, `failed to parse gid: '${value}'`);
      gid = id;
      regid = true;
    } else if (name === '--clear-groups' || name === '--keep-groups' || name === '--init-groups' || name === '--groups') groupsChosen = true;
    else if (name === '--no-new-privs' || name.startsWith('--inh-caps') || name.startsWith('--bounding-set')) continue;
    else return fail(p, `unrecognized option '${a}'\nTry 'setpriv --help' for more information.`);
  }
  const command = args.slice(i);
  if (regid && !groupsChosen) return fail(p, '--[re]gid requires --keep-groups, --clear-groups, --init-groups, or --groups');
  if (command.length === 0) return fail(p, 'No program specified\nTry \'setpriv --help\' for more information.');
  if (p.uid !== 0 && (uid !== p.uid || gid !== p.gid)) return fail(p, 'setresuid failed: Operation not permitted');
  let failed = false;
  const status = await p.spawn(command, { uid, gid, exec: true, onFailure: () => (failed = true) });
  if (failed) {
    await p.stderr.write(`setpriv: failed to execute ${command[0]}: No such file or directory\n`);
    return 127;
  }
  return status;
};

async function fail(p: Process, message: string): Promise<number> {
  await p.stderr.write(`setpriv: ${message}\n`);
  return 1;
}
