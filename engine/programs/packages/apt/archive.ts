import type { OsRelease } from '../shared/os-release.ts';
import { BOOKWORM } from './data/bookworm.ts';
import { NOBLE } from './data/noble.ts';

/** A Debian or Ubuntu archive as apt sees it: where it downloads from and the packages it offers. */

export interface DebPackage {
  readonly name: string;
  readonly version: string;
  readonly arch: 'amd64' | 'all';
  /** Size of the .deb. */
  readonly debBytes: number;
  /** dpkg's Installed-Size (KiB). */
  readonly installedKiB: number;
  readonly depends: readonly string[];
  readonly recommends: readonly string[];
  readonly programs: readonly { readonly path: string; readonly program: string }[];
  readonly links: readonly { readonly path: string; readonly target: string }[];
  /** `bookworm/main`, `noble-updates/main`: where apt says it got the package. */
  readonly suite: string;
  /** Has debconf templates: apt then says it delays their configuration. */
  readonly debconf: boolean;
  readonly description: string;
}

/** One index file `apt-get update` fetches. */
export interface IndexFile {
  readonly uri: string;
  /** What the Get line names: `bookworm InRelease`, `bookworm/main amd64 Packages`. */
  readonly label: string;
  /** Bytes downloaded (xz-compressed Packages). */
  readonly bytes: number;
  /** Under /var/lib/apt/lists: the URI with `/` as `_`. */
  readonly file: string;
  /** A Packages index (stored compressed or not, depending on Acquire::GzipIndexes) rather than a Release file. */
  readonly packages: boolean;
}

export interface Archive {
  readonly distro: 'debian' | 'ubuntu';
  readonly codename: string;
  /** The mirror package downloads come from. */
  readonly mirror: string;
  readonly packages: ReadonlyMap<string, DebPackage>;
  readonly indexes: readonly IndexFile[];
}

const KB = 1000;

function parseTable(table: string, codename: string): Map<string, DebPackage> {
  const out = new Map<string, DebPackage>();
  for (const raw of table.split('\n')) {
    const [body, comment] = raw.split(' # ') as [string, string | undefined];
    const words = body.trim().split(/\s+/);
    if (words.length < 4 || words[0] === '') continue;
    const [name, version, deb, inst, ...rest] = words as [string, string, string, string, ...string[]];
    const kv = new Map<string, string>();
    const flags = new Set<string>();
    for (const w of rest) {
      const eq = w.indexOf('=');
      if (eq > 0) kv.set(w.slice(0, eq), w.slice(eq + 1));
      else flags.add(w);
    }
    const list = (k: string) => (kv.get(k) ? kv.get(k)!.split(',') : []);
    const programs = list('b').map((b) => {
      const [file, program] = b.split(':') as [string, string | undefined];
      const path = file.startsWith('sbin/') ? `/usr/${file}` : `/usr/bin/${file}`;
      return { path, program: program ?? file.slice(file.lastIndexOf('/') + 1) };
    });
    const links = list('l').map((l) => {
      const [from, to] = l.split('>') as [string, string];
      return { path: `/usr/bin/${from}`, target: to };
    });
    const pocket = kv.get('s');
    out.set(name, {
      name,
      version,
      arch: flags.has('a') ? 'all' : 'amd64',
      debBytes: Math.round(Number(deb) * KB),
      installedKiB: Number(inst),
      depends: list('d'),
      recommends: list('r'),
      programs,
      links,
      suite: `${pocket ? `${codename}-${pocket}` : codename}/main`,
      debconf: flags.has('c'),
      description: comment?.trim() ?? name,
    });
  }
  return out;
}

function debianIndexes(codename: string): IndexFile[] {
  const main = 'http://deb.debian.org/debian';
  const security = 'http://deb.debian.org/debian-security';
  return [
    release(main, codename, 151_000),
    release(main, `${codename}-updates`, 55_400),
    release(security, `${codename}-security`, 48_000),
    packagesIndex(main, codename, 'main', 8_793_000),
    packagesIndex(main, `${codename}-updates`, 'main', 756),
    packagesIndex(security, `${codename}-security`, 'main', 268_000),
  ];
}

