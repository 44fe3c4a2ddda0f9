import { packageFiles, type PackageFile } from '../shared/layout.ts';
import type { DebPackage } from './archive.ts';

/**
 * The files a .deb unpacks. A Debian package always carries /usr/share/doc/<name>/copyright; the rest follows the
 * package's kind: its programs, a shared library named after the package (libcurl4 → libcurl.so.4), Python's marker
 * that pip must not touch the system's packages (PEP 668), pip's launcher scripts, and data for the rest of its size.
 */

const PYTHON_SCRIPT = (mod: string) =>
  `#! /usr/bin/python3\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom ${mod} import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n`;

/** Debian's and Ubuntu's EXTERNALLY-MANAGED (PEP 668): pip reads its Error section. */
export function externallyManaged(minor: string): string {
  return `[externally-managed]
Error: To install Python packages system-wide, try apt install
 python3-xyz, where xyz is the package you are trying to
 install.
 
 If you wish to install a non-Debian-packaged Python package,
 create a virtual environment using python3 -m venv path/to/venv.
 Then use path/to/venv/bin/python to run it. Alternatively,
 install pipx with apt install pipx, and use pipx run to run it.
 
 See /usr/share/doc/python${minor}/README.venv for more information.
`;
}

function texts(p: DebPackage): { path: string; text: string; mode?: number }[] {
  const out: { path: string; text: string; mode?: number }[] = [
    { path: `/usr/share/doc/${p.name}/copyright`, text: `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${p.name}\nComment: abridged by Dockyard\n` },
  ];
  const stdlib = /^libpython(3\.\d+)-stdlib$/.exec(p.name);
  if (stdlib) out.push({ path: `/usr/lib/python${stdlib[1]}/EXTERNALLY-MANAGED`, text: externallyManaged(stdlib[1]!) });
  if (p.name === 'python3-pip') {
    out.push({ path: '/usr/bin/pip3', text: PYTHON_SCRIPT('pip._internal.cli.main'), mode: 0o755 });
    out.push({ path: '/usr/bin/pip', text: PYTHON_SCRIPT('pip._internal.cli.main'), mode: 0o755 });
  }
  return out;
}

function dataPaths(p: DebPackage): string[] {
  const lib = /^lib([a-z][a-z0-9+]*?)-?(\d[\d.]*)(t64)?$/.exec(p.name);
  if (lib) return [`/usr/lib/x86_64-linux-gnu/lib${lib[1]}.so.${lib[2]}`];
  if (p.name === 'ca-certificates') return ['/usr/share/ca-certificates/mozilla/ca-bundle.crt', '/etc/ssl/certs/ca-certificates.crt'];
  if (p.name === 'tzdata') return ['/usr/share/zoneinfo/tzdata.zi'];
  const python = /python(3\.\d+)/.exec(p.name);
  if (python) return [`/usr/lib/python${python[1]}/${p.name}.data`];
  if (p.name === 'python3-pip') return ['/usr/lib/python3/dist-packages/pip/__init__.py'];
  return [`/usr/share/${p.name}/${p.name}.data`];
}

export function debFiles(p: DebPackage): PackageFile[] {
  return packageFiles({
    seed: `deb:${p.name}=${p.version}`,
    installedBytes: p.installedKiB * 1024,
    programs: p.programs,
    links: p.links,
    texts: texts(p),
    data: dataPaths(p),
  });
}
