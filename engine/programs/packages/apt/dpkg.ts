import type { Program } from '../../process.ts';
import { ownedFiles, readStatus, type Installed } from './dpkg-db.ts';

/**
 * The read-only side of dpkg that Dockerfiles and lessons use: `dpkg -l` (dpkg-query's table, its columns as wide as
 * the widest entry when not on a terminal), `-s`, `-L` and `--print-architecture`. Installing .deb files by hand is
 * not simulated.
 */

function shown(i: Installed): string {
  return i.paragraph.fields.get('Multi-Arch') === 'same' ? `${i.name}:amd64` : i.name;
}

function matches(pattern: string, name: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(name);
}

function table(rows: readonly Installed[]): string {
  const synopsis = (i: Installed) => (i.paragraph.fields.get('Description') ?? '').split('\n')[0]!;
  const nw = Math.max(14, ...rows.map((r) => shown(r).length));
  const vw = Math.max(12, ...rows.map((r) => r.version.length));
  const aw = Math.max(12, ...rows.map((r) => (r.paragraph.fields.get('Architecture') ?? '').length));
  const dw = Math.max(33, ...rows.map((r) => synopsis(r).length));
  const line = (a: string, n: string, v: string, ar: string, d: string) => `${a} ${n.padEnd(nw)} ${v.padEnd(vw)} ${ar.padEnd(aw)} ${d}\n`;
  return (
    'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n' +
    line('||/', 'Name', 'Version', 'Architecture', 'Description') +
    `+++-${'='.repeat(nw)}-${'='.repeat(vw)}-${'='.repeat(aw)}-${'='.repeat(dw)}\n` +
    rows.map((r) => line('ii ', shown(r), r.version, r.paragraph.fields.get('Architecture') ?? '', synopsis(r))).join('')
  );
}

export const dpkg: Program = async (p) => {
  const args = p.argv.slice(1);
  const action = args[0];
  const operands = args.slice(1);
  const installed = readStatus(p.fs).sort((a, b) => (a.name < b.name ? -1 : 1));
  switch (action) {
    case '--print-architecture':
      await p.stdout.write('amd64\n');
      return 0;
    case '-l':
    case '--list': {
      if (operands.length === 0) {
        await p.stdout.write(table(installed));
        return 0;
      }
      const rows = installed.filter((i) => operands.some((o) => matches(o, i.name)));
      const missing = operands.filter((o) => !installed.some((i) => matches(o, i.name)));
      if (rows.length > 0) await p.stdout.write(table(rows));
      for (const m of missing) await p.stderr.write(`dpkg-query: no packages found matching ${m}\n`);
      return missing.length > 0 ? 1 : 0;
    }
    case '-s':
    case '--status':
    case '-L':
    case '--listfiles': {
      let status = 0;
      for (const [k, name] of operands.entries()) {
        const i = installed.find((x) => x.name === name.replace(/:amd64$/, ''));
        if (!i) {
          await p.stderr.write(`dpkg-query: package '${name}' is not installed${action.startsWith('-s') || action === '--status' ? ' and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.' : ''}\n`);
          status = 1;
          continue;
        }
        if (k > 0 && (action === '-s' || action === '--status')) await p.stdout.write('\n');
        if (action === '-s' || action === '--status') await p.stdout.write(i.paragraph.text);
        else await p.stdout.write(ownedFiles(p.fs, i.name).map((f) => f + '\n').join('') || '');
      }
      return status;
    }
    default:
      await p.stderr.write(action === undefined ? 'dpkg: error: need an action option\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse \'apt\' or \'aptitude\' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through \'less\' or \'more\' !\n' : `dpkg: error: Dockyard's dpkg only lists packages (-l, -s, -L, --print-architecture); it cannot do ${action}\n`);
      return 2;
  }
};
