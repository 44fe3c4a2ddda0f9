import { basename, dirname, resolvePath } from '../../../fs/path.ts';
import type { Process } from '../../process.ts';
import { resolveCommand } from '../../spawn.ts';
import { readInstalled } from '../apk/db.ts';
import { readStatus } from '../apt/dpkg-db.ts';
import { listDir } from '../shared/fs-helpers.ts';

/**
 * Which Python is running: the file (after symlinks), its prefix (/usr/local for the official python images, /usr
 * for a distribution's), its X.Y and its full version. A real interpreter knows its version; Dockyard reads it from
 * where the image records it: the official images' PYTHON_VERSION, or the distribution's package database.
 */
export interface Interpreter {
  /** The path scripts name in their `#!` line (`/usr/local/bin/python3.12`). */
  readonly path: string;
  readonly prefix: string;
  /** `3.12` */
  readonly minor: string;
  /** `3.12.11` */
  readonly version: string;
  /** Who installed it: the official image's build, Debian/Ubuntu's dpkg, or Alpine's apk. */
  readonly owner: 'image' | 'dpkg' | 'apk';
}

export function describeInterpreter(p: Process, argv0: string): Interpreter {
  let path = argv0;
  if (!argv0.includes('/')) {
    const found = resolveCommand(p.fs, argv0, p.env.PATH, p.cwd);
    path = found.kind === 'found' ? found.path : `/usr/bin/${argv0}`;
  }
  path = resolvePath(p.cwd, path);
  let real = path;
  try {
    real = p.fs.realpath(path);
  } catch {
    // A missing file still tells its prefix.
  }
  const prefix = dirname(dirname(real));
  const owner = prefix === '/usr/local' ? 'image' : p.fs.exists('/lib/apk/db/installed') ? 'apk' : 'dpkg';
  const fromName = /python(\d+\.\d+)$/.exec(basename(real))?.[1];
  let version: string | undefined;
  if (owner === 'image') version = p.env.PYTHON_VERSION;
  else if (owner === 'dpkg') {
    const status = readStatus(p.fs);
    const pkg = status.find((s) => /^python3\.\d+$/.test(s.name)) ?? status.find((s) => s.name === 'python3');
    version = pkg?.version.replace(/-.*$/, '');
  } else version = readInstalled(p.fs).find((i) => i.name === 'python3')?.version.replace(/-r\d+$/, '');
  const fromLib = listDir(p.fs, `${prefix}/lib`).find((d) => /^python\d+\.\d+$/.test(d))?.slice('python'.length);
  const minor = fromName ?? version?.split('.').slice(0, 2).join('.') ?? fromLib ?? '3';
  if (!version || !version.startsWith(minor + '.')) version = `${minor}.0`;
  const shebang = owner === 'image' ? `${prefix}/bin/python${minor}` : real;
  return { path: shebang, prefix, minor, version, owner };
}
