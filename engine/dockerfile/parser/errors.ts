import { DockerError } from '../../core/errors.ts';

/**
 * A Dockerfile syntax error. The message is BuildKit's bare text (`unterminated heredoc`); the builder adds the
 * `dockerfile parse error on line N:` prefix and the source excerpt, which is why the lines travel separately.
 */
export class DockerfileParseError extends DockerError {
  constructor(
    message: string,
    /** 1-based first line of the offending instruction (or the line being read). */
    readonly startLine: number,
    /** Last line; equal to startLine for single-line problems. */
    readonly endLine: number = startLine,
  ) {
    super(message, 1, 'EDOCKERFILEPARSE');
  }
}
