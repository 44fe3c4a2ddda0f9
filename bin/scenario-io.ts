// Node-side glue for scenarios: reads scenario folders and attempt files from the real disk.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { AttemptError } from '../engine/scenario/errors.ts';
import type { ScenarioSource } from '../engine/scenario/parse.ts';
import { readProject } from './project-io.ts';

/** The ids of the scenario folders under `root` (folders holding a scenario.yaml), sorted. */
export function scenarioIds(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'scenario.yaml')))
    .map((d) => d.name)
    .sort();
}

/** A scenario folder as the engine reads it; a start project elsewhere must stay inside `root`. */
export function scenarioSource(root: string, id: string): ScenarioSource {
  const dir = join(root, id);
  const yamlPath = join(dir, 'scenario.yaml');
  if (!existsSync(yamlPath)) throw new Error(`no scenario ${id} in ${root} (no ${yamlPath})`);
  const files = new Map<string, Uint8Array>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(path, new Uint8Array(readFileSync(join(dir, path))));
    }
  };
  walk('');
  const top = resolve(root);
  return {
    yaml: readFileSync(yamlPath, 'utf8'),
    files,
    folder: (path) => {
      const full = resolve(dir, path);
      const inside = relative(top, full);
      if (inside.startsWith('..') || inside.split(sep)[0] === '..' || !existsSync(full) || !statSync(full).isDirectory()) return undefined;
      return readProject(full);
    },
  };
}

/** Files above this are refused before they are read: a long class's export is a few megabytes, never this. */
export const MAX_ATTEMPT_BYTES = 64 * 1024 * 1024;

/** An attempt file's text (`-`: standard input); a file too large to be an attempt is an AttemptError, not a crash. */
export function readAttempt(path: string): string {
  if (path !== '-') {
    const { size } = statSync(path);
    if (size > MAX_ATTEMPT_BYTES) throw new AttemptError('', `the file is ${Math.ceil(size / 1024 / 1024)} MB, too large to be an attempt (at most ${MAX_ATTEMPT_BYTES / 1024 / 1024} MB)`);
  }
  return readFileSync(path === '-' ? 0 : path, 'utf8');
}
