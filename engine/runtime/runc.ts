import type { SpawnFailure } from '../programs/process.ts';

/**
 * runc's words when the container's process cannot be exec'd (libcontainer's `exec: "x": ...`): a bare name is
 * looked up in the container's PATH, a name with a slash is stat'ed. Build steps (RUN) and containers share them.
 */
export function runcExecError(name: string, failure: SpawnFailure): string {
  const what = failure.kind === 'not-found' ? 'no such file or directory' : failure.kind === 'permission-denied' ? 'permission denied' : 'exec format error';
  return name.includes('/') ? `exec: "${name}": stat ${name}: ${what}` : `exec: "${name}": executable file not found in $PATH`;
}

/** How containerd and runc wrap a process that could not start (runc 1.2, as Docker 28 ships it). */
export function ociCreateFailed(execError: string): string {
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${execError}: unknown`;
}

/**
 * How an exec'd process that could not start is reported (runc 1.2's `exec failed`, as containerd hands it back);
 * the CLI prints it and the exec's exit code tells what went wrong.
 */
export function ociExecFailed(execError: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: ${execError}: unknown`;
}
