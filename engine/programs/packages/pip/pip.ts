import { syntheticContent } from '../../../fs/content.ts';
import { digestBytes } from '../../../fs/digest.ts';
import { resolvePath } from '../../../fs/path.ts';
import type { Process } from '../../process.ts';
import { readInstalled } from '../apk/db.ts';
import { readStatus } from '../apt/dpkg-db.ts';
import { readTextOr, writeWithParents } from '../shared/fs-helpers.ts';
import { readOsRelease } from '../shared/os-release.ts';
import type { Interpreter } from '../python/interpreter.ts';
import { LATEST_PIP, PROJECTS, type Project } from './data.ts';
import { finishedBar, formatSize, nameHash } from './format.ts';
import { parseRequirement, parseRequirementsFile, type Requirement } from './requirement.ts';
import { installDist, installedDists, systemSite, uninstallDist, userSite, wheelName, writable, type InstalledDist, type Site } from './site.ts';
import { canonicalName, compareVersions, satisfies } from './version.ts';

/**
 * pip 23-25 as Dockerfiles use it: `install` (names, specifiers, `-r` files, `--upgrade`, `--no-cache-dir`, `--user`),
 * `uninstall -y`, `list`, `freeze`, `--version`. Output follows pip 25 off a terminal: "Collecting" and metadata
 * lines while resolving, then the downloads (with rich's finished bar for big wheels), "Installing collected
 * packages", "Successfully installed", the warning about running as root, and the new-release notice a pip that
 * installed itself (the official python images) prints.
 */

const INDEX = new Map(PROJECTS.map((p) => [canonicalName(p.name), p]));
const BYTES_PER_MS = 40_000;

interface InstallOptions {
  requirementFiles: string[];
  names: string[];
  noCache: boolean;
  upgrade: boolean;
  user: boolean;
  breakSystem: boolean;
  rootWarning: boolean;
  versionCheck: boolean;
  quiet: boolean;
  noDeps: boolean;
  forceReinstall: boolean;
  warnScriptLocation: boolean;
}

const INSTALL_USAGE = `
Usage:   
  pip install [options] <requirement specifier> [package-index-options] ...
  pip install [options] -r <requirements file> [package-index-options] ...
  pip install [options] [-e] <vcs project url> ...
  pip install [options] [-e] <local project path> ...
  pip install [options] <archive url/path> ...

`;

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v);

function parseInstall(args: readonly string[], env: Readonly<Record<string, string>>): InstallOptions | { error: string } {
  const o: InstallOptions = {
    requirementFiles: [],
    names: [],
    // pip reads PIP_NO_CACHE_DIR as a switch that any boolean-looking value turns on (even `false`, famously).
    noCache: truthy(env.PIP_NO_CACHE_DIR) || /^(0|false|off|no)$/i.test(env.PIP_NO_CACHE_DIR ?? 'x'),
    upgrade: false,
    user: false,
    breakSystem: truthy(env.PIP_BREAK_SYSTEM_PACKAGES),
    rootWarning: env.PIP_ROOT_USER_ACTION !== 'ignore',
    versionCheck: !truthy(env.PIP_DISABLE_PIP_VERSION_CHECK),
    quiet: false,
    noDeps: false,
    forceReinstall: false,
    warnScriptLocation: true,
  };
  const withValue = new Set(['-i', '--index-url', '--extra-index-url', '--trusted-host', '-c', '--constraint', '--upgrade-strategy', '--progress-bar', '--timeout', '--retries', '--platform', '--python-version', '--implementation', '--abi', '-f', '--find-links', '--no-binary', '--only-binary', '--cache-dir', '--src', '--log']);
  const flags = new Set(['--prefer-binary', '--no-compile', '--compile', '--no-build-isolation', '--pre', '--use-pep517', '--no-clean', '--isolated', '--no-input', '--no-color', '-v', '--verbose', '--ignore-installed', '-I', '--exists-action']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '-r' || flag === '--requirement') o.requirementFiles.push(value());
    else if (a.startsWith('-r') && a.length > 2 && !a.startsWith('--')) o.requirementFiles.push(a.slice(2));
    else if (flag === '--no-cache-dir') o.noCache = true;
    else if (flag === '-U' || flag === '--upgrade') o.upgrade = true;
    else if (flag === '--user') o.user = true;
    else if (flag === '--break-system-packages') o.breakSystem = true;
    else if (flag === '--root-user-action') o.rootWarning = value() !== 'ignore';
    else if (flag === '--disable-pip-version-check') o.versionCheck = false;
    else if (flag === '-q' || flag === '--quiet' || flag === '-qq') o.quiet = true;
    else if (flag === '--no-deps') o.noDeps = true;
    else if (flag === '--force-reinstall') o.forceReinstall = true;
    else if (flag === '--no-warn-script-location') o.warnScriptLocation = false;
    else if (withValue.has(flag)) value();
    else if (flags.has(flag)) continue;
    else if (a.startsWith('-')) return { error: `${INSTALL_USAGE}no such option: ${flag}\n` };
    else o.names.push(a);
  }
  return o;
}

