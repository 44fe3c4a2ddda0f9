// AptListsNotCleaned and ApkCache: system package managers leave their package index in the layer unless the same
// RUN removes it (a later RUN cannot shrink an earlier layer), and a lone `apt-get update` goes stale in the cache.
import type { RunCommand } from '../../instructions/index.ts';
import { spanOf, type LintModel } from '../model.ts';
import type { Advise } from './rules.ts';
import { positionals, runArgvs, type Argv } from './run-commands.ts';

const APT = new Set(['apt-get', 'apt']);
/** apt subcommands that download and install with the package lists. */
const APT_INSTALLS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep']);

/** A cache mount over the directory keeps it out of the layer altogether. */
function cacheMounted(run: RunCommand, dir: string): boolean {
  return run.mounts.some((m) => {
    const fields = m.split(',');
    if (!fields.some((f) => f === 'type=cache')) return false;
    return fields.some((f) => {
      if (!/^(?:target|dst|destination)=/.test(f)) return false;
      const target = f.slice(f.indexOf('=') + 1).replace(/\/+$/, '');
      return dir === target || dir.startsWith(target + '/');
    });
  });
}

/** `rm -rf /var/lib/apt/lists/*` or anything removing the directory or its content. */
function removes(argvs: readonly Argv[], dir: string): boolean {
  return argvs.some(([program, ...args]) => program === 'rm' && positionals(args).some((p) => p.replace(/\/?\*?$/, '') === dir));
}

function aptSubcommand(argv: Argv): string | undefined {
  return APT.has(argv[0]!) ? positionals(argv.slice(1))[0] : undefined;
}

/** What `apk add` installs, with the options worth keeping (`--update` is what --no-cache replaces). */
function apkPackages(argv: Argv): string[] {
  const args = argv.slice(1);
  return args.slice(args.indexOf('add') + 1).filter((a) => a !== '--update' && a !== '-U' && a !== '--update-cache');
}

export function checkPackageCaches(model: LintModel, advise: Advise): void {
  for (const stage of model.stages) {
    for (const c of stage.commands) {
      if (c.command.kind !== 'run') continue;
      const run = c.command;
      const argvs = runArgvs(run);
      const aptSubs = argvs.map(aptSubcommand);
      const update = argvs.find((_, i) => aptSubs[i] === 'update');
      const installs = aptSubs.some((s) => s !== undefined && APT_INSTALLS.has(s));
      const apt = update?.[0] ?? 'apt-get';
      if (update !== undefined && !installs) {
        advise(
          'AptListsNotCleaned',
          {
            message: `\`${apt} update\` alone in its RUN: later installs can use stale package lists from the cache`,
            explanation:
              'This RUN never changes, so Docker keeps reusing its cached layer and the package lists in it grow ' +
              'old. A later RUN that installs packages then asks for versions the mirrors no longer have, or quietly ' +
              'gets outdated ones. The lists also stay in this layer, adding tens of megabytes to the image.',
            fix: `Update, install and clean up in one RUN:\nRUN ${apt} update && ${apt} install -y --no-install-recommends <packages> \\\n    && rm -rf /var/lib/apt/lists/*`,
          },
          spanOf(c.node),
        );
      } else if (update !== undefined && !removes(argvs, '/var/lib/apt/lists') && !cacheMounted(run, '/var/lib/apt/lists')) {
        advise(
          'AptListsNotCleaned',
          {
            message: `\`${apt} update\` leaves its package lists in this layer: remove /var/lib/apt/lists/* in the same RUN`,
            explanation:
              'apt downloads the package lists of every repository, tens of megabytes that nothing needs once the ' +
              'packages are installed. Removing them in a later RUN does not help: that layer only hides the files, ' +
              'this one still holds them and every pull downloads them.',
            fix: 'End the same RUN with the cleanup:\n    && rm -rf /var/lib/apt/lists/*',
          },
          spanOf(c.node),
        );
      }
      const apkAdd = argvs.find((argv) => argv[0] === 'apk' && positionals(argv.slice(1))[0] === 'add' && !argv.includes('--no-cache'));
      if (apkAdd !== undefined && !removes(argvs, '/var/cache/apk') && !cacheMounted(run, '/var/cache/apk')) {
        advise(
          'ApkCache',
          {
            message: '`apk add` without --no-cache keeps the package index in /var/cache/apk in this layer',
            explanation:
              'apk downloads the index of available packages and keeps it under /var/cache/apk, a few megabytes the ' +
              'image carries for nothing. With --no-cache it fetches a fresh index, installs, and keeps none of it, ' +
              'so no separate apk update is needed either.',
            fix: `RUN ${['apk', 'add', '--no-cache', ...apkPackages(apkAdd)].join(' ')}`,
          },
          spanOf(c.node),
        );
      }
    }
  }
}
