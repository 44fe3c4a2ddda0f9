import { basename } from '../fs/path.ts';
import { readTextOr } from './packages/shared/fs-helpers.ts';
import { COREUTILS } from './coreutils/index.ts';
import type { Process, Program } from './process.ts';
import { wget } from './http/wget.ts';
import { NET_APPLETS } from './net/index.ts';
import { shellProgram } from './shell/index.ts';

/**
 * BusyBox, the multi-call binary of Alpine and the busybox image: `/bin/ls` is a symlink to `/bin/busybox`, which
 * looks at the name it was run by (`basename(argv[0])`) or, run as `busybox <applet> ...`, at its first argument.
 * Its applets here are Dockyard's coreutils, told they run as BusyBox (`dialect`) so that the errors students meet
 * most (a missing file for ls, cat, rm, mkdir) read as BusyBox words them, and the shell as ash. Real BusyBox has ~300 applets; a name it has that Dockyard does not simulate answers as an unknown
 * applet does, so the applet list below only names what runs.
 */

const ASH = shellProgram('ash');

/** Applet names that are BusyBox applets and that Dockyard can run. */
const APPLET_NAMES = [
  'ash', 'basename', 'cat', 'chmod', 'chown', 'clear', 'cp', 'cut', 'date', 'dirname', 'echo', 'egrep', 'env', 'false',
  'fgrep', 'find', 'grep', 'head', 'hostname', 'id', 'ls', 'mkdir', 'mv', 'nslookup', 'ping', 'printf', 'pwd', 'rm', 'rmdir',
  'sed', 'seq', 'sh', 'sleep', 'sort', 'tail', 'tee', 'touch', 'tr', 'true', 'uname', 'uniq', 'wc', 'wget', 'which', 'whoami', 'xargs',
];

/** Applets BusyBox installs in /bin (the rest go to /usr/bin), for `--list-full`. */
const IN_BIN = new Set(['ash', 'cat', 'chmod', 'chown', 'cp', 'date', 'echo', 'egrep', 'false', 'fgrep', 'grep', 'hostname', 'ls', 'mkdir', 'mv', 'ping', 'pwd', 'rm', 'rmdir', 'sed', 'sh', 'sleep', 'touch', 'true', 'uname']);

export const BUSYBOX_APPLETS: Readonly<Record<string, Program>> = Object.fromEntries(
  APPLET_NAMES.map((name) => [name, name === 'sh' || name === 'ash' ? ASH : name === 'wget' ? wget : (NET_APPLETS[name] ?? COREUTILS[name]!)]),
);

/** The banner's version: the busybox package Alpine recorded, else the busybox image's 1.37.0. */
function version(p: Process): string {
  const db = readTextOr(p.fs, '/lib/apk/db/installed', '');
  const m = /^P:busybox\nV:(\d+\.\d+\.\d+)/m.exec(db);
  return m?.[1] ?? '1.37.0';
}

/** Build stamps are not recorded anywhere Dockyard can read; these are plausible ones for each release. */
const BUILT: Record<string, string> = { '1.36.1': '2024-06-10 07:11:47 UTC', '1.37.0': '2025-01-17 18:12:01 UTC' };

function banner(p: Process): string {
  const v = version(p);
  let out =
    `BusyBox v${v} (${BUILT[v] ?? BUILT['1.37.0']}) multi-call binary.\n` +
    'BusyBox is copyrighted by many authors between 1998-2015.\n' +
    'Licensed under GPLv2. See source distribution for detailed\n' +
    'copyright notices.\n\n' +
    'Usage: busybox [function [arguments]...]\n' +
    '   or: busybox --list[-full]\n' +
    '   or: busybox --show SCRIPT\n' +
    '   or: busybox --install [-s] [DIR]\n' +
    '   or: function [arguments]...\n\n' +
    '\tBusyBox is a multi-call binary that combines many common Unix\n' +
    '\tutilities into a single executable.  Most people will create a\n' +
    '\tlink to busybox for each function they wish to use and BusyBox\n' +
    '\twill act like whatever it was invoked as.\n\n' +
    'Currently defined functions:\n';
  // appletlib.c's wrapping: 80 columns off a terminal, one kept free so a comma never lands in the last one.
  const width = (p.stdout.tty?.columns ?? 80) - 1;
  let col = 0;
  for (const name of APPLET_NAMES) {
    const len2 = name.length + 2;
    if (col >= width - len2) {
      out += ',\n';
      col = 0;
    }
    if (col === 0) {
      col = 6;
      out += '\t';
    } else out += ', ';
    out += name;
    col += len2;
  }
  return out + '\n\n';
}

async function runApplet(p: Process, argv: readonly string[]): Promise<number> {
  const name = basename(argv[0] ?? '');
  const applet = Object.hasOwn(BUSYBOX_APPLETS, name) ? BUSYBOX_APPLETS[name] : undefined;
  if (!applet) {
    await p.stderr.write(`${name}: applet not found\n`);
    return 127;
  }
  // A shell keeps the name it was run by as $0 (`/bin/sh: ...` in its errors); other applets speak as their name.
  const shown = name === 'sh' || name === 'ash' ? argv[0]! : name;
  return applet({ ...p, argv: [shown, ...argv.slice(1)], dialect: 'busybox' });
}

export const busybox: Program = async (p) => {
  const invoked = basename((p.argv[0] ?? 'busybox').replace(/^-/, ''));
  if (!invoked.startsWith('busybox')) return runApplet(p, p.argv);
  const args = p.argv.slice(1);
  if (args.length === 0) {
    await p.stdout.write(banner(p));
    return 0;
  }
  if (args[0] === '--list' || args[0] === '--list-full') {
    const where = (n: string) => (args[0] === '--list-full' ? (IN_BIN.has(n) ? 'bin/' : 'usr/bin/') : '');
    await p.stdout.write(APPLET_NAMES.map((n) => where(n) + n + '\n').join(''));
    return 0;
  }
  if (args[0] === '--help') {
    if (args.length === 1) {
      await p.stdout.write(banner(p));
      return 0;
    }
    return runApplet(p, [args[1]!, '--help']);
  }
  return runApplet(p, args);
};
