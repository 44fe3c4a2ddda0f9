import type { Program } from '../../process.ts';
import { readOsRelease } from '../shared/os-release.ts';
import { archiveFor } from './archive.ts';
import { clean, install, remove, update, upgrade } from './commands.ts';
import { readStatus } from './dpkg-db.ts';
import { AptSession, type AptOptions } from './session.ts';

/**
 * `apt-get` and `apt` (Debian 12's apt 2.6, Ubuntu 24.04's apt 2.7). Off a terminal apt behaves as with -q: no
 * progress, "Reading package lists..." without "Done", and no questions answered unless -y. `apt` says in addition
 * that its interface is not stable for scripts, which is why Dockerfiles use apt-get.
 */

const IGNORED_LONG = new Set([
  'no-install-suggests', 'install-suggests', 'fix-broken', 'fix-missing', 'ignore-missing', 'no-download', 'reinstall',
  'allow-unauthenticated', 'allow-downgrades', 'allow-remove-essential', 'allow-change-held-packages', 'no-upgrade',
  'only-upgrade', 'verbose-versions', 'show-progress', 'no-show-upgraded', 'show-upgraded', 'force-yes', 'no-list-cleanup',
]);
const IGNORED_SHORT = new Set(['f', 'm', 'V', 'u']);

interface Parsed {
  readonly options: Omit<AptOptions, 'flavor' | 'commandLine'>;
  readonly command: string | undefined;
  readonly args: string[];
  readonly help: boolean;
  readonly version: boolean;
}

function parse(argv: readonly string[], tty: boolean): Parsed | { error: string } {
  let yes = false;
  // apt sets quiet=1 itself off a terminal, unless -q says otherwise.
  let quiet: number | undefined;
  let recommends: boolean | undefined;
  let purge = false;
  let autoRemove = false;
  let help = false;
  let version = false;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (name === 'yes' || name === 'assume-yes') yes = true;
      else if (name === 'quiet') quiet = value !== undefined ? Number(value) : (quiet ?? 0) + 1;
      else if (name === 'no-install-recommends') recommends = false;
      else if (name === 'install-recommends') recommends = true;
      else if (name === 'purge') purge = true;
      else if (name === 'autoremove' || name === 'auto-remove') autoRemove = true;
      else if (name === 'option') i += value === undefined ? 1 : 0;
      else if (name === 'help') help = true;
      else if (name === 'version') version = true;
      else if (!IGNORED_LONG.has(name)) return { error: `E: Command line option --${name} is not understood in combination with the other options\n` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (a.startsWith('-q=')) {
        quiet = Number(a.slice(3));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'y') yes = true;
        else if (c === 'q') quiet = (quiet ?? 0) + 1;
        else if (c === 'h') help = true;
        else if (c === 'v') version = true;
        else if (c === 'o') {
          if (j === a.length - 1) i++;
          break;
        } else if (!IGNORED_SHORT.has(c)) return { error: `E: Command line option '${c}' [from ${a}] is not understood in combination with the other options.\n` };
      }
      continue;
    }
    words.push(a);
  }
  const [command, ...args] = words;
  return { options: { yes, quiet: quiet ?? (tty ? 0 : 1), recommends, purge, autoRemove }, command, args, help, version };
}

const LOCKS: Record<string, string> = {
  update: 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n',
  clean: 'E: Could not open lock file /var/cache/apt/archives/lock - open (13: Permission denied)\nE: Unable to lock directory /var/cache/apt/archives/\n',
  dpkg: 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
};

const COMMANDS = ['update', 'install', 'remove', 'purge', 'autoremove', 'auto-remove', 'clean', 'autoclean', 'auto-clean', 'upgrade', 'dist-upgrade', 'full-upgrade'];

export function aptProgram(flavor: 'apt-get' | 'apt'): Program {
  return async (p) => {
    const tty = p.stdout.tty !== undefined;
    const parsed = parse(p.argv.slice(1), tty);
    if ('error' in parsed) {
      await p.stderr.write(parsed.error);
      return 100;
    }
    const aptVersion = readStatus(p.fs).find((i) => i.name === 'apt')?.version ?? '2.6.1';
    if (parsed.version) {
      await p.stdout.write(`apt ${aptVersion} (amd64)\n`);
      return 0;
    }
    if (parsed.help || parsed.command === undefined) {
      await p.stdout.write(usage(flavor, aptVersion));
      return parsed.help ? 0 : 1;
    }
    if (flavor === 'apt' && !tty) await p.stderr.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    const command = parsed.command;
    if (!COMMANDS.includes(command) || (flavor === 'apt-get' && command === 'full-upgrade')) {
      await p.stderr.write(`E: Invalid operation ${command}\n`);
      return 100;
    }
    if (p.uid !== 0) {
      await p.stderr.write(command === 'update' ? LOCKS.update! : command === 'clean' || command === 'autoclean' || command === 'auto-clean' ? LOCKS.clean! : LOCKS.dpkg!);
      return 100;
    }
    const archive = archiveFor(readOsRelease(p.fs));
    if (!archive) {
      await p.stderr.write('E: The list of sources could not be read.\n');
      return 100;
    }
    const s = new AptSession(p, { ...parsed.options, flavor, commandLine: [flavor, ...p.argv.slice(1)].join(' ') });
    switch (command) {
      case 'update':
        return update(s, archive);
      case 'install':
        return install(s, archive, parsed.args);
      case 'remove':
        return remove(s, archive, parsed.args, parsed.options.purge, false);
      case 'purge':
        return remove(s, archive, parsed.args, true, false);
      case 'autoremove':
      case 'auto-remove':
        return remove(s, archive, parsed.args, parsed.options.purge, true);
      case 'clean':
        return clean(s, false);
      case 'autoclean':
      case 'auto-clean':
        return clean(s, true);
      default:
        return upgrade(s);
    }
  };
}

function usage(flavor: string, version: string): string {
  return `apt ${version} (amd64)
Usage: ${flavor} [options] command
       ${flavor} [options] install|remove pkg1 [pkg2 ...]

${flavor} is a command line interface for retrieval of packages
and information about them from authenticated sources and
for installation, upgrade and removal of packages together
with their dependencies.

Most used commands:
  update - Retrieve new lists of packages
  upgrade - Perform an upgrade
  install - Install new packages (pkg is libc6 not libc6.deb)
  remove - Remove packages
  purge - Remove packages and config files
  autoremove - Remove automatically all unused packages
  clean - Erase downloaded archive files
  autoclean - Erase old downloaded archive files

See ${flavor}(8) for more information about the available commands.
Configuration options and syntax is detailed in apt.conf(5).
Information about how to configure sources can be found in sources.list(5).
Package and version choices can be expressed via apt_preferences(5).
Security details are available in apt-secure(8).
                                        This APT has Super Cow Powers.
`;
}