function ubuntuIndexes(codename: string): IndexFile[] {
  const archive = 'http://archive.ubuntu.com/ubuntu';
  const security = 'http://security.ubuntu.com/ubuntu';
  return [
    release(security, `${codename}-security`, 126_000),
    release(archive, codename, 256_000),
    release(archive, `${codename}-updates`, 126_000),
    release(archive, `${codename}-backports`, 126_000),
    packagesIndex(security, `${codename}-security`, 'main', 1_187_000),
    packagesIndex(archive, codename, 'universe', 19_300_000),
    packagesIndex(security, `${codename}-security`, 'universe', 1_104_000),
    packagesIndex(security, `${codename}-security`, 'restricted', 1_660_000),
    packagesIndex(archive, codename, 'main', 1_808_000),
    packagesIndex(archive, codename, 'restricted', 117_000),
    packagesIndex(archive, codename, 'multiverse', 331_000),
    packagesIndex(archive, `${codename}-updates`, 'main', 1_524_000),
    packagesIndex(archive, `${codename}-updates`, 'universe', 1_431_000),
    packagesIndex(archive, `${codename}-updates`, 'restricted', 1_721_000),
    packagesIndex(archive, `${codename}-backports`, 'universe', 33_500),
  ];
}

function release(uri: string, suite: string, bytes: number): IndexFile {
  return { uri, label: `${suite} InRelease`, bytes, file: `${listName(uri)}_dists_${suite}_InRelease`, packages: false };
}

function packagesIndex(uri: string, suite: string, component: string, bytes: number): IndexFile {
  return { uri, label: `${suite}/${component} amd64 Packages`, bytes, file: `${listName(uri)}_dists_${suite}_${component}_binary-amd64_Packages`, packages: true };
}

/** apt names list files after the URI without its scheme, slashes turned into underscores. */
function listName(uri: string): string {
  return uri.replace(/^[a-z]+:\/\//, '').replace(/\/+$/, '').replace(/\//g, '_');
}

const cache = new Map<string, Archive>();

/**
 * The archive for the system apt runs on. Only bookworm and noble have package tables; jammy (and any other Ubuntu)
 * borrows noble's, so versions there are noble's (a known simplification). Other systems have no archive.
 */
export function archiveFor(os: OsRelease | undefined): Archive | undefined {
  if (!os || (os.id !== 'debian' && os.id !== 'ubuntu')) return undefined;
  const codename = os.codename || (os.id === 'debian' ? 'bookworm' : 'noble');
  const key = `${os.id}:${codename}`;
  let archive = cache.get(key);
  if (!archive) {
    archive =
      os.id === 'debian'
        ? { distro: 'debian', codename, mirror: 'http://deb.debian.org/debian', packages: parseTable(BOOKWORM, codename), indexes: debianIndexes(codename) }
        : { distro: 'ubuntu', codename, mirror: 'http://archive.ubuntu.com/ubuntu', packages: parseTable(NOBLE, codename), indexes: ubuntuIndexes(codename) };
    cache.set(key, archive);
  }
  return archive;
}

/** dpkg names library packages with their architecture (`libcurl4:amd64`): they are Multi-Arch: same. */
export function dpkgName(p: DebPackage): string {
  return p.name.startsWith('lib') && p.arch === 'amd64' ? `${p.name}:amd64` : p.name;
}

/** Every program name the package tables give a file, for the program registry. */
export function debProgramNames(): string[] {
  const names = new Set<string>();
  for (const os of [{ id: 'debian', versionId: '12', codename: 'bookworm' }, { id: 'ubuntu', versionId: '24.04', codename: 'noble' }]) {
    for (const p of archiveFor(os)!.packages.values()) for (const prog of p.programs) names.add(prog.program);
  }
  return [...names].sort();
}
