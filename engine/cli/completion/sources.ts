import { familiarRef } from '../../image/get.ts';
import { NO_FILTERS } from '../../image/filters.ts';
import type { EngineView } from '../engine-view.ts';
import { networkNamesOf } from '../../runtime/containers/network-membership.ts';

/** A container as completion filters it: what `ContainerList` returns (`Names`, `State`). */
export interface ContainerName {
  readonly name: string;
  /** `created`, `running`, `paused`, `restarting`, `removing`, `exited`, `dead`. */
  readonly state: string;
  /** The networks it belongs to, by name (`NetworkSettings.Networks`' keys, kept while it is stopped). */
  readonly networks?: readonly string[];
}

/** The daemon's names that docker's completion functions (cli/command/completion) ask the API for. */
export interface CompletionSources {
  containers(): readonly ContainerName[];
  /** Every local tag as `RepoTags` show it (`node:20`, `myapp:latest`). */
  images(): readonly string[];
  volumes(): readonly string[];
  networks(): readonly string[];
  /** Names of the client's environment variables (`--env`, `--build-arg`). */
  envNames(): readonly string[];
}

/** The names of an engine, read from its services when Tab is pressed (so they are never stale). */
export function engineSources(engine: EngineView, env: () => Readonly<Record<string, string>>): CompletionSources {
  return {
    containers: () => engine.runtime?.list().map((c) => ({ name: c.record.name, state: c.state.Status, networks: networkNamesOf(c.record.network) })) ?? [],
    // RepoTags: references by digest are RepoDigests, not tags.
    images: () => [...engine.images.store.tags.keys()].filter((r) => !r.includes('@')).map(familiarRef),
    volumes: () => engine.volumes?.list(NO_FILTERS).map((v) => v.name) ?? [],
    networks: () => engine.network?.networks().map((n) => n.name) ?? [],
    envNames: () => Object.keys(env()),
  };
}
