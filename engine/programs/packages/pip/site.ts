import { syntheticContent } from '../../../fs/content.ts';
import type { Fs } from '../../../fs/types.ts';
import type { Process } from '../../process.ts';
import { listDir, readTextOr, writeWithParents } from '../shared/fs-helpers.ts';
import type { Interpreter } from '../python/interpreter.ts';
import type { Project } from './data.ts';
import { canonicalName } from './version.ts';

/**
 * Where pip installs (the interpreter's site-packages, or ~/.local for a user who may not write there) and what is
 * installed there: one `<name>-<version>.dist-info` directory per distribution, as pip records them.
 */

export interface Site {
  readonly dir: string;
  readonly bin: string;
  readonly user: boolean;
}

export function systemSite(py: Interpreter): Site {
  if (py.owner === 'image') return { dir: `${py.prefix}/lib/python${py.minor}/site-packages`, bin: `${py.prefix}/bin`, user: false };
  // Debian's pip installs outside the dpkg-managed tree; Alpine's into the system site-packages.
  if (py.owner === 'dpkg') return { dir: `/usr/local/lib/python${py.minor}/dist-packages`, bin: '/usr/local/bin', user: false };
  return { dir: `/usr/lib/python${py.minor}/site-packages`, bin: '/usr/bin', user: false };
}

export function userSite(py: Interpreter, home: string): Site {
  return { dir: `${home}/.local/lib/python${py.minor}/site-packages`, bin: `${home}/.local/bin`, user: true };
}

/** Whether the process may create files in `dir` (or the nearest existing parent): write and search permission. */
export function writable(p: Process, dir: string): boolean {
  if (p.uid === 0) return true;
  let d = dir;
  while (!p.fs.exists(d) && d !== '/') d = d.slice(0, d.lastIndexOf('/')) || '/';
  try {
    const st = p.fs.stat(d);
    const bits = st.uid === p.uid ? st.mode >> 6 : st.gid === p.gid ? st.mode >> 3 : st.mode;
    return (bits & 0o3) === 0o3;
  } catch {
    return false;
  }
}

export interface InstalledDist {
  readonly name: string;
  readonly key: string;
  readonly version: string;
  readonly distInfo: string;
}

export function installedDists(fs: Fs, site: string): InstalledDist[] {
  const out: InstalledDist[] = [];
  for (const entry of listDir(fs, site)) {
    const m = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
    if (!m) continue;
    const meta = readTextOr(fs, `${site}/${entry}/METADATA`, '');
    const name = /^Name: (.+)$/m.exec(meta)?.[1] ?? m[1]!;
    out.push({ name, key: canonicalName(name), version: m[2]!, distInfo: `${site}/${entry}` });
  }
  return out;
}

/**
 * The wheel's file name: the project name with `-` as `_` (lowercased, as current build tools write it; MarkupSafe's
 * wheels keep their case), then the tags: `py3-none-any`, or CPython's ABI and the platform for binary wheels.
 */
export function wheelName(project: Project, version: string, py: Interpreter, musl: boolean): string {
  const stem = wheelStem(project);
  if (!project.binary) return `${stem}-${version}-py3-none-any.whl`;
  const cp = `cp${py.minor.replace('.', '')}`;
  return `${stem}-${version}-${cp}-${cp}-${musl ? 'musllinux_1_2_x86_64' : (project.platform ?? 'manylinux_2_17_x86_64.manylinux2014_x86_64')}.whl`;
}

export function wheelStem(project: Project): string {
  const underscored = project.name.replace(/-/g, '_');
  return project.name === 'MarkupSafe' ? underscored : underscored.toLowerCase();
}

export function moduleName(project: Project): string {
  return project.module ?? canonicalName(project.name).replace(/-/g, '_');
}

/** Writes a distribution as pip installs a wheel: its package, its console scripts and its .dist-info. */
export function installDist(fs: Fs, site: Site, py: Interpreter, project: Project, version: string, requires: readonly string[], installedBytes: number, wheel: string): void {
  const mod = moduleName(project);
  // The .dist-info directory is named as the wheel is (flask-3.0.3.dist-info).
  const info = `${site.dir}/${wheelStem(project)}-${version}.dist-info`;
  const files: string[] = [];
  // pip's own versioned launcher follows the interpreter (pip3.12 for Python 3.12).
  const scripts = (project.scripts ?? []).map((n) => (n === 'pip3.12' ? `pip${py.minor}` : n)).map((s) => ({ path: `${site.bin}/${s}`, text: `#!${py.path}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom ${project.entry ?? mod} import main\nif __name__ == "__main__":\n    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])\n    sys.exit(main())\n` }));
  const init = `${site.dir}/${mod}/__init__.py`;
  const body = project.binary ? `${site.dir}/${mod}/_${mod.replace(/^_/, '')}.cpython-${py.minor.replace('.', '')}-x86_64-linux-gnu.so` : `${site.dir}/${mod}/${mod.replace(/^_/, '')}_impl.py`;
  const initSize = Math.min(4_000, Math.floor(installedBytes / 10));
  writeWithParents(fs, init, syntheticContent(`pip:${project.name}=${version}:init`, initSize));
  writeWithParents(fs, body, syntheticContent(`pip:${project.name}=${version}:body`, Math.max(0, installedBytes - initSize - 2_000)));
  files.push(init, body);
  for (const s of scripts) {
    writeWithParents(fs, s.path, s.text, 0o755);
    files.push(s.path);
  }
  const metadata = `Metadata-Version: 2.4\nName: ${project.name}\nVersion: ${version}\n${requires.map((r) => `Requires-Dist: ${r}\n`).join('')}`;
  writeWithParents(fs, `${info}/METADATA`, metadata);
  writeWithParents(fs, `${info}/INSTALLER`, 'pip\n');
  writeWithParents(fs, `${info}/WHEEL`, `Wheel-Version: 1.0\nGenerator: dockyard\nRoot-Is-Purelib: ${project.binary ? 'false' : 'true'}\nTag: ${wheel.split('-').slice(2).join('-').replace(/\.whl$/, '')}\n`);
  writeWithParents(fs, `${info}/top_level.txt`, `${mod}\n`);
  const record = [...files, `${info}/METADATA`, `${info}/INSTALLER`, `${info}/WHEEL`, `${info}/top_level.txt`, `${info}/RECORD`].map((f) => (f.startsWith(site.dir + '/') ? f.slice(site.dir.length + 1) : f) + ',,').join('\n');
  writeWithParents(fs, `${info}/RECORD`, record + '\n');
}

/** Removes what a dist-info's RECORD lists, then the dist-info itself. */
export function uninstallDist(fs: Fs, site: string, dist: InstalledDist): void {
  const record = readTextOr(fs, `${dist.distInfo}/RECORD`, '');
  for (const line of record.split('\n')) {
    const path = line.split(',')[0];
    if (!path) continue;
    const abs = path.startsWith('/') ? path : `${site}/${path}`;
    try {
      fs.rm(abs, { force: true });
    } catch {
      // Already gone.
    }
  }
  for (const dir of new Set(record.split('\n').map((l) => l.split(',')[0]!).filter((f) => f && !f.startsWith('/') && f.includes('/')).map((f) => `${site}/${f.split('/')[0]}`))) {
    if (listDir(fs, dir).length === 0) fs.rm(dir, { recursive: true, force: true });
  }
  fs.rm(dist.distInfo, { recursive: true, force: true });
}
