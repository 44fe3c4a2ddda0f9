import { dpkgName, type Archive, type DebPackage } from './archive.ts';
import { readAptConfig, type AptConfig } from './config.ts';
import { readAutoInstalled, readStatus, writeAutoInstalled, type Installed } from './dpkg-db.ts';
import { ARCHIVES, removePackages, unpackAndConfigure, writeArchive } from './dpkg-run.ts';
import { fetchedLine, showList, sizeToStr } from './format.ts';
import { autoRemovable, planInstall, planRemove } from './resolve.ts';
import type { AptSession } from './session.ts';
import { ensureListsDir, haveLists, listPath, writeBinaryCaches, writeIndex } from './update.ts';
import { listDir, removeIfPresent } from '../shared/fs-helpers.ts';

/** apt-get's commands over one archive. Each returns apt's exit status: 0, 1 (declined) or 100 (error). */

const DOWNLOAD_BYTES_PER_MS = 25_000;

export async function update(s: AptSession, archive: Archive): Promise<number> {
  const config = readAptConfig(s.fs);
  ensureListsDir(s.fs);
  let fetched = 0;
  let ms = 0;
  let n = 0;
  // A suite whose InRelease is already here is unchanged on the simulated archive: apt says Hit and fetches nothing.
  const unchanged = new Set(archive.indexes.filter((i) => !i.packages && s.fs.exists(listPath(i, config))).map((i) => i.label.split(' ')[0]!));
  for (const index of archive.indexes) {
    const suite = index.label.split(/[ /]/)[0]!;
    if (unchanged.has(suite)) {
      if (!index.packages) await s.info(`Hit:${++n} ${index.uri} ${index.label}\n`);
      continue;
    }
    const took = 40 + index.bytes / (DOWNLOAD_BYTES_PER_MS / 2);
    await s.wait(took);
    ms += took;
    fetched += index.bytes;
    writeIndex(s.fs, index, config, `${archive.distro}:${archive.codename}`);
    await s.info(`Get:${++n} ${index.uri} ${index.label} [${sizeToStr(index.bytes)}B]\n`);
  }
  if (fetched > 0) await s.info(fetchedLine(fetched, ms));
  await s.readingState(true, s.o.flavor === 'apt');
  if (s.o.flavor === 'apt') await s.info('All packages are up to date.\n');
  afterRun(s, config, true);
  return 0;
}

/** apt's post-run housekeeping: the binary caches, then docker-clean's hook deleting fetched archives. */
function afterRun(s: AptSession, config: AptConfig, lists: boolean): void {
  if (config.binaryCaches) writeBinaryCaches(s.fs, lists, 'apt');
  if (config.cleanArchives) {
    for (const f of listDir(s.fs, ARCHIVES)) if (f.endsWith('.deb')) removeIfPresent(s.fs, `${ARCHIVES}/${f}`);
    removeIfPresent(s.fs, '/var/cache/apt/pkgcache.bin');
    removeIfPresent(s.fs, '/var/cache/apt/srcpkgcache.bin');
  }
}

interface Request {
  readonly name: string;
  readonly version?: string;
}

function parseRequest(arg: string): Request {
  const eq = arg.indexOf('=');
  return eq > 0 ? { name: arg.slice(0, eq), version: arg.slice(eq + 1) } : { name: arg };
}

function libcVersion(installed: readonly Installed[]): string | undefined {
  return (installed.find((i) => i.name === 'libc-bin') ?? installed.find((i) => i.name === 'libc6'))?.version;
}

/** The yes/no question apt asks before changing more than was asked for; off a terminal with no input, "Abort.". */
async function confirm(s: AptSession): Promise<boolean> {
  if (s.o.yes || s.o.quiet >= 2) return true;
  await s.out('Do you want to continue? [Y/n] ');
  const answer = await readAnswer(s);
  if (answer === null || !/^\s*(y|yes)?\s*$/i.test(answer)) {
    await s.out('Abort.\n');
    return false;
  }
  return true;
}

