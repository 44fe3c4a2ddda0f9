import { BUILDER_USAGE } from './builder.ts';
import { BUILDX_USAGE, buildxPathFor, FORWARDED_PATHS, forwardedUsage } from './buildx.ts';
import { CONTAINER_USAGE } from './container.ts';
import { withContainerHiddenFlags } from './container-hidden.ts';
import { IMAGE_USAGE } from './image.ts';
import { NETWORK_USAGE } from './network.ts';
import { ROOT_USAGE } from './root.ts';
import { SYSTEM_USAGE } from './system.ts';
import { TOP_LEVEL_USAGE } from './top-level.ts';
import type { CapturedCommand, CommandUsage } from './types.ts';
import { VOLUME_USAGE } from './volume.ts';

export type { CommandUsage, FlagUsage, HiddenFlag } from './types.ts';
export { BUILDX, buildxPathFor } from './buildx.ts';

const CAPTURED: Readonly<Record<string, CapturedCommand>> = {
  ...ROOT_USAGE,
  ...TOP_LEVEL_USAGE,
  ...withContainerHiddenFlags(CONTAINER_USAGE),
  ...IMAGE_USAGE,
  ...VOLUME_USAGE,
  ...NETWORK_USAGE,
  ...SYSTEM_USAGE,
  ...BUILDER_USAGE,
  ...BUILDX_USAGE,
};

// Each command is captured once; its other paths get the same help with their own path in the usage line, as the
// real client prints it (`docker ps --help` says `Usage:  docker ps [OPTIONS]`).
const OWN: Readonly<Record<string, CommandUsage>> = Object.fromEntries(
  Object.entries(CAPTURED).flatMap(([path, { aliasPaths = [], ...usage }]) => [
    [path, usage],
    ...aliasPaths.map((alias) => [alias, { ...usage, use: alias + usage.use.slice(path.length) }]),
  ]),
);

// Docker 28 installs buildx and the client then hands `docker build`, `docker image build` and all of `docker
// builder` to it (see buildxPathFor). The generated legacy captures of those paths (image.ts, builder.ts: the
// capturing client had no buildx) must not be edited, so buildx's help wins over them here.
const ALL: Readonly<Record<string, CommandUsage>> = {
  ...OWN,
  ...Object.fromEntries(FORWARDED_PATHS.map((path) => [path, forwardedUsage(OWN[buildxPathFor(path)!]!)])),
};

/** The real client's help data for a command path such as `docker container run`; undefined when not captured. */
export function usageOf(path: string): CommandUsage | undefined {
  return Object.hasOwn(ALL, path) ? ALL[path] : undefined;
}

/** Every captured command path (for knowing which words are real docker commands). */
export function knownCommandPaths(): readonly string[] {
  return Object.keys(ALL);
}
