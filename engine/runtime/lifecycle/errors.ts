import { DockerError } from '../../core/errors.ts';

/**
 * The daemon's refusals of lifecycle commands, worded as Docker 28 prints them. `ref` is what the user typed
 * (the API route's `{name}`, which moby wraps into "cannot kill container: <ref>: …"), `id` the full 64-hex ID.
 * Sources: moby `daemon/start.go`, `kill.go`, `pause.go`, `unpause.go`, `restart.go`, `delete.go`, `errors.go`
 * and `api/server/router/container/container_routes.go`.
 */

const daemon = (message: string, code: string) => new DockerError(`Error response from daemon: ${message}`, 1, code);

export const noSuchContainer = (ref: string) => daemon(`No such container: ${ref}`, 'ENOCONTAINER');

export const startPaused = () => daemon('cannot start a paused container, try unpause instead', 'EPAUSED');

/** Dead containers and ones being removed share this text (`RemovalInProgress || Dead`). */
export const startMarkedForRemoval = () => daemon('container is marked for removal and cannot be started', 'EDEAD');

/**
 * moby's `errNotRunning` ("container %s is not running"; lower case since the errdefs rework — older daemons said
 * "Container"). The kill route prefixes it with "cannot kill container: <ref>: ".
 */
const notRunning = (id: string) => `container ${id} is not running`;

export const killNotRunning = (ref: string, id: string) => daemon(`cannot kill container: ${ref}: ${notRunning(id)}`, 'ENOTRUNNING');

export const pauseNotRunning = (id: string) => daemon(notRunning(id), 'ENOTRUNNING');

export const pauseAlreadyPaused = (id: string) => daemon(`Container ${id} is already paused`, 'EPAUSED');

export const pauseRestarting = (id: string) =>
  daemon(`Container ${id} is restarting, wait until the container is running`, 'ERESTARTING');

/**
 * Not Docker's: Docker would pause a container in the middle of `docker stop`. The simulation refuses instead, worded
 * like the restarting refusal above, so a stop in progress never freezes half-way.
 */
export const pauseStopping = (id: string) => daemon(`Container ${id} is stopping, wait until the container has stopped`, 'ESTOPPING');

export const unpauseNotPaused = (id: string) => daemon(`Container ${id} is not paused`, 'ENOTPAUSED');

/** `docker restart` wraps whatever stopped it: "Cannot restart container <ref>: <cause>". */
export const restartFailed = (ref: string, cause: DockerError) =>
  daemon(`Cannot restart container ${ref}: ${cause.message.replace(/^Error response from daemon: /, '')}`, cause.code);

/** moby 25+ `cleanupContainer`, wrapped by `ContainerRm` as `cannot remove container "<ref>": …` (Go's %q). */
export const removeLive = (ref: string, status: 'running' | 'paused' | 'restarting') =>
  daemon(
    `cannot remove container ${JSON.stringify(ref)}: ` +
      (status === 'paused'
        ? 'container is paused and must be unpaused first'
        : `container is ${status}: stop the container before removing or force remove`),
    'ERUNNING',
  );

export const removalInProgress = (ref: string) => daemon(`removal of container ${ref} is already in progress`, 'EREMOVING');
