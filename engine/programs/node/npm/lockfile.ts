import { sha512 } from '@noble/hashes/sha2.js';
import type { Fs } from '../../../fs/types.ts';
import { packument } from '../registry/catalog.ts';
import type { PackageJson } from './package-json.ts';
import { fallbackManifest, sortTree, type Tree } from './tree.ts';

/**
 * package-lock.json, lockfileVersion 3 (npm 7+ without the v1 `dependencies` section), and the hidden lockfile
 * `node_modules/.package-lock.json` npm keeps of what it installed. Entries carry npm's fields in npm's order;
 * `integrity` is a SHA-512 of the package's identity, standing in for the tarball's (which we never build).
 */

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  license?: string;
  dependencies?: Record<string, string>;
  bin?: Record<string, string>;
  funding?: { url: string };
  name?: string;
  devDependencies?: Record<string, string>;
}

export interface Lockfile {
  name: string;
  version?: string;
  lockfileVersion: number;
  requires: boolean;
  packages: Record<string, LockEntry>;
}

export function tarballUrl(name: string, version: string): string {
  return `https://registry.npmjs.org/${name}/-/${name.slice(name.lastIndexOf('/') + 1)}-${version}.tgz`;
}

// Both lockfiles of every install ask again for the same packages' integrity: hash each name@version once.
const integrities = new Map<string, string>();

export function integrityOf(name: string, version: string): string {
  const key = `${name}@${version}`;
  let integrity = integrities.get(key);
  if (integrity === undefined) {
    integrity = `sha512-${base64(sha512(new TextEncoder().encode(key)))}`;
    integrities.set(key, integrity);
  }
  return integrity;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!);
  }
  return out;
}

function packageEntries(tree: Tree): Record<string, LockEntry> {
  const out: Record<string, LockEntry> = {};
  for (const [location, n] of sortTree(tree)) {
    const m = n.manifest;
    const e: LockEntry = { version: n.version, resolved: tarballUrl(n.name, n.version), integrity: integrityOf(n.name, n.version) };
    if (n.dev) e.dev = true;
    e.license = m.license;
    if (Object.keys(m.dependencies).length > 0) e.dependencies = { ...m.dependencies };
    if (Object.keys(m.bin).length > 0) e.bin = { ...m.bin };
    if (m.funding) e.funding = { url: `https://github.com/sponsors/${n.name.replace(/^@/, '').replace(/\/.*/, '')}` };
    out[location] = e;
  }
  return out;
}

/** package-lock.json for the project and its ideal tree. */
export function lockfileFor(name: string, pkg: PackageJson | undefined, tree: Tree): Lockfile {
  const root: LockEntry = { name };
  if (typeof pkg?.version === 'string') root.version = pkg.version;
  if (typeof pkg?.license === 'string') root.license = pkg.license;
  if (pkg?.dependencies && Object.keys(pkg.dependencies).length > 0) root.dependencies = { ...pkg.dependencies };
  if (pkg?.devDependencies && Object.keys(pkg.devDependencies).length > 0) root.devDependencies = { ...pkg.devDependencies };
  const packages = pkg ? { '': root, ...packageEntries(tree) } : packageEntries(tree);
  // Key order as npm writes it: name, version, lockfileVersion, requires, packages.
  return typeof pkg?.version === 'string' ? { name, version: pkg.version, lockfileVersion: 3, requires: true, packages } : { name, lockfileVersion: 3, requires: true, packages };
}

/** node_modules/.package-lock.json: the same entries without the project's own. */
export function hiddenLockfileFor(name: string, pkg: PackageJson | undefined, tree: Tree): Lockfile {
  const lock: Lockfile = { name, lockfileVersion: 3, requires: true, packages: packageEntries(tree) };
  if (typeof pkg?.version === 'string') return { name, version: pkg.version, lockfileVersion: 3, requires: true, packages: lock.packages };
  return lock;
}

export function lockText(lock: Lockfile): string {
  return JSON.stringify(lock, null, 2) + '\n';
}

/** Reads a lockfile (package-lock.json or npm-shrinkwrap.json), undefined when absent or unusable. */
export function readLockfile(fs: Fs, path: string): Lockfile | undefined {
  try {
    const lock = JSON.parse(fs.readText(path)) as Lockfile;
    return typeof lock === 'object' && lock !== null && typeof lock.lockfileVersion === 'number' && lock.lockfileVersion >= 1 ? lock : undefined;
  } catch {
    return undefined;
  }
}

/** The tree a lockfile describes (v2/v3 `packages`; a v1 lockfile has none and describes nothing we use). */
export function treeFromLockfile(lock: Lockfile): Tree {
  const tree: Tree = new Map();
  for (const [location, e] of Object.entries(lock.packages ?? {})) {
    if (location === '' || !location.includes('node_modules/') || !e.version) continue;
    const name = location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const p = packument(name);
    const manifest = p?.versions.includes(e.version) ? p.manifest(e.version) : fallbackManifest(name, e.version, e.dependencies ?? {}, e.bin ?? {}, e.license);
    tree.set(location, { location, name, version: e.version, manifest, dev: e.dev === true });
  }
  return sortTree(tree);
}
