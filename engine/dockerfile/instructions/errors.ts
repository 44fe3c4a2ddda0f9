import { DockerfileParseError } from '../parser/index.ts';

/**
 * An instruction that could not be typed. Unlike the syntax parser's errors, BuildKit's own text already carries
 * the `dockerfile parse error on line N:` prefix here, so `message` is what buildx prints after `failed to solve:`;
 * `reason` is the bare text for the editor.
 */
export class InstructionParseError extends DockerfileParseError {
  constructor(
    readonly reason: string,
    startLine: number,
    endLine: number,
    prefixed = true,
  ) {
    super(prefixed ? `dockerfile parse error on line ${startLine}: ${reason}` : reason, startLine, endLine);
  }
}
