import type { ContainerName } from './sources.ts';
import { NONE, values, type Rule } from './suggestion.ts';

/**
 * docker's completion functions over the daemon's names (cli/command/completion/functions.go), as rules.
 */

/** Containers whose state a `ContainerList` without `All` returns: the ones with a running process. */
const RUNNING = new Set(['running', 'paused', 'restarting']);

/**
 * `completion.ContainerNames(cli, all, filters...)`: names of every container (`all`) or only running ones,
 * kept when every filter accepts them.
 */
export function containerNames(all: boolean, ...filters: ((c: ContainerName) => boolean)[]): Rule {
  return ({ sources }) =>
    values(
      sources
        .containers()
        .filter((c) => (all || RUNNING.has(c.state)) && filters.every((f) => f(c)))
        .map((c) => c.name),
    );
}

/** `completion.ImageNames(cli, limit)`: local tags, and nothing once `limit` arguments are there (0: no limit). */
export function imageNames(limit = 0): Rule {
  return ({ sources, args }) => (limit > 0 && args.length >= limit ? NONE : values(sources.images()));
}

export const volumeNames: Rule = ({ sources }) => values(sources.volumes());

export const networkNames: Rule = ({ sources }) => values(sources.networks());

export const envVarNames: Rule = ({ sources }) => values(sources.envNames());

/** `completion.FromList`. */
export const fromList = (...list: string[]): Rule => () => values(list);

/** Only the first `n` positionals complete with `rule`; later ones complete nothing. */
export function first(n: number, rule: Rule): Rule {
  return (ctx) => (ctx.args.length >= n ? NONE : rule(ctx));
}
