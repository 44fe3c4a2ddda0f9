import { humanSizeWithPrecision } from '../../core/units.ts';

/**
 * The lines of the legacy builder (`DOCKER_BUILDKIT=0`), from docker/cli (the banner, the context upload) and the
 * daemon's builder (moby builder/dockerfile). The builder's control flow is the caller's; these only word the lines.
 */

/** What docker/cli writes to stderr before a legacy build when BuildKit was turned off with DOCKER_BUILDKIT=0. */
export const LEGACY_BUILDER_DEPRECATED =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n' +
  '            environment-variable.\n\n';

/** The same banner when the legacy builder is used because the buildx plugin is missing. */
export const LEGACY_BUILDER_NO_BUILDX =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            Install the buildx component to build images with BuildKit:\n' +
  '            https://docs.docker.com/go/buildx/\n\n';

/**
 * The context upload's last progress update: the size is go-units' HumanSize (4 significant digits) padded to 8
 * columns (`%8v`), so `5.12kB` gets three spaces before it. Progress lines end in `\r` so the next update overwrites
 * them; the last one adds `\r\n`. Earlier updates (a terminal sees each) are `sendingBuildContextUpdate`.
 */
export function sendingBuildContext(bytes: number): string {
  return `${sendingBuildContextUpdate(bytes)}\r\n`;
}

export function sendingBuildContextUpdate(bytes: number): string {
  return `Sending build context to Docker daemon ${humanSizeWithPrecision(bytes, 4).padStart(8)}\r`;
}

/** `Step 2/6 : WORKDIR /app`; the count includes FROM and the ARGs before it, the text is the instruction as written. */
export function legacyStep(n: number, total: number, original: string): string {
  return `Step ${n}/${total} : ${original}\n`;
}

/** ` ---> 1a2b3c4d5e6f`: the image a step ended with, as a short (12 character) ID. */
export function legacyImage(id: string): string {
  return ` ---> ${shortId(id)}\n`;
}

export const LEGACY_USING_CACHE = ' ---> Using cache\n';

export function legacyRunningIn(containerId: string): string {
  return ` ---> Running in ${shortId(containerId)}\n`;
}

/** Docker 25 and later; before, the line read `Removing intermediate container <id>`, unindented. */
export function legacyRemovedContainer(containerId: string): string {
  return ` ---> Removed intermediate container ${shortId(containerId)}\n`;
}

export function legacySuccessfullyBuilt(imageId: string): string {
  return `Successfully built ${shortId(imageId)}\n`;
}

/** `Successfully tagged app:latest`, the reference in its familiar form. */
export function legacySuccessfullyTagged(reference: string): string {
  return `Successfully tagged ${reference}\n`;
}

/** The daemon's error for a RUN that failed, which the CLI prints on stderr; the CLI then exits with `code`. */
export function legacyRunFailed(cmd: readonly string[], code: number): string {
  return `The command '${cmd.join(' ')}' returned a non-zero code: ${code}`;
}

/** stringid.TruncateID: the `sha256:` prefix dropped, 12 hex characters kept. */
function shortId(id: string): string {
  const hex = id.includes(':') ? id.slice(id.indexOf(':') + 1) : id;
  return hex.slice(0, 12);
}
