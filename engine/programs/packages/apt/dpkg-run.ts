import { syntheticContent } from '../../../fs/content.ts';
import { listDir, pruneEmptyDirs, removeIfPresent, writeWithParents } from '../shared/fs-helpers.ts';
import { writePackageFiles } from '../shared/layout.ts';
import { dpkgName, type DebPackage } from './archive.ts';
import { INFO, listFile, ownedFiles, readStatus, statusEntry, writeStatus, type Installed } from './dpkg-db.ts';
import { debFiles } from './files.ts';
import type { AptSession } from './session.ts';

/**
 * dpkg as apt drives it: unpack every fetched archive, then configure each package, printing what dpkg prints off
 * a terminal, recording the files in /var/lib/dpkg, and running the triggers the packages touch.
 */

export const ARCHIVES = '/var/cache/apt/archives';

/** `libcurl4_7.88.1-10+deb12u12_amd64.deb`; an epoch's colon is escaped as apt does (`1%3a2.39.5`). */
export function debFileName(p: DebPackage): string {
  return `${p.name}_${p.version.replace(/:/g, '%3a')}_${p.arch}.deb`;
}

export function writeArchive(s: AptSession, p: DebPackage): void {
  writeWithParents(s.fs, `${ARCHIVES}/${debFileName(p)}`, syntheticContent(`deb-archive:${p.name}=${p.version}`, p.debBytes));
}

/** What dpkg counts in "(Reading database ... N files and directories currently installed.)". */
export function databaseSize(s: AptSession, installed: readonly Installed[]): number {
  // Packages whose file list dpkg never saw (the catalog's abridged base) count as an average Debian package.
  return installed.reduce((n, i) => n + (ownedFiles(s.fs, i.name).length || 69), 0);
}

export async function unpackAndConfigure(s: AptSession, packages: readonly DebPackage[], libcVersion: string | undefined): Promise<void> {
  let installed = readStatus(s.fs);
  const width = String(packages.length - 1).length;
  const dpkgLog: string[] = [];
  for (const [i, p] of packages.entries()) {
    await s.out(`Selecting previously unselected package ${dpkgName(p)}.\n`);
    if (i === 0) await s.out(`(Reading database ... ${databaseSize(s, installed)} files and directories currently installed.)\n`);
    const prefix = packages.length > 1 ? `${String(i).padStart(width, '0')}-` : '';
    await s.out(`Preparing to unpack .../${prefix}${debFileName(p)} ...\n`);
    await s.out(`Unpacking ${dpkgName(p)} (${p.version}) ...\n`);
    const paths = writePackageFiles(s.fs, debFiles(p));
    writeWithParents(s.fs, listFile(p, dpkgName(p) !== p.name), paths.join('\n') + '\n');
    dpkgLog.push(`${s.stamp('%Y-%m-%d %H:%M:%S')} install ${dpkgName(p)} <none> ${p.version}`);
    await s.wait(12 + (p.installedKiB * 1024) / 150e6 * 1000);
  }
  for (const p of packages) {
    await s.out(`Setting up ${dpkgName(p)} (${p.version}) ...\n`);
    installed = [...installed.filter((i) => i.name !== p.name), statusEntry(p)];
    writeStatus(s.fs, installed);
    dpkgLog.push(`${s.stamp('%Y-%m-%d %H:%M:%S')} status installed ${dpkgName(p)} ${p.version}`);
    await s.out(configureOutput(s, p));
    await s.wait(8);
  }
  if (libcVersion && packages.some((p) => p.name.startsWith('lib'))) await s.out(`Processing triggers for libc-bin (${libcVersion}) ...\n`);
  const certs = packages.find((p) => p.name === 'ca-certificates');
  if (certs) {
    await s.out(`Processing triggers for ca-certificates (${certs.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`);
  }
  s.appendLog('/var/log/dpkg.log', dpkgLog.map((l) => l + '\n').join(''));
}

/** What a package's maintainer script says while it is configured. */
function configureOutput(s: AptSession, p: DebPackage): string {
  if (p.name === 'ca-certificates') return 'Updating certificates in /etc/ssl/certs...\n' + `${p.version.startsWith('2024') ? 146 : 142} added, 0 removed; done.\n`;
  if (p.name === 'tzdata') {
    const now = s.stamp('%a %b %e %H:%M:%S UTC %Y');
    return `\nCurrent default time zone: 'Etc/UTC'\nLocal time is now:      ${now}.\nUniversal Time is now:  ${now}.\nRun 'dpkg-reconfigure tzdata' if you wish to change it.\n\n`;
  }
  if (p.name === 'locales') return 'Generating locales (this might take a while)...\nGeneration complete.\n';
  return '';
}

/**
 * dpkg --remove/--purge: the package's files go, its record goes, and so do directories it leaves empty. Purging
 * also names the packages that had configuration files (files under /etc).
 */
export async function removePackages(s: AptSession, names: readonly string[], purge: boolean, libcVersion: string | undefined): Promise<void> {
  let installed = readStatus(s.fs);
  await s.out(`(Reading database ... ${databaseSize(s, installed)} files and directories currently installed.)\n`);
  const keep = new Set(['/', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/share', '/usr/share/doc', '/etc', '/var', '/usr/lib/x86_64-linux-gnu']);
  const configured: string[] = [];
  for (const name of names) {
    const entry = installed.find((i) => i.name === name);
    if (!entry) continue;
    const shown = entry.paragraph.fields.get('Multi-Arch') === 'same' ? `${name}:amd64` : name;
    await s.out(`Removing ${shown} (${entry.version}) ...\n`);
    const files = ownedFiles(s.fs, name);
    if (files.some((f) => f.startsWith('/etc/'))) configured.push(`${shown} (${entry.version})`);
    for (const path of files) {
      removeIfPresent(s.fs, path);
      pruneEmptyDirs(s.fs, path.slice(0, path.lastIndexOf('/')) || '/', keep);
    }
    for (const f of listDir(s.fs, INFO)) if (f.startsWith(`${name}.`) || f.startsWith(`${name}:`)) removeIfPresent(s.fs, `${INFO}/${f}`);
    installed = installed.filter((i) => i.name !== name);
    writeStatus(s.fs, installed);
    await s.wait(10);
  }
  if (purge) for (const c of configured) await s.out(`Purging configuration files for ${c} ...\n`);
  if (libcVersion && names.some((n) => n.startsWith('lib'))) await s.out(`Processing triggers for libc-bin (${libcVersion}) ...\n`);
}
