import { DockerError } from '../../core/errors.ts';

/**
 * moby daemon/exec.go getActiveContainer's refusals (errNotRunning, errExecPaused, errContainerIsRestarting), as
 * `docker exec` prints them: the not-running and restarting ones name the full ID, the paused one what was typed.
 */
const daemon = (message: string, code: string) => new DockerError(`Error response from daemon: ${message}`, 1, code);

export const execNotRunning = (id: string) => daemon(`container ${id} is not running`, 'ENOTRUNNING');

export const execPaused = (ref: string) => daemon(`Container ${ref} is paused, unpause the container before exec`, 'EPAUSED');

export const execRestarting = (id: string) => daemon(`Container ${id} is restarting, wait until the container is running`, 'ERESTARTING');
