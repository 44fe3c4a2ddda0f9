import type { Fs } from '../../../fs/types.ts';
import { packument, pickVersion, type Manifest } from '../registry/catalog.ts';
import { satisfies } from '../registry/semver.ts';
import { NpmError } from './session.ts';

/**
 * Dependency trees as npm's arborist shapes them: packages placed as high in `node_modules` as they can go (hoisted),
 * a second version nested under the package that needs it, and each package marked `dev` when only
 * devDependencies lead to it. A tree is keyed by location (`node_modules/send/node_modules/ms`), as lockfiles are.
 */

export interface TreeNode {
  readonly location: string;
  readonly name: string;
  readonly version: string;
  readonly manifest: Manifest;
  dev: boolean;
}

export type Tree = Map<string, TreeNode>;

export interface RootEdge {
  readonly name: string;
  readonly spec: string;
  readonly dev: boolean;
}

/** `node_modules/a/node_modules/b` → ['', 'node_modules/a', 'node_modules/a/node_modules/b'] */
function levels(location: string): string[] {
  const out = [''];
  if (location === '') return out;
  const parts = location.split('/node_modules/');
  let acc = '';
  for (const part of parts) {
    acc = acc === '' ? part : `${acc}/node_modules/${part}`;
    out.push(acc);
  }
  return out;
}

function childLocation(level: string, name: string): string {
  return level === '' ? `node_modules/${name}` : `${level}/node_modules/${name}`;
}

/** The node a package at `from` gets for `name`: Node's module resolution, nearest node_modules first. */
export function lookup(tree: Tree, from: string, name: string): TreeNode | undefined {
  const ls = levels(from);
  for (let i = ls.length - 1; i >= 0; i--) {
    const node = tree.get(childLocation(ls[i]!, name));
    if (node) return node;
  }
  return undefined;
}

function fits(version: string, spec: string): boolean {
  return spec === '' || spec === '*' || spec === 'latest' || version === spec || satisfies(version, spec);
}

/** What npm fails with when a top-level package or version cannot be found. */
export function notFound(name: string, spec: string): NpmError {
  const url = `https://registry.npmjs.org/${name.replace('/', '%2f')}`;
  return new NpmError(
    ['code E404', `404 Not Found - GET ${url} - Not found`, '404', `404  '${name}@${spec || '*'}' is not in this registry.`, '404', '404 Note that you can also install from a', '404 tarball, folder, http url, or git url.'],
    1,
    'E404',
  );
}

export function noMatchingVersion(name: string, spec: string): NpmError {
  return new NpmError(
    ['code ETARGET', `notarget No matching version found for ${name}@${spec}.`, 'notarget In most cases you or one of your dependencies are requesting', "notarget a package version that doesn't exist."],
    1,
    'ETARGET',
  );
}

/**
 * Resolves the project's dependencies against the registry into a placed tree. `prefer` gives a version already
 * locked for a name (from package-lock.json), used whenever it still satisfies the range, as npm keeps locked
 * versions. Unknown top-level packages fail (E404, ETARGET); a transitive package the offline catalog lacks is
 * left out, since the catalog holds only part of the big trees.
 */
export function buildIdealTree(edges: readonly RootEdge[], prefer: (name: string, spec: string) => string | undefined = () => undefined): Tree {
  const tree: Tree = new Map();
  const queue: { from: string; name: string; spec: string }[] = [...edges].sort((a, b) => (a.name < b.name ? -1 : 1)).map((e) => ({ from: '', name: e.name, spec: e.spec }));
  for (let q = 0; q < queue.length; q++) {
    const { from, name, spec } = queue[q]!;
    const found = lookup(tree, from, name);
    if (found && fits(found.version, spec)) continue;
    const p = packument(name);
    if (!p) {
      if (from === '') throw notFound(name, spec);
      continue;
    }
    const locked = prefer(name, spec);
    const version = locked !== undefined && p.versions.includes(locked) && fits(locked, spec) ? locked : pickVersion(p, spec);
    if (version === undefined) {
      if (from === '') throw noMatchingVersion(name, spec);
      continue;
    }
    // Below the conflicting copy (if any), as high as nothing else of that name is in the way.
    const ls = levels(from);
    let start = 0;
    if (found) start = ls.findIndex((l) => tree.get(childLocation(l, name)) === found) + 1;
    let level = ls[ls.length - 1]!;
    for (let i = start; i < ls.length; i++) {
      if (!tree.has(childLocation(ls[i]!, name))) {
        level = ls[i]!;
        break;
      }
    }
    const location = childLocation(level, name);
    const manifest = p.manifest(version);
    tree.set(location, { location, name, version, manifest, dev: true });
    for (const [dep, range] of Object.entries(manifest.dependencies).sort(([a], [b]) => (a < b ? -1 : 1))) queue.push({ from: location, name: dep, spec: range });
  }
  markDev(tree, edges);
  return sortTree(tree);
}

/** A node is dev unless a production dependency of the project leads to it. */
export function markDev(tree: Tree, edges: readonly RootEdge[]): void {
  for (const node of tree.values()) node.dev = true;
  const stack: TreeNode[] = [];
  for (const e of edges) {
    const n = e.dev ? undefined : lookup(tree, '', e.name);
    if (n) stack.push(n);
  }
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!n.dev) continue;
    n.dev = false;
    for (const dep of Object.keys(n.manifest.dependencies)) {
      const d = lookup(tree, n.location, dep);
      if (d?.dev) stack.push(d);
    }
  }
}

/** Locations in the order lockfiles list them (code-unit order of the path). */
export function sortTree(tree: Tree): Tree {
  return new Map([...tree.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The tree that is on disk: every `node_modules/<pkg>/package.json` under the project, nested ones included.
 * Packages the catalog does not know still count (a copied-in node_modules), with what their package.json says.
 */
export function readActualTree(fs: Fs, prefix: string): Tree {
  const tree: Tree = new Map();
  const base = prefix === '/' ? '' : prefix;
  const visit = (location: string) => {
    const dir = `${base}/${location === '' ? '' : location + '/'}node_modules`;
    let names: string[];
    try {
      names = fs.readdir(dir);
    } catch {
      return;
    }
    const pkgs: string[] = [];
    for (const n of names) {
      if (n.startsWith('.')) continue;
      if (n.startsWith('@')) {
        try {
          for (const m of fs.readdir(`${dir}/${n}`)) pkgs.push(`${n}/${m}`);
        } catch {
          // a file named like a scope: nothing to read
        }
      } else pkgs.push(n);
    }
    for (const name of pkgs.sort()) {
      const loc = childLocation(location, name);
      try {
        const json = JSON.parse(fs.readText(`${base}/${loc}/package.json`)) as { version?: string; dependencies?: Record<string, string>; bin?: Record<string, string> };
        const version = json.version ?? '0.0.0';
        const manifest = packument(name)?.versions.includes(version) ? packument(name)!.manifest(version) : fallbackManifest(name, version, json.dependencies ?? {}, json.bin ?? {});
        tree.set(loc, { location: loc, name, version, manifest, dev: false });
      } catch {
        continue;
      }
      visit(loc);
    }
  };
  visit('');
  return sortTree(tree);
}

export function fallbackManifest(name: string, version: string, dependencies: Record<string, string>, bin: Record<string, string>, license = 'MIT'): Manifest {
  return { name, version, size: 0, dependencies, bin, main: 'index.js', license, funding: false, typesOnly: false };
}
