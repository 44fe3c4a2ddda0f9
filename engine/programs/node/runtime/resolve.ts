import { dirname, resolvePath } from '../../../fs/path.ts';
import type { Fs } from '../../../fs/types.ts';

/**
 * Node's module resolution over the container's filesystem: builtins (`fs`, `node:fs`), relative and absolute paths
 * (with `.js`/`.json` and directory index for require; exact files for import), `node_modules` up the tree, a
 * package's `main` and simple `exports` (a string, subpaths, and the require/import/node/default conditions).
 */

/** Every builtin module name of Node 20/22; those Dockyard does not simulate fail with a clear error when loaded. */
export const NODE_BUILTINS = new Set([
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram',
  'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector',
  'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring', 'readline',
  'readline/promises', 'repl', 'stream', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers', 'timers/promises',
  'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib', 'test',
]);

export type ModuleFormat = 'commonjs' | 'module' | 'json';
export type Resolved = { readonly builtin: string } | { readonly path: string; readonly format: ModuleFormat };

type Mode = 'require' | 'import';

export function resolveModule(fs: Fs, request: string, parent: string | undefined, cwd: string, mode: Mode): Resolved | undefined {
  const bare = request.replace(/^node:/, '');
  if (request.startsWith('node:') || (NODE_BUILTINS.has(bare) && bare !== 'test')) return NODE_BUILTINS.has(bare) ? { builtin: bare } : undefined;
  const base = parent && parent.startsWith('/') ? dirname(parent) : cwd;
  if (request.startsWith('file://')) request = decodeURIComponent(request.slice('file://'.length));
  if (request.startsWith('/') || request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..') {
    const path = resolvePath(base, request);
    const file = mode === 'import' ? (isFile(fs, path) ? path : undefined) : (loadAsFile(fs, path) ?? loadAsDirectory(fs, path));
    return file ? withFormat(fs, file) : undefined;
  }
  const m = /^((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(request);
  if (!m) return undefined;
  const [, name, sub] = m as unknown as [string, string, string | undefined];
  for (let dir = base; ; dir = dirname(dir)) {
    if (!dir.endsWith('/node_modules')) {
      const pkgDir = `${dir === '/' ? '' : dir}/node_modules/${name}`;
      if (isDir(fs, pkgDir)) {
        const found = loadPackage(fs, pkgDir, sub ? `.${sub}` : '.', mode);
        if (found) return withFormat(fs, found);
      }
    }
    if (dir === '/') return undefined;
  }
}

function loadPackage(fs: Fs, dir: string, subpath: string, mode: Mode): string | undefined {
  const pkg = readJson(fs, `${dir}/package.json`);
  if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
    const target = exportsTarget(pkg.exports, subpath, mode);
    if (typeof target === 'string') {
      const path = resolvePath(dir, target);
      return isFile(fs, path) ? path : undefined;
    }
    return undefined;
  }
  const path = subpath === '.' ? dir : resolvePath(dir, subpath);
  return loadAsFile(fs, path) ?? loadAsDirectory(fs, path);
}

function exportsTarget(exports: unknown, subpath: string, mode: Mode): string | undefined {
  const conditions = mode === 'require' ? ['require', 'node', 'default'] : ['import', 'node', 'default'];
  const pick = (t: unknown): string | undefined => {
    if (typeof t === 'string') return t;
    if (Array.isArray(t)) {
      for (const x of t) {
        const r = pick(x);
        if (r) return r;
      }
      return undefined;
    }
    if (t && typeof t === 'object') {
      for (const [k, v] of Object.entries(t)) if (conditions.includes(k)) return pick(v);
    }
    return undefined;
  };
  if (typeof exports === 'string' || Array.isArray(exports)) return subpath === '.' ? pick(exports) : undefined;
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  if (!keys.some((k) => k.startsWith('.'))) return subpath === '.' ? pick(map) : undefined;
  if (subpath in map) return pick(map[subpath]);
  for (const k of keys) {
    const star = k.indexOf('*');
    if (star < 0) continue;
    const [pre, post] = [k.slice(0, star), k.slice(star + 1)];
    if (subpath.startsWith(pre) && subpath.endsWith(post)) {
      const t = pick(map[k]);
      return t?.replace('*', subpath.slice(pre.length, subpath.length - post.length));
    }
  }
  return undefined;
}

function loadAsFile(fs: Fs, path: string): string | undefined {
  for (const f of [path, `${path}.js`, `${path}.json`]) if (isFile(fs, f)) return f;
  return undefined;
}

function loadAsDirectory(fs: Fs, dir: string): string | undefined {
  if (!isDir(fs, dir)) return undefined;
  const main = readJson(fs, `${dir}/package.json`)?.main;
  if (typeof main === 'string' && main !== '') {
    const m = resolvePath(dir, main);
    const found = loadAsFile(fs, m) ?? (isDir(fs, m) ? loadIndex(fs, m) : undefined);
    if (found) return found;
  }
  return loadIndex(fs, dir);
}

function loadIndex(fs: Fs, dir: string): string | undefined {
  for (const f of [`${dir}/index.js`, `${dir}/index.json`]) if (isFile(fs, f)) return f;
  return undefined;
}

function withFormat(fs: Fs, path: string): Resolved {
  if (path.endsWith('.json')) return { path, format: 'json' };
  if (path.endsWith('.mjs')) return { path, format: 'module' };
  if (path.endsWith('.cjs')) return { path, format: 'commonjs' };
  return { path, format: packageType(fs, path) };
}

/** The `type` of the nearest package.json above a file. */
export function packageType(fs: Fs, file: string): 'commonjs' | 'module' {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const pkg = readJson(fs, `${dir === '/' ? '' : dir}/package.json`);
    if (pkg) return pkg.type === 'module' ? 'module' : 'commonjs';
    if (dir === '/' || dir.endsWith('/node_modules')) return 'commonjs';
  }
}

function readJson(fs: Fs, path: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(fs.readText(path)) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isFile(fs: Fs, path: string): boolean {
  try {
    return fs.stat(path).type === 'file';
  } catch {
    return false;
  }
}

function isDir(fs: Fs, path: string): boolean {
  try {
    return fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}
