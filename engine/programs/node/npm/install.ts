import type { Fs } from '../../../fs/types.ts';
import { packument, pickVersion } from '../registry/catalog.ts';
import { parseRange, parseVersion } from '../registry/semver.ts';
import { hiddenLockfileFor, lockfileFor, lockText, readLockfile, treeFromLockfile, type Lockfile } from './lockfile.ts';
import { findPrefix, projectName, readPackageJson, writePackageJson, type PackageJson } from './package-json.ts';
import { reify, type Diff } from './reify.ts';
import { NpmError, type NpmSession } from './session.ts';
import { buildIdealTree, noMatchingVersion, notFound, readActualTree, type RootEdge, type Tree } from './tree.ts';

/** `npm install` / `npm ci` options that change what is installed or printed. */
export interface InstallOptions {
  readonly saveDev: boolean;
  readonly saveExact: boolean;
  readonly noSave: boolean;
  readonly omitDev: boolean;
  readonly audit: boolean;
  readonly fund: boolean;
  /** `--package-lock-only`: resolve and write package-lock.json, touch nothing in node_modules. */
  readonly lockOnly?: boolean;
}

function rootOf(prefix: string): string {
  return prefix === '/' ? '' : prefix;
}

export function rootEdges(pkg: PackageJson | undefined): RootEdge[] {
  const edges: RootEdge[] = [];
  for (const [name, spec] of Object.entries(pkg?.dependencies ?? {})) edges.push({ name, spec, dev: false });
  for (const [name, spec] of Object.entries(pkg?.optionalDependencies ?? {})) edges.push({ name, spec, dev: false });
  for (const [name, spec] of Object.entries(pkg?.devDependencies ?? {})) if (!edges.some((e) => e.name === name)) edges.push({ name, spec, dev: true });
  return edges;
}

/** Versions already locked win while they satisfy the range (the top-level copy first). */
function preferLocked(lock: Tree | undefined): (name: string, spec: string) => string | undefined {
  if (!lock) return () => undefined;
  return (name) => lock.get(`node_modules/${name}`)?.version ?? [...lock.values()].find((n) => n.name === name)?.version;
}

export function readProjectLock(fs: Fs, prefix: string): Lockfile | undefined {
  const root = rootOf(prefix);
  return readLockfile(fs, `${root}/npm-shrinkwrap.json`) ?? readLockfile(fs, `${root}/package-lock.json`);
}

/** `name`, `name@spec`, `@scope/name@spec`. */
export function parsePackageArg(arg: string): { name: string; spec: string } {
  const at = arg.indexOf('@', 1);
  return at < 0 ? { name: arg, spec: '' } : { name: arg.slice(0, at), spec: arg.slice(at + 1) };
}

/** `npm install [pkgs...]`. */
export async function install(s: NpmSession, args: readonly string[], o: InstallOptions): Promise<void> {
  const fs = s.p.fs;
  const prefix = findPrefix(fs, s.p.cwd);
  const root = rootOf(prefix);
  let pkg: PackageJson | undefined;
  try {
    pkg = readPackageJson(fs, prefix);
  } catch (e) {
    if (!(e instanceof NpmError) || e.code !== 'ENOENT') throw e;
    if (args.length === 0) {
      // npm 10 still leaves an empty lockfile behind before failing (npm/cli#6986).
      fs.writeFile(`${root}/package-lock.json`, lockText(lockfileFor(projectName(undefined, prefix), undefined, new Map())));
      throw e;
    }
    pkg = undefined;
  }
  const name = projectName(pkg, prefix);
  const before = pkg === undefined ? undefined : JSON.stringify(pkg);
  if (args.length > 0) pkg = withAddedDependencies(pkg ?? {}, args, o);
  const lock = readProjectLock(fs, prefix);
  const lockTree = lock ? treeFromLockfile(lock) : undefined;
  const ideal = buildIdealTree(rootEdges(pkg), preferLocked(lockTree));
  const wanted = o.omitDev ? new Map([...ideal].filter(([, n]) => !n.dev)) : ideal;
  let diff;
  if (o.lockOnly) {
    // Resolving still takes the registry round trips; nothing is unpacked.
    await s.work(400 + ideal.size * 4);
    diff = { added: [], changed: [], removed: [] };
  } else diff = await reify(s, prefix, readActualTree(fs, prefix), wanted);
  if (pkg && !o.noSave && JSON.stringify(pkg) !== before) writePackageJson(fs, prefix, pkg);
  const lockPath = `${root}/${fs.exists(`${root}/npm-shrinkwrap.json`) ? 'npm-shrinkwrap.json' : 'package-lock.json'}`;
  const text = lockText(lockfileFor(name, pkg, ideal));
  if (!o.noSave && (!fs.exists(lockPath) || fs.readText(lockPath) !== text)) fs.writeFile(lockPath, text);
  // Unverified: with nothing reified, npm's summary is taken to be "up to date, audited N packages".
  if (!o.lockOnly) writeHiddenLockfile(fs, root, name, pkg, wanted);
  await summary(s, diff, wanted, o);
}