async function readAnswer(s: AptSession): Promise<string | null> {
  let text = '';
  for (let chunk = await s.p.stdin.read(); chunk; chunk = await s.p.stdin.read()) {
    text += new TextDecoder().decode(chunk);
    if (text.includes('\n')) return text.slice(0, text.indexOf('\n'));
  }
  return text === '' ? null : text;
}

export async function install(s: AptSession, archive: Archive, args: readonly string[]): Promise<number> {
  const config = readAptConfig(s.fs);
  const lists = haveLists(s.fs, archive);
  const installed = readStatus(s.fs);
  const installedNames = new Set(installed.map((i) => i.name));
  await s.readingState();
  const requested: DebPackage[] = [];
  const errors: string[] = [];
  const already: Installed[] = [];
  for (const arg of args) {
    const r = parseRequest(arg);
    const current = installed.find((i) => i.name === r.name);
    const candidate = lists ? archive.packages.get(r.name) : undefined;
    if (r.version !== undefined && (candidate?.version ?? current?.version) !== r.version) {
      errors.push(candidate || current ? `E: Version '${r.version}' for '${r.name}' was not found\n` : `E: Unable to locate package ${r.name}\n`);
    } else if (current) already.push(current);
    else if (candidate) requested.push(candidate);
    else errors.push(`E: Unable to locate package ${r.name}\n`);
  }
  if (errors.length > 0) {
    await s.err(errors.join(''));
    return 100;
  }
  const auto = readAutoInstalled(s.fs);
  for (const a of already) {
    await s.info(`${a.name} is already the newest version (${a.version}).\n`);
    if (auto.delete(a.name)) await s.info(`${a.name} set to manually installed.\n`);
  }
  const plan = planInstall(archive, installedNames, requested, s.o.recommends ?? config.installRecommends);
  const news = plan.install;
  const requestedNames = new Set(requested.map((p) => p.name));
  const extras = news.filter((p) => !requestedNames.has(p.name)).map((p) => p.name).sort();
  await s.info(showList('The following additional packages will be installed:', extras));
  await s.info(showList('Recommended packages:', plan.recommendedOnly));
  await s.info(showList('The following NEW packages will be installed:', news.map((p) => p.name).sort()));
  await s.info(`0 upgraded, ${news.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  if (news.length === 0) {
    writeAutoInstalled(s.fs, auto, (n) => archive.packages.get(n)?.arch ?? 'amd64');
    return 0;
  }
  const download = news.reduce((n, p) => n + p.debBytes, 0);
  const space = news.reduce((n, p) => n + p.installedKiB * 1024, 0);
  await s.info(`Need to get ${sizeToStr(download)}B of archives.\n`);
  await s.info(`After this operation, ${sizeToStr(space)}B of additional disk space will be used.\n`);
  if (extras.length > 0 && !(await confirm(s))) return 1;

  s.fs.mkdir(`${ARCHIVES}/partial`, { recursive: true, mode: 0o700 });
  if (!s.fs.exists(`${ARCHIVES}/lock`)) s.fs.writeFile(`${ARCHIVES}/lock`, '', { mode: 0o640 });
  let ms = 0;
  for (const [i, p] of news.entries()) {
    const took = 15 + p.debBytes / DOWNLOAD_BYTES_PER_MS;
    await s.wait(took);
    ms += took;
    writeArchive(s, p);
    await s.info(`Get:${i + 1} ${archive.mirror} ${p.suite} amd64 ${p.name} ${p.arch} ${p.version} [${sizeToStr(p.debBytes)}B]\n`);
  }
  if (news.some((p) => p.debconf)) await s.err('debconf: delaying package configuration, since apt-utils is not installed\n');
  await s.info(fetchedLine(download, ms));
  const start = s.stamp();
  await unpackAndConfigure(s, news, libcVersion(installed));
  for (const p of news) if (!requestedNames.has(p.name)) auto.add(p.name);
  writeAutoInstalled(s.fs, auto, (n) => archive.packages.get(n)?.arch ?? 'amd64');
  s.appendLog(
    '/var/log/apt/history.log',
    `\nStart-Date: ${start}\nCommandline: ${s.o.commandLine}\nInstall: ${news.map((p) => `${dpkgName(p).includes(':') ? dpkgName(p) : `${p.name}:${p.arch}`} (${p.version}${requestedNames.has(p.name) ? '' : ', automatic'})`).join(', ')}\nEnd-Date: ${s.stamp()}\n`,
  );
  afterRun(s, config, lists);
  return 0;
}

/** `remove`, `purge` and `autoremove` (with no names: only what is no longer needed). */
export async function remove(s: AptSession, archive: Archive, args: readonly string[], purge: boolean, autoremove: boolean): Promise<number> {
  const lists = haveLists(s.fs, archive);
  const installed = readStatus(s.fs);
  const names = installed.map((i) => i.name);
  await s.readingState();
  const asked: string[] = [];
  const errors: string[] = [];
  for (const arg of args) {
    const name = parseRequest(arg).name;
    if (names.includes(name)) asked.push(name);
    else if (lists && archive.packages.has(name)) await s.info(`Package '${name}' is not installed, so not removed\n`);
    else errors.push(`E: Unable to locate package ${name}\n`);
  }
  if (errors.length > 0) {
    await s.err(errors.join(''));
    return 100;
  }
  const depends = (n: string) => fieldList(installed.find((i) => i.name === n), 'Depends');
  const needs = (n: string) => [...depends(n), ...fieldList(installed.find((i) => i.name === n), 'Recommends')];
  const removing = planRemove(names, asked, depends);
  const auto = readAutoInstalled(s.fs);
  const left = names.filter((n) => !removing.includes(n));
  const orphans = autoRemovable(left, auto, needs);
  const all = autoremove || s.o.autoRemove ? [...removing, ...orphans] : removing;
  if (!autoremove && !s.o.autoRemove && orphans.length > 0) {
    await s.info(showList('The following packages were automatically installed and are no longer required:', orphans));
    await s.info(`Use '${s.o.flavor} autoremove' to remove ${orphans.length === 1 ? 'it' : 'them'}.\n`);
  }
  await s.info(showList('The following packages will be REMOVED:', [...all].sort().map((n) => (purge ? `${n}*` : n))));
  await s.info(`0 upgraded, 0 newly installed, ${all.length} to remove and 0 not upgraded.\n`);
  if (all.length === 0) return 0;
  const freed = all.reduce((n, name) => n + Number(installed.find((i) => i.name === name)?.paragraph.fields.get('Installed-Size') ?? 0) * 1024, 0);
  await s.info(`After this operation, ${sizeToStr(freed)}B disk space will be freed.\n`);
  if (!(await confirm(s))) return 1;
  await removePackages(s, all, purge, libcVersion(installed));
  for (const n of all) auto.delete(n);
  writeAutoInstalled(s.fs, auto, (n) => archive.packages.get(n)?.arch ?? 'amd64');
  return 0;
}

function fieldList(i: Installed | undefined, field: string): string[] {
  const v = i?.paragraph.fields.get(field);
  return v ? v.split(',').map((d) => d.trim().split(/[\s(|]/)[0]!).filter(Boolean) : [];
}

export async function upgrade(s: AptSession): Promise<number> {
  await s.readingState();
  await s.info('Calculating upgrade...' + (s.o.quiet === 0 ? ' Done' : '') + '\n');
  await s.info('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
  return 0;
}

export async function clean(s: AptSession, onlyObsolete: boolean): Promise<number> {
  if (!onlyObsolete) {
    for (const f of listDir(s.fs, ARCHIVES)) if (f.endsWith('.deb')) removeIfPresent(s.fs, `${ARCHIVES}/${f}`);
    for (const f of listDir(s.fs, `${ARCHIVES}/partial`)) removeIfPresent(s.fs, `${ARCHIVES}/partial/${f}`);
    removeIfPresent(s.fs, '/var/cache/apt/pkgcache.bin');
    removeIfPresent(s.fs, '/var/cache/apt/srcpkgcache.bin');
  } else {
    await s.readingState();
  }
  return 0;
}
