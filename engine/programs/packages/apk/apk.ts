import { syntheticContent } from '../../../fs/content.ts';
import { digestBytes } from '../../../fs/digest.ts';
import { strftime } from '../../coreutils/time.ts';
import type { Process, Program } from '../../process.ts';
import { pruneEmptyDirs, readTextOr, removeIfPresent, writeWithParents } from '../shared/fs-helpers.ts';
import { packageFiles, writePackageFiles } from '../shared/layout.ts';
import { installedBlock, readInstalled, readWorld, writeInstalled, writeWorld, type InstalledApk } from './db.ts';
import { apkIndex, type ApkPackage } from './index.ts';

/**
 * apk-tools 2.14 (Alpine 3.20-3.22): add, del, update, info. apk keeps repository indexes in /var/cache/apk and, when
 * it opens its database for writing, refreshes any index missing or older than four hours, printing a `fetch` line.
 * So `apk add curl` works without `apk update`, but leaves the APKINDEX files behind; `--no-cache` fetches them into
 * memory only. Package files themselves are cached only when /etc/apk/cache is set up, which images do not do.
 */

const CACHE_DIR = '/var/cache/apk';
const CACHE_MAX_AGE_S = 4 * 60 * 60;

interface Options {
  noCache: boolean;
  updateCache: boolean;
  quiet: boolean;
  virtual?: string;
  words: string[];
}

function parse(argv: readonly string[]): Options | { error: string } {
  const o: Options = { noCache: false, updateCache: false, quiet: false, words: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-cache') o.noCache = true;
    else if (a === '-U' || a === '--update-cache') o.updateCache = true;
    else if (a === '-q' || a === '--quiet') o.quiet = true;
    else if (a === '-t' || a === '--virtual') o.virtual = argv[++i];
    else if (a.startsWith('--virtual=')) o.virtual = a.slice('--virtual='.length);
    else if (a === '-X' || a === '--repository' || a === '--root' || a === '-p' || a === '--keys-dir') i++;
    else if (a.startsWith('-') && a !== '-') {
      if (!/^(-[uvlrei]+|--(upgrade|latest|no-progress|progress|allow-untrusted|force-[a-z-]+|verbose|no-network|rdepends|installed|purge|no-scripts|interactive|update)(=.*)?)$/.test(a)) return { error: `apk: unrecognized option: ${a.replace(/^-+/, '')}\n` };
    } else o.words.push(a);
  }
  return o;
}

