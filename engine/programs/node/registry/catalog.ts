import { CATALOG_LINES, DEPRECATED } from './catalog-data.ts';
import { compareVersions, maxSatisfying, parseRange } from './semver.ts';

/** One published version of a package, as the registry's packument describes it. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  /** Unpacked size in bytes. */
  readonly size: number;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly bin: Readonly<Record<string, string>>;
  readonly main: string;
  readonly license: string;
  readonly funding: boolean;
  /** Only type declarations (`@types/*`): no main script. */
  readonly typesOnly: boolean;
  readonly deprecated?: string;
}

export interface Packument {
  readonly name: string;
  /** Every known version, oldest first. */
  readonly versions: readonly string[];
  readonly latest: string;
  manifest(version: string): Manifest;
}

const packuments = new Map<string, Packument>();
let loaded = false;

function load(): void {
  if (loaded) return;
  loaded = true;
  const lines = new Map<string, { versions: string[]; data: Map<string, Omit<Manifest, 'version'>> }>();
  type Line = { versions: string[]; data: Map<string, Omit<Manifest, 'version'>> };
  for (const raw of CATALOG_LINES.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const [head, deps = ''] = line.split(' : ');
    const tokens = head!.split(/\s+/);
    const id = tokens.shift()!;
    const at = id.lastIndexOf('@');
    const name = id.slice(0, at);
    const version = id.slice(at + 1);
    let size = 0;
    let also: string[] = [];
    const m: { bin: Record<string, string>; main?: string; license: string; funding: boolean; typesOnly: boolean } = { bin: {}, license: 'MIT', funding: false, typesOnly: false };
    for (const t of tokens) {
      if (/^\d+$/.test(t)) size = Number(t) * 1000;
      else if (t === '$') m.funding = true;
      else if (t === 'types') m.typesOnly = true;
      else if (t.startsWith('~')) also = t.slice(1).split(',');
      else if (t.startsWith('L=')) m.license = t.slice(2);
      else if (t.startsWith('main=')) m.main = t.slice(5);
      else if (t.startsWith('bin=')) for (const pair of t.slice(4).split(',')) m.bin[pair.split(':')[0]!] = pair.split(':')[1]!;
    }
    const dependencies: Record<string, string> = {};
    for (const d of deps.split(/\s+/).filter(Boolean)) {
      const k = d.lastIndexOf('@');
      dependencies[d.slice(0, k)] = d.slice(k + 1);
    }
    const entry: Line = lines.get(name) ?? { versions: [], data: new Map() };
    const data = { name, size, dependencies, bin: m.bin, main: m.main ?? (m.typesOnly ? '' : 'index.js'), license: m.license, funding: m.funding, typesOnly: m.typesOnly };
    for (const v of [...also, version]) {
      entry.versions.push(v);
      entry.data.set(v, data);
    }
    lines.set(name, entry);
  }
  for (const [name, { versions, data }] of lines) {
    // The last line written for a package is its `latest` tag, even when an older line follows in version order.
    const latest = versions[versions.length - 1]!;
    const sorted = [...versions].sort(compareVersions);
    packuments.set(name, {
      name,
      versions: sorted,
      latest,
      manifest: (version) => {
        const d = data.get(version)!;
        const deprecated = DEPRECATED[`${name}@${version}`];
        return deprecated === undefined ? { ...d, version } : { ...d, version, deprecated };
      },
    });
  }
}

/** The registry's document for a package name, or undefined (a 404). */
export function packument(name: string): Packument | undefined {
  load();
  return packuments.get(name);
}

/** Every package name the registry knows. */
export function packageNames(): string[] {
  load();
  return [...packuments.keys()];
}

/** Whether `spec` is something npm can resolve against the registry (a range, a version or a dist-tag). */
export function isValidSpec(spec: string): boolean {
  return spec === 'latest' || spec === '' || parseRange(spec) !== undefined;
}

/**
 * The version `spec` picks: a dist-tag (`latest`), an exact version (even a prerelease, as engines-version uses),
 * or the highest version in a range, preferring `latest` when it satisfies the range, as npm-pick-manifest does.
 */
export function pickVersion(p: Packument, spec: string): string | undefined {
  if (spec === '' || spec === 'latest' || spec === '*') return p.latest;
  if (p.versions.includes(spec)) return spec;
  if (maxSatisfying([p.latest], spec)) return p.latest;
  return maxSatisfying(p.versions, spec);
}
