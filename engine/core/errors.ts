/**
 * The one error type of the engine. It carries the exact text Docker (or the program being simulated)
 * prints and the exit code the command ends with, so the CLI can print it the way the real tool does.
 */
export class DockerError extends Error {
  override readonly name = 'DockerError';
  constructor(
    message: string,
    readonly exitCode: number = 1,
    /** A stable code for tests and the UI, e.g. 'ENOCONTAINER'. */
    readonly code: string = 'EDOCKER',
  ) {
    super(message);
  }
}

export function isDockerError(e: unknown): e is DockerError {
  return e instanceof DockerError;
}
