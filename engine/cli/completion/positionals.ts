import { containerNames, first, imageNames, networkNames, volumeNames } from './names.ts';
import { DIRS, FILES, NONE, type Rule } from './suggestion.ts';
import type { ContainerName } from './sources.ts';

/**
 * Each command's ValidArgsFunction in docker/cli 28 (and buildx for `build`), keyed by the command's first path.
 * A command missing here completes nothing: docker sets `completion.NoComplete` on those (`pull`, `volume create`,
 * `network create`, the `ls` and `prune` commands).
 */
const stopped = (c: { state: string }) => c.state === 'exited' || c.state === 'created';
const notPaused = (c: { state: string }) => c.state !== 'paused';
/** A container on `network` (by name), or not on it; a source that does not say which networks keeps every one. */
const onNetwork = (network: string) => (c: ContainerName) => c.networks?.includes(network) ?? true;
const offNetwork = (network: string) => (c: ContainerName) => !(c.networks?.includes(network) ?? false);

/**
 * `docker inspect` (completeObjectNames): the objects of the `--type` given; without one, nothing, as the names of
 * different types would be a mixed bag. Swarm objects, configs and plugins do not exist here.
 */
const INSPECT_TYPES: Readonly<Record<string, Rule>> = { container: containerNames(true), image: imageNames(), network: networkNames, volume: volumeNames };
const objectNames: Rule = (ctx) => {
  const type = ctx.flagValues.get('type');
  const rule = type !== undefined && Object.hasOwn(INSPECT_TYPES, type) ? INSPECT_TYPES[type]! : undefined;
  return rule ? rule(ctx) : NONE;
};

export const POSITIONAL_RULES: Readonly<Record<string, Rule>> = {
  'docker container attach': first(1, containerNames(false, notPaused)),
  'docker container commit': first(1, containerNames(false)),
  // `docker cp` takes CONTAINER:PATH or a local path; the shell completes the local side.
  'docker container cp': () => FILES,
  'docker container create': imageNames(1),
  'docker container run': imageNames(1),
  'docker container diff': first(1, containerNames(false)),
  'docker container exec': first(1, containerNames(false, notPaused)),
  'docker container export': first(1, containerNames(true)),
  'docker container inspect': containerNames(true),
  'docker container kill': containerNames(false),
  'docker container logs': first(1, containerNames(true)),
  'docker container pause': containerNames(false, notPaused),
  'docker container port': first(1, containerNames(false)),
  'docker container rename': first(1, containerNames(true)),
  'docker container restart': containerNames(true),
  'docker container rm': containerNames(true),
  'docker container start': containerNames(true, stopped),
  'docker container stats': containerNames(false),
  'docker container stop': containerNames(false),
  'docker container top': first(1, containerNames(false)),
  'docker container unpause': containerNames(false, (c) => c.state === 'paused'),
  'docker container update': containerNames(true),
  'docker container wait': containerNames(true),
  'docker image history': imageNames(1),
  'docker image inspect': imageNames(),
  'docker image push': imageNames(1),
  'docker image rm': imageNames(),
  'docker image save': imageNames(),
  'docker image tag': imageNames(2),
  'docker volume inspect': volumeNames,
  'docker volume rm': volumeNames,
  'docker network inspect': networkNames,
  'docker network rm': networkNames,
  // NETWORK then CONTAINER: for connect the containers not on that network yet, for disconnect the ones on it
  // (docker/cli's `not(isConnected(network))` and `isConnected(network)`).
  'docker network connect': (ctx) => (ctx.args.length === 0 ? networkNames(ctx) : ctx.args.length === 1 ? containerNames(true, offNetwork(ctx.args[0]!))(ctx) : NONE),
  'docker network disconnect': (ctx) => (ctx.args.length === 0 ? networkNames(ctx) : ctx.args.length === 1 ? containerNames(true, onNetwork(ctx.args[0]!))(ctx) : NONE),
  'docker inspect': objectNames,
  // The build context is a directory (or a URL, or `-`).
  'docker buildx build': first(1, () => DIRS),
};
