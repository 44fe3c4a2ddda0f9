import { dirname, resolvePath } from '../../../fs/path.ts';
import type { Fs } from '../../../fs/types.ts';

/**
 * tsconfig.json as tsc reads it: JSON with comments and trailing commas, `extends` (relative files and packages
 * in node_modules), and the options that decide which files are compiled and where their JavaScript goes.
 */

export interface CompilerOptions {
  outDir?: string;
  rootDir?: string;
  module?: string;
  target?: string;
  noEmit?: boolean;
  noEmitOnError?: boolean;
  allowJs?: boolean;
  [key: string]: unknown;
}

export interface TsConfig {
  readonly path: string;
  readonly compilerOptions: CompilerOptions;
  readonly files?: readonly string[];
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/** A tsc diagnostic about the configuration itself (no file position). */
export class ConfigError extends Error {}

/** JSONC → JSON: drops comments and trailing commas outside strings. */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

interface RawConfig {
  extends?: string | string[];
  compilerOptions?: CompilerOptions;
  files?: string[];
  include?: string[];
  exclude?: string[];
}

function readRaw(fs: Fs, path: string): RawConfig {
  let text: string;
  try {
    text = fs.readText(path);
  } catch {
    throw new ConfigError(`error TS5058: The specified path does not exist: '${path}'.`);
  }
  try {
    return JSON.parse(stripJsonComments(text)) as RawConfig;
  } catch {
    throw new ConfigError(`${path}: error TS1005: '}' expected.`);
  }
}

/** Paths in a config are relative to the file that says them. */
function absolutize(o: CompilerOptions, dir: string): CompilerOptions {
  const out = { ...o };
  for (const k of ['outDir', 'rootDir'] as const) if (typeof out[k] === 'string') out[k] = resolvePath(dir, out[k]);
  return out;
}

export function loadTsConfig(fs: Fs, path: string, depth = 0): TsConfig {
  const raw = readRaw(fs, path);
  const dir = dirname(path);
  let base: TsConfig | undefined;
  const ext = Array.isArray(raw.extends) ? raw.extends[0] : raw.extends;
  if (typeof ext === 'string' && depth < 8) {
    const target = ext.startsWith('.') || ext.startsWith('/') ? resolvePath(dir, ext.endsWith('.json') ? ext : `${ext}.json`) : findInNodeModules(fs, dir, ext);
    if (!target || !fs.exists(target)) throw new ConfigError(`${path}: error TS6053: File '${ext}' not found.`);
    base = loadTsConfig(fs, target, depth + 1);
  }
  const anchor = (list: string[] | undefined) => list?.map((p) => resolvePath(dir, p));
  return {
    path,
    compilerOptions: { ...(base?.compilerOptions ?? {}), ...absolutize(raw.compilerOptions ?? {}, dir) },
    files: anchor(raw.files) ?? base?.files,
    include: anchor(raw.include) ?? base?.include,
    exclude: anchor(raw.exclude) ?? base?.exclude,
  };
}

function findInNodeModules(fs: Fs, from: string, spec: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const base = `${dir === '/' ? '' : dir}/node_modules/${spec}`;
    for (const f of [base, `${base}.json`, `${base}/tsconfig.json`]) {
      try {
        if (fs.stat(f).type === 'file') return f;
      } catch {
        // keep looking
      }
    }
    if (dir === '/') return undefined;
  }
}

/** tsc looks for tsconfig.json in the working directory, then each parent. */
export function findTsConfig(fs: Fs, cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const f = `${dir === '/' ? '' : dir}/tsconfig.json`;
    if (fs.exists(f)) return f;
    if (dir === '/') return undefined;
  }
}

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const JS = /\.(js|jsx|mjs|cjs)$/;

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*' && (pattern[i + 2] === '/' || i + 2 === pattern.length)) {
      re += '(?:[^/]+/)*';
      i += 2;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A pattern without wildcards naming no file extension is a directory: everything below it. */
function specToRegExp(spec: string, dirOnly: boolean): RegExp {
  const last = spec.slice(spec.lastIndexOf('/') + 1);
  const isDir = !/[*?]/.test(last) && (dirOnly || !/\.[a-z]+$/i.test(last));
  return globToRegExp(isDir ? `${spec.replace(/\/$/, '')}/**/*` : spec);
}

/** The source files a config compiles, in tsc's order (directory walk, names sorted). */
export function inputFiles(fs: Fs, config: TsConfig): string[] {
  const dir = dirname(config.path);
  const allowJs = config.compilerOptions.allowJs === true;
  if (config.files && !config.include) return config.files.filter((f) => fs.exists(f));
  const include = (config.include ?? [`${dir}/**/*`]).map((s) => specToRegExp(s, false));
  const outDir = config.compilerOptions.outDir;
  const excludeSpecs = config.exclude ?? [`${dir}/node_modules`, `${dir}/bower_components`, `${dir}/jspm_packages`, ...(typeof outDir === 'string' ? [outDir] : [])];
  const exclude = excludeSpecs.map((s) => specToRegExp(s, true));
  const excludedDir = excludeSpecs.map((s) => globToRegExp(s.replace(/\/$/, '')));
  const out: string[] = [...(config.files ?? [])];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = fs.readdir(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = `${d === '/' ? '' : d}/${n}`;
      let type: string;
      try {
        type = fs.stat(p).type;
      } catch {
        continue;
      }
      if (type === 'dir') {
        if (n === 'node_modules' && !config.include?.some((s) => s.includes('node_modules'))) continue;
        if (!excludedDir.some((r) => r.test(p))) walk(p);
      } else if ((SOURCE.test(n) || (allowJs && JS.test(n))) && include.some((r) => r.test(p)) && !exclude.some((r) => r.test(p))) out.push(p);
    }
  };
  walk(dir);
  return [...new Set(out)];
}