function repositories(p: Process): string[] {
  return readTextOr(p.fs, '/etc/apk/repositories', '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('@'));
}

/** The cache file apk keeps for a repository: APKINDEX.<first 8 hex of a hash of its URL>.tar.gz. */
function cacheFile(repo: string): string {
  return `${CACHE_DIR}/APKINDEX.${digestBytes(new TextEncoder().encode(repo)).slice('sha256:'.length, 'sha256:'.length + 8)}.tar.gz`;
}

function indexBytes(repo: string): number {
  return repo.endsWith('/main') ? 549_000 : repo.endsWith('/community') ? 1_183_000 : 300_000;
}

/** Fetches the indexes apk needs, as apk_db_add_repository does for a database opened for writing. */
async function loadIndexes(p: Process, o: Options, forceRefresh: boolean): Promise<void> {
  const now = p.clock.nowSeconds();
  for (const repo of repositories(p)) {
    const url = `${repo}/x86_64/APKINDEX.tar.gz`;
    if (o.noCache) {
      await fetchLine(p, o, url);
      continue;
    }
    const file = cacheFile(repo);
    if (isFresh(p, file, now) && !forceRefresh && !o.updateCache) continue;
    await fetchLine(p, o, url);
    writeWithParents(p.fs, file, syntheticContent(`apkindex:${repo}:${now}`, indexBytes(repo)));
  }
}

function isFresh(p: Process, file: string, now: number): boolean {
  try {
    return now - p.fs.stat(file).mtime <= CACHE_MAX_AGE_S;
  } catch {
    return false;
  }
}

async function fetchLine(p: Process, o: Options, url: string): Promise<void> {
  await p.clock.sleep(180, p.signal);
  if (!o.quiet) await p.stdout.write(`fetch ${url}\n`);
}

function okLine(installed: readonly InstalledApk[]): string {
  const bytes = installed.reduce((n, i) => n + i.installedBytes, 0);
  return `OK: ${Math.floor(bytes / (1024 * 1024))} MiB in ${installed.length} packages\n`;
}

function busyboxTrigger(installed: readonly InstalledApk[]): string | undefined {
  const bb = installed.find((i) => i.name === 'busybox');
  return bb ? `Executing busybox-${bb.version}.trigger\n` : undefined;
}

/** Whether a package puts files where busybox's trigger watches (it refreshes its applet links there). */
function touchesBinDirs(files: readonly string[]): boolean {
  return files.some((f) => /^\/(usr\/)?s?bin\//.test(f));
}

async function add(p: Process, o: Options): Promise<number> {
  await loadIndexes(p, o, false);
  const index = apkIndex();
  let installed = readInstalled(p.fs);
  const have = new Set(installed.map((i) => i.name));
  const names = o.words.map((w) => w.split(/[=<>~]/)[0]!);
  const missing = names.filter((n) => !index.has(n) && !have.has(n));
  if (missing.length > 0) {
    const requiredBy = (n: string) => (o.virtual ? `${o.virtual}-${virtualVersion(p)}[${n}]` : `world[${n}]`);
    await p.stderr.write('ERROR: unable to select packages:\n' + missing.map((n) => `  ${n} (no such package):\n    required by: ${requiredBy(n)}\n`).join(''));
    return 1;
  }
  const order: ApkPackage[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || have.has(name)) return;
    const pkg = index.get(name);
    if (!pkg) return;
    seen.add(name);
    for (const d of pkg.depends) visit(d);
    order.push(pkg);
  };
  for (const n of names) visit(n);
  const virtual = o.virtual ? { name: o.virtual, version: virtualVersion(p) } : undefined;
  const total = order.length + (virtual && !have.has(virtual.name) ? 1 : 0);
  let step = 0;
  let bins = false;
  for (const pkg of order) {
    if (!o.quiet) await p.stdout.write(`(${++step}/${total}) Installing ${pkg.name} (${pkg.version})\n`);
    await p.clock.sleep(20 + pkg.sizeBytes / 25_000 + pkg.installedBytes / 200_000, p.signal);
    const files = writePackageFiles(p.fs, apkFiles(pkg));
    bins ||= touchesBinDirs(files);
    installed = [...installed, installedBlock({ ...pkg, description: pkg.name }, files)];
    writeInstalled(p.fs, installed);
    if (pkg.postInstall && !o.quiet) await p.stdout.write(`  Executing ${pkg.name}-${pkg.version}.post-install\n`);
  }
  if (virtual && !have.has(virtual.name)) {
    if (!o.quiet) await p.stdout.write(`(${step + 1}/${total}) Installing ${virtual.name} (${virtual.version})\n`);
    installed = [...installed, installedBlock({ ...virtual, sizeBytes: 0, installedBytes: 0, depends: names, description: 'virtual meta package' }, [])];
    writeInstalled(p.fs, installed);
  }
  if (!o.quiet) {
    if (bins) await p.stdout.write(busyboxTrigger(installed) ?? '');
    for (const pkg of order) if (pkg.trigger) await p.stdout.write(`Executing ${pkg.name}-${pkg.version}.trigger\n`);
  }
  writeWorld(p.fs, [...readWorld(p.fs), ...(virtual ? [virtual.name] : o.words)]);
  if (!o.quiet) await p.stdout.write(okLine(installed));
  return 0;
}

/** A virtual package's version is the time it was made, in UTC (`20250714.090000`). */
function virtualVersion(p: Process): string {
  return strftime('%Y%m%d.%H%M%S', p.clock.now());
}

function apkFiles(pkg: ApkPackage) {
  const lib = /^(lib[a-z0-9+]+?)(\d*)$/.exec(pkg.name);
  const data = pkg.name === 'ca-certificates' ? ['/etc/ssl/certs/ca-certificates.crt'] : lib || pkg.name.endsWith('-libs') ? [`/usr/lib/${pkg.name.replace(/-libs$/, '')}.so.${pkg.version.split(/[._-]/)[0]}`] : [`/usr/share/${pkg.name}/${pkg.name}.data`];
  const texts = pkg.name === 'python3' ? [{ path: '/usr/lib/python3.12/EXTERNALLY-MANAGED', text: ALPINE_EXTERNALLY_MANAGED }] : pkg.name === 'py3-pip' ? pipScripts() : [];
  return packageFiles({ seed: `apk:${pkg.name}=${pkg.version}`, installedBytes: pkg.installedBytes, programs: pkg.programs, links: pkg.links, texts, data });
}

function pipScripts() {
  const script = '#!/usr/bin/python3\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom pip._internal.cli.main import main\nif __name__ == "__main__":\n    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])\n    sys.exit(main())\n';
  return ['/usr/bin/pip', '/usr/bin/pip3', '/usr/bin/pip3.12'].map((path) => ({ path, text: script, mode: 0o755 }));
}

/** Alpine's PEP 668 marker (its wording, abridged): the system Python belongs to apk. */
const ALPINE_EXTERNALLY_MANAGED = `[externally-managed]
Error:
 The system-wide python installation should be maintained using the system
 package manager (apk) only.
 
 If the package in question is not packaged already (and hence installable via
 "apk add py3-somepackage"), please consider installing it inside a virtual
 environment, e.g.:
 
 python3 -m venv /path/to/venv
 . /path/to/venv/bin/activate
 pip install mypackage
 
 To exit the virtual environment, run:
 
 deactivate
`;

async function del(p: Process, o: Options): Promise<number> {
  const index = apkIndex();
  let installed = readInstalled(p.fs);
  const names = o.words;
  const unknown = names.filter((n) => !installed.some((i) => i.name === n) && !index.has(n));
  if (unknown.length > 0) {
    await p.stderr.write(unknown.map((n) => `ERROR: No such package: ${n}\n`).join(''));
    return unknown.length;
  }
  const world = readWorld(p.fs).filter((w) => !names.includes(w.split(/[=<>~]/)[0]!));
  // What the new world still needs; everything else that apk installed goes.
  const needed = new Set<string>();
  const need = (n: string): void => {
    if (needed.has(n)) return;
    needed.add(n);
    for (const d of installed.find((i) => i.name === n)?.depends ?? index.get(n)?.depends ?? []) need(d);
  };
  for (const w of world) need(w.split(/[=<>~]/)[0]!);
  const base = installed.filter((i) => !i.text.includes('\nI:'));
  for (const b of base) need(b.name);
  const purge = installed.filter((i) => !needed.has(i.name)).reverse();
  let bins = false;
  for (const [k, i] of purge.entries()) {
    if (!o.quiet) await p.stdout.write(`(${k + 1}/${purge.length}) Purging ${i.name} (${i.version})\n`);
    for (const f of i.files) {
      removeIfPresent(p.fs, f);
      pruneEmptyDirs(p.fs, f.slice(0, f.lastIndexOf('/')) || '/', KEEP);
    }
    bins ||= touchesBinDirs(i.files);
    installed = installed.filter((x) => x !== i);
    writeInstalled(p.fs, installed);
    await p.clock.sleep(10, p.signal);
  }
  writeWorld(p.fs, world);
  if (!o.quiet) {
    if (bins) await p.stdout.write(busyboxTrigger(installed) ?? '');
    await p.stdout.write(okLine(installed));
  }
  return 0;
}

const KEEP = new Set(['/', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/share', '/bin', '/sbin', '/lib', '/etc', '/var']);

async function update(p: Process, o: Options): Promise<number> {
  await loadIndexes(p, o, true);
  if (o.quiet) return 0;
  const describe: Record<string, string> = { main: 'v3.21.3-208-g2d6f2e0af54', community: 'v3.21.3-210-g8a0c36b3c9b' };
  for (const repo of repositories(p)) await p.stdout.write(`${describe[repo.slice(repo.lastIndexOf('/') + 1)] ?? 'v3.21.3'} [${repo}]\n`);
  await p.stdout.write('OK: 25394 distinct packages available\n');
  return 0;
}

async function info(p: Process, argv: readonly string[]): Promise<number> {
  const installed = readInstalled(p.fs);
  const onlyCheck = argv.includes('-e') || argv.includes('--installed');
  const names = argv.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    await p.stdout.write(installed.map((i) => i.name + '\n').join(''));
    return 0;
  }
  let status = 0;
  for (const n of names) {
    const i = installed.find((x) => x.name === n);
    const pkg = apkIndex().get(n);
    if (onlyCheck) {
      if (i) await p.stdout.write(n + '\n');
      else status = 1;
      continue;
    }
    const v = i?.version ?? pkg?.version;
    if (!v) continue;
    const size = i?.installedBytes ?? pkg!.installedBytes;
    await p.stdout.write(`${n}-${v} description:\n${i?.description || n}\n\n${n}-${v} webpage:\nhttps://pkgs.alpinelinux.org/package/v3.21/main/x86_64/${n}\n\n${n}-${v} installed size:\n${Math.round(size / 1024)} KiB\n\n`);
  }
  return status;
}

export const apk: Program = async (p) => {
  const parsed = parse(p.argv.slice(1));
  if ('error' in parsed) {
    await p.stderr.write(parsed.error);
    return 1;
  }
  const [command, ...words] = parsed.words;
  if (command === undefined || p.argv.includes('--help') || p.argv.includes('-h')) {
    await p.stdout.write('apk-tools 2.14.6, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n\nPackage installation and removal:\n  add        Add packages to WORLD and commit changes\n  del        Remove packages from WORLD and commit changes\n\nSystem maintenance:\n  update     Update repository indexes\n  info       Give detailed information about packages or repositories\n\nThis apk has coffee making abilities.\n');
    return command === undefined && !p.argv.includes('--help') ? 1 : 0;
  }
  if (command === '--version' || command === '-V') {
    await p.stdout.write('apk-tools 2.14.6, compiled for x86_64.\n');
    return 0;
  }
  const o = { ...parsed, words };
  const writes = command === 'add' || command === 'del' || command === 'update';
  if (writes && p.uid !== 0) {
    await p.stderr.write('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
    return 99;
  }
  switch (command) {
    case 'add':
      if (words.length === 0 && !o.virtual) return 0;
      return add(p, o);
    case 'del':
      return del(p, o);
    case 'update':
      return update(p, o);
    case 'info':
      return info(p, p.argv.slice(2));
    case 'cache':
      await p.stderr.write('ERROR: Package cache is not enabled.\n');
      return 1;
    default:
      await p.stderr.write(`apk: unknown command '${command}'\n`);
      return 1;
  }
};