function withAddedDependencies(pkg: PackageJson, args: readonly string[], o: InstallOptions): PackageJson {
  const deps = { ...(pkg.dependencies ?? {}) };
  const devDeps = { ...(pkg.devDependencies ?? {}) };
  for (const arg of args) {
    const { name, spec } = parsePackageArg(arg);
    const p = packument(name);
    if (!p) throw notFound(name, spec);
    const version = pickVersion(p, spec);
    if (version === undefined) throw noMatchingVersion(name, spec);
    // A range typed by the user is saved as typed; a version or tag becomes ^version (exact with -E).
    const isRange = spec !== '' && spec !== 'latest' && parseVersion(spec) === undefined && parseRange(spec) !== undefined;
    const saved = isRange ? spec : o.saveExact ? version : `^${version}`;
    if (o.saveDev) {
      devDeps[name] = saved;
      delete deps[name];
    } else {
      deps[name] = saved;
      delete devDeps[name];
    }
  }
  const out: PackageJson = { ...pkg };
  if (Object.keys(deps).length > 0) out.dependencies = deps;
  else delete out.dependencies;
  if (Object.keys(devDeps).length > 0) out.devDependencies = devDeps;
  else delete out.devDependencies;
  return out;
}

function writeHiddenLockfile(fs: Fs, root: string, name: string, pkg: PackageJson | undefined, tree: Tree): void {
  const path = `${root}/node_modules/.package-lock.json`;
  if (tree.size === 0) {
    fs.rm(path, { force: true });
    return;
  }
  fs.mkdir(`${root}/node_modules`, { recursive: true });
  fs.writeFile(path, lockText(hiddenLockfileFor(name, pkg, tree)));
}

const CI_USAGE = [
  'Clean install a project',
  '',
  'Usage:',
  'npm ci',
  '',
  'Options:',
  '[--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]',
  '[--global-style] [--omit <dev|optional|peer> [--omit <dev|optional|peer> ...]]',
  '[--include <prod|dev|optional|peer> [--include <prod|dev|optional|peer> ...]]',
  '[--strict-peer-deps] [--foreground-scripts] [--ignore-scripts] [--no-audit]',
  '[--no-bin-links] [--no-fund] [--dry-run]',
  '[-w|--workspace <workspace-name> [-w|--workspace <workspace-name> ...]]',
  '[-ws|--workspaces] [--include-workspace-root] [--install-links]',
  '',
  'aliases: clean-install, ic, install-clean, isntall-clean',
  '',
  'Run "npm help ci" for more info',
];

