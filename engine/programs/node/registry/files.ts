import { contentSize, syntheticContent } from '../../../fs/content.ts';
import type { FileContent } from '../../../fs/types.ts';
import { simulatedFiles } from '../simulated/index.ts';
import type { Manifest } from './catalog.ts';

/**
 * The files a package's tarball unpacks to. We hold no real package contents, so a package is its package.json,
 * its entry points as small readable JavaScript, its bin scripts, README and LICENSE, and the rest of its unpacked
 * size as a few synthetic files (deterministic from name@version, costing no memory however big).
 */

export interface PackageFile {
  readonly path: string;
  readonly content: string | FileContent;
  readonly mode: number;
}

/** npm packs every file with this mtime (1985-10-26T08:15:00Z), and extraction keeps it. */
export const NPM_PACK_MTIME = 499162500;

export function packageJsonText(m: Manifest): string {
  const json: Record<string, unknown> = { name: m.name, version: m.version };
  if (m.typesOnly) json.types = 'index.d.ts';
  else json.main = m.main;
  if (Object.keys(m.bin).length > 0) json.bin = { ...m.bin };
  json.license = m.license;
  if (Object.keys(m.dependencies).length > 0) json.dependencies = { ...m.dependencies };
  if (m.funding) json.funding = { url: `https://github.com/sponsors/${m.name.replace(/^@/, '').replace(/\/.*/, '')}` };
  return JSON.stringify(json, null, 2) + '\n';
}

export function packageFiles(m: Manifest): PackageFile[] {
  const id = `${m.name}@${m.version}`;
  const files: PackageFile[] = [
    { path: 'package.json', content: packageJsonText(m), mode: 0o644 },
    { path: 'README.md', content: `# ${m.name}\n\nThe ${m.name} package, version ${m.version}.\n`, mode: 0o644 },
    { path: 'LICENSE', content: `${m.license} License\n\nCopyright (c) the ${m.name} authors\n`, mode: 0o644 },
  ];
  const text = new Set(files.map((f) => f.path));
  // A package we simulate carries our implementation where its code would be (its main, its other entry files).
  for (const [path, source] of Object.entries(simulatedFiles(m.name, m.version) ?? {})) {
    files.push({ path: path === '.' ? m.main.replace(/^\.\//, '') : path, content: source, mode: 0o644 });
  }
  if (m.typesOnly) {
    files.push({ path: 'index.d.ts', content: `// Type definitions for ${m.name.replace(/^@types\//, '')}\nexport {};\n`, mode: 0o644 });
  } else {
    // Bins first: a bin that is also the main file (prisma's build/index.js) needs its `#!` line.
    for (const [bin, target] of Object.entries(m.bin)) {
      const path = target.replace(/^\.\//, '');
      if (!files.some((f) => f.path === path)) files.push({ path, content: `#!/usr/bin/env node\n// ${bin} (${id})\n${placeholder(m.name, id)}require('${relativeToLib(path)}lib/${shortName(m.name)}.js');\n`, mode: 0o755 });
    }
    // A main file inside lib/ (typescript's lib/typescript.js) is the bulk itself, written below.
    const main = m.main.replace(/^\.\//, '');
    if (!files.some((f) => f.path === main) && main !== `lib/${shortName(m.name)}.js`) {
      files.push({ path: main, content: `'use strict';\n// ${id}\n${placeholder(m.name, id)}module.exports = require('${relativeToLib(main)}lib/${shortName(m.name)}.js');\n`, mode: 0o644 });
    }
  }
  for (const f of files) text.add(f.path);
  const used = files.reduce((n, f) => n + (typeof f.content === 'string' ? new TextEncoder().encode(f.content).length : contentSize(f.content)), 0);
  const rest = Math.max(0, m.size - used);
  if (rest > 0) {
    // A few files take the bulk, the way a package's build output does.
    const ext = m.typesOnly ? '.d.ts' : '.js';
    const shares: [string, number][] = m.typesOnly
      ? [[`globals${ext}`, 0.5], [`lib${ext}`, 0.5]]
      : [[`lib/${shortName(m.name)}${ext}`, 0.55], [`lib/internal${ext}`, 0.25], [`lib/${shortName(m.name)}${ext}.map`, 0.2]];
    let left = rest;
    shares.forEach(([path, share], i) => {
      const size = i === shares.length - 1 ? left : Math.floor(rest * share);
      left -= size;
      if (!text.has(path)) files.push({ path, content: syntheticContent(`npm:${id}:${path}`, size), mode: 0o644 });
    });
  }
  return files;
}

/**
 * The line that makes a package we do not simulate fail honestly when the app loads it: its real code is not here
 * (the rest of the package is placeholder bytes), so running it would only be a syntax error in random data.
 */
function placeholder(name: string, id: string): string {
  if (simulatedFiles(name, id.slice(id.lastIndexOf('@') + 1))) return '';
  return `throw Object.assign(new Error("Dockyard does not simulate the npm package '${name}' (${id}): its code is not in this simulated node_modules, so the app cannot load it"), { code: 'ERR_DOCKYARD_UNSIMULATED_PACKAGE' });\n`;
}

function shortName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9._-]/g, '_');
}

function relativeToLib(path: string): string {
  const depth = path.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}
