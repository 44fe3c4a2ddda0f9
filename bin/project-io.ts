// Node-side glue for the headless command line: moves a project between the real disk and the simulated host.
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectEntry } from '../engine/api.ts';
import type { Fs } from '../engine/fs/types.ts';

/** Every file, directory and symlink under `dir`, dotfiles included, in a stable (sorted) order. */
export function readProject(dir: string): ProjectEntry[] {
  const entries: ProjectEntry[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const full = join(dir, path);
      const st = lstatSync(full);
      const mode = st.mode & 0o7777;
      if (st.isSymbolicLink()) entries.push({ path, type: 'symlink', target: readlinkSync(full) });
      else if (st.isDirectory()) {
        entries.push({ path, type: 'dir', mode });
        walk(path);
      } else if (st.isFile()) entries.push({ path, type: 'file', mode, content: new Uint8Array(readFileSync(full)) });
    }
  };
  walk('');
  return entries;
}

/** Writes the tree under `from` on the simulated filesystem into `dir` on the real disk (files are overwritten). */
export function exportTree(fs: Fs, from: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of fs.readdir(from)) {
    const src = `${from}/${name}`;
    const dest = join(dir, name);
    const st = fs.lstat(src);
    if (st.type === 'dir') {
      exportTree(fs, src, dest);
    } else if (st.type === 'symlink') {
      rmSync(dest, { force: true });
      symlinkSync(fs.readlink(src), dest);
    } else {
      writeFileSync(dest, fs.readFile(src));
      chmodSync(dest, st.mode & 0o777);
    }
  }
}
