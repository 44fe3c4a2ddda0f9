import { basename, dirname } from '../../../fs/path.ts';
import type { Fs } from '../../../fs/types.ts';
import { NpmError } from './session.ts';

/** The fields of a project's package.json that npm's install and run commands read. */
export interface PackageJson {
  name?: string;
  version?: string;
  license?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * The project root npm works in (its "prefix"): the nearest directory, from the working directory up, that has a
 * package.json or a node_modules folder; the working directory itself when none has.
 */
export function findPrefix(fs: Fs, cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const base = dir === '/' ? '' : dir;
    if (fs.exists(`${base}/package.json`) || fs.exists(`${base}/node_modules`)) return dir;
    if (dir === '/') return cwd;
  }
}

/** Reads `<prefix>/package.json`, failing with npm's ENOENT or EJSONPARSE block. */
export function readPackageJson(fs: Fs, prefix: string): PackageJson {
  const path = `${prefix === '/' ? '' : prefix}/package.json`;
  let text: string;
  try {
    text = fs.readText(path);
  } catch {
    throw new NpmError(
      [
        'code ENOENT',
        'syscall open',
        `path ${path}`,
        'errno -2',
        `enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${path}'`,
        'enoent This is related to npm not being able to find a file.',
        'enoent',
      ],
      254,
      'ENOENT',
    );
  }
  try {
    const json = JSON.parse(text) as unknown;
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new SyntaxError('package.json must be an object');
    return json as PackageJson;
  } catch (e) {
    throw new NpmError(
      ['code EJSONPARSE', `path ${path}`, `JSON.parse ${(e as Error).message}`, 'JSON.parse Failed to parse JSON data.', 'JSON.parse Note: package.json must be actual JSON, not just JavaScript.'],
      1,
      'EJSONPARSE',
    );
  }
}

/** The name npm gives a project: package.json's, else its folder's. */
export function projectName(pkg: PackageJson | undefined, prefix: string): string {
  return typeof pkg?.name === 'string' ? pkg.name : basename(prefix) || 'root';
}

/** Writes package.json back as npm does: two-space JSON, dependency maps sorted by name, a final newline. */
export function writePackageJson(fs: Fs, prefix: string, pkg: PackageJson): void {
  const out: PackageJson = { ...pkg };
  for (const k of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
    const deps = out[k];
    if (deps) out[k] = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  fs.writeFile(`${prefix === '/' ? '' : prefix}/package.json`, JSON.stringify(out, null, 2) + '\n');
}
