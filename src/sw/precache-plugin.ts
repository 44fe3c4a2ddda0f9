/**
 * Writes dist/sw.js after a build: src/sw/sw.ts with the list of every file the build wrote and a digest of their
 * bytes. The list is read from the output folder, not guessed, so chunks, assets and public/ files are all in it.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { transformWithOxc, type Plugin, type ResolvedConfig } from 'vite';

export const SW_FILE = 'sw.js';

export function precache(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'dockyard-precache',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      const files = (await listFiles(outDir)).filter((f) => f !== SW_FILE && !f.endsWith('.map'));
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update('\0').update(await readFile(join(outDir, file)));
      const version = hash.digest('hex').slice(0, 16);
      const source = await readFile(new URL('./sw.ts', import.meta.url), 'utf8');
      const { code } = await transformWithOxc(source, 'sw.ts', { lang: 'ts' });
      const script = `const __PRECACHE_FILES__ = ${JSON.stringify(['./', ...files])};\nconst __PRECACHE_VERSION__ = ${JSON.stringify(version)};\n${code.replace(/^export \{\};?\n?/m, '')}`;
      await writeFile(join(outDir, SW_FILE), script);
    },
  };
}

/** Every file under `dir`, as sorted '/'-separated paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
