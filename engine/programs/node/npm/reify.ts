import { dirname } from '../../../fs/path.ts';
import { NPM_PACK_MTIME, packageFiles } from '../registry/files.ts';
import { runInstallScript } from './lifecycle.ts';
import type { NpmSession } from './session.ts';
import type { Tree, TreeNode } from './tree.ts';

/**
 * Making node_modules match the ideal tree, as arborist's reify does: remove what is gone, unpack what is new or
 * changed (taking virtual time by package count and size), link bins into `.bin`, run the install scripts that
 * leave files, and record the result in the hidden lockfile.
 */

export interface Diff {
  readonly added: readonly TreeNode[];
  readonly changed: readonly TreeNode[];
  readonly removed: readonly TreeNode[];
}

export function diffTrees(actual: Tree, ideal: Tree): Diff {
  const added: TreeNode[] = [];
  const changed: TreeNode[] = [];
  const removed: TreeNode[] = [];
  for (const [loc, n] of ideal) {
    const a = actual.get(loc);
    if (!a) added.push(n);
    else if (a.version !== n.version || a.name !== n.name) changed.push(n);
  }
  for (const [loc, a] of actual) if (!ideal.has(loc)) removed.push(a);
  return { added, changed, removed };
}

/** About what a fast connection and disk give: a base cost per package plus bytes at 40 MB/s. */
function unpackMs(n: TreeNode): number {
  return 12 + n.manifest.size / 40_000;
}

export async function reify(s: NpmSession, prefix: string, actual: Tree, ideal: Tree): Promise<Diff> {
  const fs = s.p.fs;
  const root = prefix === '/' ? '' : prefix;
  const diff = diffTrees(actual, ideal);
  // Deepest first, so a nested copy goes before its parent directory.
  for (const n of [...diff.removed].sort((a, b) => b.location.length - a.location.length)) {
    fs.rm(`${root}/${n.location}`, { recursive: true, force: true });
    unlinkBins(s, root, n);
  }
  await s.work(400 + ideal.size * 4);
  for (const n of [...diff.changed, ...diff.added].sort((a, b) => (a.location < b.location ? -1 : 1))) {
    if (n.manifest.deprecated) await s.warn(`deprecated ${n.name}@${n.version}: ${n.manifest.deprecated}`);
    const dir = `${root}/${n.location}`;
    fs.rm(dir, { recursive: true, force: true });
    for (const f of packageFiles(n.manifest)) {
      const path = `${dir}/${f.path}`;
      fs.mkdir(dirname(path), { recursive: true });
      fs.writeFile(path, f.content, { mode: f.mode });
      fs.utimes(path, NPM_PACK_MTIME);
    }
    await s.work(unpackMs(n));
  }
  for (const n of [...diff.changed, ...diff.added]) linkBins(s, root, n);
  for (const n of diff.added) runInstallScript(fs, root, n);
  return diff;
}

/** Where a package's bins are linked: the `.bin` of the node_modules folder that holds it. */
function binDir(root: string, n: TreeNode): string {
  return `${root}/${n.location.slice(0, n.location.length - n.name.length)}.bin`;
}

function linkBins(s: NpmSession, root: string, n: TreeNode): void {
  const fs = s.p.fs;
  const dir = binDir(root, n);
  for (const [bin, target] of Object.entries(n.manifest.bin)) {
    fs.mkdir(dir, { recursive: true });
    const link = `${dir}/${bin}`;
    if (fs.exists(link) || isLink(s, link)) fs.rm(link, { force: true });
    fs.symlink(`../${n.name}/${target.replace(/^\.\//, '')}`, link);
    try {
      fs.chmod(`${root}/${n.location}/${target.replace(/^\.\//, '')}`, 0o755);
    } catch {
      // a bin the package does not ship: npm warns nothing either
    }
  }
}

function unlinkBins(s: NpmSession, root: string, n: TreeNode): void {
  for (const bin of Object.keys(n.manifest.bin)) {
    const link = `${binDir(root, n)}/${bin}`;
    try {
      if (s.p.fs.readlink(link).startsWith(`../${n.name}/`)) s.p.fs.rm(link, { force: true });
    } catch {
      // not ours or not there
    }
  }
}

function isLink(s: NpmSession, path: string): boolean {
  try {
    return s.p.fs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}