/** The pip a python image or distribution ships, when no newer one was installed over it. */
function bundledPipVersion(p: Process, py: Interpreter): string {
  if (py.owner === 'dpkg') return readStatus(p.fs).find((s) => s.name === 'python3-pip')?.version.replace(/\+.*$/, '') ?? '23.0.1';
  if (py.owner === 'apk') return readInstalled(p.fs).find((i) => i.name === 'py3-pip')?.version.replace(/-r\d+$/, '') ?? '24.3.1';
  // ensurepip's bundled pip: Python 3.13.4 has 25.1.1; 3.12.x (security fixes only by now) still has 25.0.1.
  return py.minor === '3.12' ? '25.0.1' : py.minor === '3.13' ? '25.1.1' : '24.0';
}

export function pipVersion(p: Process, py: Interpreter): string {
  return installedDists(p.fs, systemSite(py).dir).find((d) => d.key === 'pip')?.version ?? bundledPipVersion(p, py);
}

/** Distributions in a site, with the pip the interpreter came with when it left no record of its own. */
function withBundledPip(p: Process, py: Interpreter, site: Site): InstalledDist[] {
  const dists = installedDists(p.fs, site.dir);
  if (!site.user && !dists.some((d) => d.key === 'pip')) dists.push({ name: 'pip', key: 'pip', version: bundledPipVersion(p, py), distInfo: '' });
  return dists;
}

/** PEP 668: a distribution's Python refuses pip unless told to break the system's packages. */
function externallyManaged(p: Process, py: Interpreter): string | undefined {
  const text = readTextOr(p.fs, `${py.prefix}/lib/python${py.minor}/EXTERNALLY-MANAGED`, '');
  if (!text) return undefined;
  const m = /^Error:(.*(?:\n[ \t].*)*)/m.exec(text);
  const lines = (m?.[1] ?? ' This environment is externally managed').split('\n').map((l, i) => (i === 0 ? l.trim() : l.replace(/^[ \t]/, '')));
  const body = lines.map((l, i) => (i === 0 ? `╰─> ${l}` : l.trim() === '' ? '    ' : `    ${l}`)).join('\n');
  return (
    'error: externally-managed-environment\n\n× This environment is externally managed\n' +
    body +
    '\n\nnote: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\nhint: See PEP 668 for the detailed specification.\n'
  );
}

interface Chosen {
  readonly req: Requirement;
  readonly project: Project;
  readonly version: string;
  readonly wheel: string;
  readonly depth: number;
  readonly order: number;
}

function fromClause(req: Requirement): string {
  return req.from ? ` (from ${req.from})` : '';
}

function cacheBody(home: string, url: string): string {
  const h = digestBytes(new TextEncoder().encode(url)).slice('sha256:'.length);
  return `${home}/.cache/pip/http-v2/${h[0]}/${h[1]}/${h[2]}/${h[3]}/${h[4]}/${h.slice(5)}.body`;
}

