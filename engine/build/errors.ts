import { DockerError } from '../core/errors.ts';
import { InstructionParseError } from '../dockerfile/instructions/index.ts';
import { DockerfileParseError } from '../dockerfile/parser/index.ts';

/**
 * A build that failed. `message` is what follows `ERROR: failed to solve: `; `lines` point into the Dockerfile for
 * the source excerpt buildx prints; `logs` are the failing step's last output lines for the `------` block.
 */
export class BuildFailure extends DockerError {
  constructor(
    message: string,
    readonly lines?: { readonly start: number; readonly end: number },
    /** `[4/6] RUN npm install`, the step whose output `logs` is. */
    readonly step?: string,
    readonly logs: readonly string[] = [],
  ) {
    super(message, 1, 'EBUILD');
  }
}

/** A Dockerfile that does not parse, as BuildKit words it (the syntax parser's errors get the line prefix here). */
export function parseFailure(e: unknown): BuildFailure | undefined {
  if (e instanceof InstructionParseError) return new BuildFailure(e.message, { start: e.startLine, end: e.endLine });
  if (e instanceof DockerfileParseError) {
    return new BuildFailure(`dockerfile parse error on line ${e.startLine}: ${e.message}`, { start: e.startLine, end: e.endLine });
  }
  return undefined;
}
