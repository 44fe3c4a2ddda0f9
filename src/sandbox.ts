/**
 * The sandbox's starting project: scenarios/projects/notes-api (an Express + MongoDB app with a Dockerfile), bundled
 * into the page as text. It is loaded with the engine, in its own chunk, so the page shell does not wait for it.
 */
import type { ProjectEntry } from '../engine/api.ts';

/** Where the project's files sit in the repository; the glob below must name the same folder. */
const ROOT = '/scenarios/projects/notes-api/';

// `exhaustive` makes the glob include dotfiles: without it `.dockerignore` is silently left out of the build context.
const FILES = import.meta.glob('/scenarios/projects/notes-api/**', {
  query: '?raw',
  import: 'default',
  eager: true,
  exhaustive: true,
}) as Record<string, string>;

export function sandboxProject(): ProjectEntry[] {
  return projectEntries(FILES, ROOT);
}

/**
 * Turns bundled files (keyed by absolute module path) into project entries relative to `root`: each directory once,
 * before what it holds, in a stable sorted order so the host's listing does not depend on bundling order.
 */
export function projectEntries(files: Readonly<Record<string, string>>, root: string): ProjectEntry[] {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const dirs = new Set<string>();
  const entries: ProjectEntry[] = [];
  for (const key of Object.keys(files).sort()) {
    if (!key.startsWith(prefix)) throw new Error(`Dockyard: ${key} is not under ${prefix}`);
    const path = key.slice(prefix.length);
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!dirs.has(dir)) {
        dirs.add(dir);
        entries.push({ path: dir, type: 'dir' });
      }
    }
    entries.push({ path, type: 'file', content: files[key] });
  }
  return entries;
}