export async function pipInstall(p: Process, py: Interpreter, args: readonly string[]): Promise<number> {
  const o = parseInstall(args, p.env);
  if ('error' in o) {
    await p.stderr.write(o.error);
    return 2;
  }
  const out = async (s: string) => {
    if (!o.quiet) await p.stdout.write(s);
  };
  const reqs: Requirement[] = [];
  for (const name of o.names) {
    const r = parseRequirement(name);
    if (!r) {
      await p.stderr.write(`ERROR: Invalid requirement: '${name}'\n`);
      return 1;
    }
    reqs.push(r);
  }
  const readFile = async (file: string): Promise<boolean> => {
    let text: string;
    try {
      text = p.fs.readText(resolvePath(p.cwd, file));
    } catch {
      await p.stderr.write(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`);
      return false;
    }
    for (const line of parseRequirementsFile(text, file)) {
      if ('req' in line) reqs.push(line.req);
      else if ('include' in line) {
        if (!(await readFile(line.include))) return false;
      } else {
        await p.stderr.write(`ERROR: Dockyard's pip installs from its package index only; it cannot install '${line.unsupported}' (from ${file})\n`);
        return false;
      }
    }
    return true;
  };
  for (const f of o.requirementFiles) if (!(await readFile(f))) return 1;
  if (reqs.length === 0) {
    await p.stderr.write('ERROR: You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  const managed = !o.breakSystem && !p.env.VIRTUAL_ENV ? externallyManaged(p, py) : undefined;
  if (managed) {
    await p.stderr.write(managed);
    return 1;
  }
  let site = o.user ? userSite(py, p.env.HOME ?? '/root') : systemSite(py);
  if (!site.user && !writable(p, site.dir)) {
    await out('Defaulting to user installation because normal site-packages is not writeable\n');
    site = userSite(py, p.env.HOME ?? '/root');
  }
  const musl = readOsRelease(p.fs)?.id === 'alpine';
  const home = p.env.HOME ?? '/root';
  const useCache = !o.noCache;
  const installed = withBundledPip(p, py, site);

  // Resolve, breadth first, as pip reports it.
  const chosen = new Map<string, Chosen>();
  const satisfied = new Set<string>();
  const queue: { req: Requirement; depth: number }[] = reqs.map((req) => ({ req, depth: 0 }));
  for (let qi = 0; qi < queue.length; qi++) {
    const { req, depth } = queue[qi]!;
    if (chosen.has(req.key)) {
      const c = chosen.get(req.key)!;
      if (depth > c.depth) chosen.set(req.key, { ...c, depth });
      continue;
    }
    if (satisfied.has(req.key)) continue;
    const have = installed.find((d) => d.key === req.key);
    const project = INDEX.get(req.key);
    const candidates = project ? Object.keys(project.releases).filter((v) => satisfies(v, req.spec)).sort(compareVersions) : [];
    const best = candidates[candidates.length - 1];
    const upgrading = o.upgrade && depth === 0 && have !== undefined && best !== undefined && compareVersions(best, have.version) > 0;
    if (have && satisfies(have.version, req.spec) && !upgrading && !(o.forceReinstall && depth === 0)) {
      await out(`Requirement already satisfied: ${req.text} in ${site.dir}${fromClause(req)} (${have.version})\n`);
      satisfied.add(req.key);
      if (!o.noDeps) for (const d of requiresOf(p, have)) queue.push({ req: d, depth: depth + 1 });
      continue;
    }
    if (upgrading) await out(`Requirement already satisfied: ${req.text} in ${site.dir}${fromClause(req)} (${have!.version})\n`);
    if (!project || best === undefined) {
      const versions = project ? Object.keys(project.releases).sort(compareVersions).join(', ') : '';
      await p.stderr.write(`ERROR: Could not find a version that satisfies the requirement ${req.text}${fromClause(req)} (from versions: ${versions || 'none'})\nERROR: No matching distribution found for ${req.text}\n`);
      return 1;
    }
    const wheel = wheelName(project, best, py, musl);
    await p.clock.sleep(120, p.signal);
    await out(`Collecting ${req.text}${fromClause(req)}\n`);
    const metaSize = 1500 + (nameHash(project.name) % 4000);
    const metaCached = useCache && p.fs.exists(cacheBody(home, `${wheel}.metadata`));
    await out(`  ${metaCached ? 'Using cached' : 'Downloading'} ${wheel}.metadata (${formatSize(metaSize)})\n`);
    if (useCache) writeWithParents(p.fs, cacheBody(home, `${wheel}.metadata`), syntheticContent(`pip-cache:${wheel}.metadata`, metaSize));
    chosen.set(req.key, { req, project, version: best, wheel, depth, order: chosen.size });
    if (o.noDeps) continue;
    // pip names the whole chain: `(from Jinja2>=3.1.2->flask==3.1.1->-r requirements.txt (line 1))`.
    const chain = req.from ? `${req.text}->${req.from}` : req.text;
    for (const spec of project.releases[best]!.requires) {
      const dep = parseRequirement(spec, chain);
      if (dep) queue.push({ req: dep, depth: depth + 1 });
    }
  }

  const picks = [...chosen.values()];
  for (const c of picks) {
    const bytes = c.project.releases[c.version]!.wheelKB * 1000;
    const body = cacheBody(home, c.wheel);
    const cached = useCache && p.fs.exists(body);
    const ms = cached ? 5 : 30 + bytes / BYTES_PER_MS;
    await p.clock.sleep(ms, p.signal);
    await out(`${cached ? 'Using cached' : 'Downloading'} ${c.wheel} (${formatSize(bytes)})\n`);
    if (!cached && bytes > 512 * 1024) await out(finishedBar(bytes, (bytes * 1000) / ms));
    if (useCache && !cached) writeWithParents(p.fs, body, syntheticContent(`pip-cache:${c.wheel}`, bytes));
  }
  if (picks.length > 0) {
    const order = [...picks].sort((a, b) => b.depth - a.depth || a.order - b.order);
    await out(`Installing collected packages: ${order.map((c) => c.req.name).join(', ')}\n`);
    for (const c of order) {
      const old = installed.find((d) => d.key === c.req.key);
      if (old) {
        await out(`  Attempting uninstall: ${old.name}\n    Found existing installation: ${old.name} ${old.version}\n    Uninstalling ${old.name}-${old.version}:\n      Successfully uninstalled ${old.name}-${old.version}\n`);
        if (old.distInfo) uninstallDist(p.fs, site.dir, old);
      }
      const release = c.project.releases[c.version]!;
      await p.clock.sleep(20 + (release.installedKB * 1000) / 100_000, p.signal);
      installDist(p.fs, site, py, c.project, c.version, release.requires, release.installedKB * 1000, c.wheel);
    }
    const scripts = order.flatMap((c) => c.project.scripts ?? []);
    if (site.user && o.warnScriptLocation && scripts.length > 0 && !(p.env.PATH ?? '').split(':').includes(site.bin)) {
      const list = scripts.length === 1 ? `script ${scripts[0]} is` : `scripts ${scripts.slice(0, -1).join(', ')} and ${scripts[scripts.length - 1]} are`;
      await p.stderr.write(`  WARNING: The ${list} installed in '${site.bin}' which is not on PATH.\n  Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.\n`);
    }
    const names = picks.map((c) => `${c.req.name}-${c.version}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    await out(`Successfully installed ${names.join(' ')}\n`);
  }
  if (p.uid === 0 && o.rootWarning) {
    await p.stderr.write(
      "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering the system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n",
    );
  }
  await versionNotice(p, py, o.versionCheck);
  return 0;
}

/** The Requires-Dist of an installed distribution (empty for the bundled pip, which records none here). */
function requiresOf(p: Process, d: InstalledDist): Requirement[] {
  if (!d.distInfo) return [];
  const meta = readTextOr(p.fs, `${d.distInfo}/METADATA`, '');
  return [...meta.matchAll(/^Requires-Dist: (.+)$/gm)].map((m) => parseRequirement(m[1]!, d.name)).filter((r): r is Requirement => r !== undefined);
}

/**
 * pip checks PyPI for a newer pip after each command and says so; only a pip that installed itself does (the
 * official images' pip; Debian's, Ubuntu's and Alpine's were installed by their package managers).
 */
async function versionNotice(p: Process, py: Interpreter, enabled: boolean): Promise<void> {
  if (!enabled || py.owner !== 'image') return;
  const current = pipVersion(p, py);
  if (compareVersions(current, LATEST_PIP) >= 0) return;
  await p.stderr.write(`\n[notice] A new release of pip is available: ${current} -> ${LATEST_PIP}\n[notice] To update, run: pip install --upgrade pip\n`);
}

export async function pipUninstall(p: Process, py: Interpreter, args: readonly string[]): Promise<number> {
  const yes = args.includes('-y') || args.includes('--yes');
  const site = systemSite(py);
  const dists = installedDists(p.fs, site.dir);
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    const key = canonicalName(parseRequirement(name)?.name ?? name);
    const d = dists.find((x) => x.key === key);
    if (!d) {
      await p.stderr.write(`WARNING: Skipping ${name} as it is not installed.\n`);
      continue;
    }
    await p.stdout.write(`Found existing installation: ${d.name} ${d.version}\nUninstalling ${d.name}-${d.version}:\n`);
    if (!yes) {
      await p.stdout.write('Proceed (Y/n)? ');
      const answer = await p.stdin.read();
      if (answer !== null && !/^\s*[yY]?\s*$/.test(new TextDecoder().decode(answer))) return 1;
      if (answer === null) {
        await p.stdout.write('\nERROR: Operation cancelled by user\n');
        return 1;
      }
    }
    uninstallDist(p.fs, site.dir, d);
    await p.stdout.write(`  Successfully uninstalled ${d.name}-${d.version}\n`);
  }
  return 0;
}

export async function pipList(p: Process, py: Interpreter, freeze: boolean): Promise<number> {
  const site = systemSite(py);
  const all = [...withBundledPip(p, py, site), ...installedDists(p.fs, userSite(py, p.env.HOME ?? '/root').dir)];
  const dists = all.sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
  if (freeze) {
    await p.stdout.write(dists.filter((d) => !['pip', 'setuptools', 'wheel', 'distribute'].includes(d.key)).map((d) => `${d.name}==${d.version}\n`).join(''));
    return 0;
  }
  const w1 = Math.max(7, ...dists.map((d) => d.name.length));
  const w2 = Math.max(7, ...dists.map((d) => d.version.length));
  const row = (a: string, b: string) => `${a.padEnd(w1)} ${b.padEnd(w2)}`.trimEnd() + '\n';
  await p.stdout.write(row('Package', 'Version') + row('-'.repeat(w1), '-'.repeat(w2)) + dists.map((d) => row(d.name, d.version)).join(''));
  return 0;
}

/** `pip <command> ...` with pip's global options; `prog` is how pip was started (pip, pip3, python -m pip). */
export async function runPip(p: Process, py: Interpreter, args: readonly string[]): Promise<number> {
  const rest = args.filter((a) => a !== '--disable-pip-version-check' && a !== '--no-color' && a !== '--no-cache-dir' && a !== '-q' && a !== '--quiet');
  const globals = args.filter((a) => !rest.includes(a));
  const [command, ...cargs] = rest;
  if (command === '--version' || command === '-V') {
    const site = systemSite(py);
    await p.stdout.write(`pip ${pipVersion(p, py)} from ${site.dir}/pip (python ${py.minor})\n`);
    return 0;
  }
  switch (command) {
    case 'install':
      return pipInstall(p, py, [...globals, ...cargs]);
    case 'uninstall':
      return pipUninstall(p, py, cargs);
    case 'list':
      return pipList(p, py, false);
    case 'freeze':
      return pipList(p, py, true);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      await p.stdout.write('\nUsage:   \n  pip <command> [options]\n\nCommands:\n  install                     Install packages.\n  uninstall                   Uninstall packages.\n  freeze                      Output installed packages in requirements format.\n  list                        List installed packages.\n  help                        Show help for commands.\n\n');
      return 0;
    default:
      await p.stderr.write(`ERROR: unknown command "${command}"\n`);
      return 1;
  }
}