/** `npm ci`: exactly the lockfile, into a fresh node_modules, or npm's usage error when it cannot be trusted. */
export async function ci(s: NpmSession, o: InstallOptions): Promise<void> {
  const fs = s.p.fs;
  const prefix = findPrefix(fs, s.p.cwd);
  const root = rootOf(prefix);
  const lock = readProjectLock(fs, prefix);
  if (!lock) {
    throw new NpmError(
      [
        'code EUSAGE',
        '',
        'The `npm ci` command can only install with an existing package-lock.json or',
        'npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or',
        'later to generate a package-lock.json file, then try again.',
        '',
        ...CI_USAGE,
      ],
      1,
      'EUSAGE',
    );
  }
  const pkg = readPackageJson(fs, prefix);
  const lockTree = treeFromLockfile(lock);
  const ideal = buildIdealTree(rootEdges(pkg), preferLocked(lockTree));
  const problems: string[] = [];
  for (const [loc, n] of ideal) {
    const l = lockTree.get(loc);
    if (!l) problems.push(`Missing: ${n.name}@${n.version} from lock file`);
    else if (l.version !== n.version) problems.push(`Invalid: lock file's ${l.name}@${l.version} does not satisfy ${n.name}@${n.version}`);
  }
  if (problems.length > 0) {
    throw new NpmError(
      [
        'code EUSAGE',
        '',
        '`npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.',
        '',
        ...problems,
        '',
        ...CI_USAGE,
      ],
      1,
      'EUSAGE',
    );
  }
  fs.rm(`${root}/node_modules`, { recursive: true, force: true });
  const wanted = o.omitDev ? new Map([...ideal].filter(([, n]) => !n.dev)) : ideal;
  const diff = await reify(s, prefix, new Map(), wanted);
  writeHiddenLockfile(fs, root, projectName(pkg, prefix), pkg, wanted);
  await summary(s, diff, wanted, o);
}

/**
 * `npm prune`: arborist's prune builds the ideal tree from package.json and the lockfile and reifies node_modules to
 * it, so extraneous packages go, and with `--omit=dev` so do the devDependencies (the usual last step of a build
 * stage). package.json and the lockfile are left as they are.
 */
export async function prune(s: NpmSession, o: InstallOptions): Promise<void> {
  const fs = s.p.fs;
  const prefix = findPrefix(fs, s.p.cwd);
  const pkg = readPackageJson(fs, prefix);
  const lock = readProjectLock(fs, prefix);
  const ideal = buildIdealTree(rootEdges(pkg), preferLocked(lock ? treeFromLockfile(lock) : undefined));
  const wanted = o.omitDev ? new Map([...ideal].filter(([, n]) => !n.dev)) : ideal;
  const diff = await reify(s, prefix, readActualTree(fs, prefix), wanted);
  writeHiddenLockfile(fs, rootOf(prefix), projectName(pkg, prefix), pkg, wanted);
  await summary(s, diff, wanted, o);
}

/** reify-output.js: what changed, how many were audited, funding, the audit result. */
async function summary(s: NpmSession, diff: Diff, tree: Tree, o: InstallOptions): Promise<void> {
  const [added, changed, removed] = [diff.added.length, diff.changed.length, diff.removed.length];
  const audited = o.audit ? tree.size + 1 : 0;
  const plural = (n: number) => `${n} package${n === 1 ? '' : 's'}`;
  let msg = '\n';
  if (added === 0 && removed === 0 && changed === 0) {
    msg += 'up to date';
    if (audited) msg += ', ';
  } else {
    if (added) msg += `added ${plural(added)}`;
    if (removed) {
      if (added) msg += ', ';
      if (added && !audited && !changed) msg += 'and ';
      msg += `removed ${plural(removed)}`;
    }
    if (changed) {
      if (added || removed) msg += ', ';
      if (!audited && (added || removed)) msg += 'and ';
      msg += `changed ${plural(changed)}`;
    }
    if (audited) msg += ', and ';
  }
  if (audited) msg += `audited ${plural(audited)}`;
  msg += ` in ${s.elapsed()}\n`;
  const funding = [...tree.values()].filter((n) => n.manifest.funding).length;
  if (o.fund && funding > 0) msg += `\n${funding} ${funding === 1 ? 'package is' : 'packages are'} looking for funding\n  run \`npm fund\` for details\n`;
  if (o.audit) msg += '\nfound 0 vulnerabilities\n';
  await s.out(msg);
}
