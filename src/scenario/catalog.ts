/**
 * The scenarios bundled with the page: every file under scenarios/, each loaded only when asked for (a scenario's
 * files when it is chosen, every scenario.yaml when the list opens). Pure apart from the glob, so it is tested with
 * a map of its own.
 */

/** Module path → loader of the file's text. */
export type Files = Readonly<Record<string, () => Promise<string>>>;

/**
 * What the engine parses: the scenario's YAML and the files it may refer to, by path relative to its folder. Files of
 * a shared project (`start.project: ../projects/NAME`) are included under that relative path.
 */
export interface ScenarioSource {
  readonly yaml: string;
  readonly files: ReadonlyMap<string, string | Uint8Array>;
}

const ROOT = '/scenarios/';
const YAML = 'scenario.yaml';

export class Catalog {
  readonly #files: Files;

  constructor(files: Files) {
    this.#files = files;
  }

  /** Ids of the scenario folders (those holding a scenario.yaml), sorted. */
  ids(): string[] {
    return Object.keys(this.#files)
      .map((path) => new RegExp(`^${ROOT}([^/]+)/${YAML}$`).exec(path)?.[1])
      .filter((id): id is string => id !== undefined)
      .sort();
  }

  has(id: string): boolean {
    return `${ROOT}${id}/${YAML}` in this.#files;
  }

  async yaml(id: string): Promise<string> {
    const load = this.#files[`${ROOT}${id}/${YAML}`];
    if (!load) throw new Error(`There is no scenario “${id}”.`);
    return load();
  }

  /** The scenario's folder, with the shared project its YAML names (if any) beside it. */
  async source(id: string): Promise<ScenarioSource> {
    const yaml = await this.yaml(id);
    const dir = `${ROOT}${id}/`;
    const wanted = Object.keys(this.#files).filter((path) => path.startsWith(dir) && path !== `${dir}${YAML}`);
    const relative = new Map(wanted.map((path) => [path, path.slice(dir.length)]));
    for (const project of sharedProjects(yaml)) {
      const prefix = `${ROOT}projects/${project}/`;
      for (const path of Object.keys(this.#files)) if (path.startsWith(prefix)) relative.set(path, `../projects/${project}/${path.slice(prefix.length)}`);
    }
    const entries = await Promise.all([...relative].map(async ([path, rel]) => [rel, await this.#files[path]!()] as const));
    return { yaml, files: new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  }
}

/**
 * The shared projects (`../projects/NAME`) a scenario's YAML mentions. Read from the text, before parsing, only to
 * know which files to load: the engine's parser decides what the YAML means and reports a project that is missing.
 */
export function sharedProjects(yaml: string): string[] {
  return [...new Set([...yaml.matchAll(/\.\.\/projects\/([A-Za-z0-9._-]+)/g)].map((m) => m[1]!))];
}
