/**
 * A legacy build that failed. `message` is what the client prints on stderr; `exitCode` is its exit status:
 * docker/cli turns the JSON error's code into it, which for a failed RUN is the command's own exit code, and 1
 * for everything else.
 */
export class LegacyBuildError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
