import { sourceSnippet, type SourceInfo, type SourceRange } from './source.ts';

/**
 * What the solve error is wrapped in when buildx prints it. BuildKit's client wraps every solve error as `failed to
 * solve: …`; the buildx bundled with Docker 28.2/28.3 (0.24/0.25) prints that as is. Later buildx releases (from
 * 0.26, as far as we could trace; build logs from late 2025 on show it) wrap it once more: `ERROR: failed to build:
 * failed to solve: …`. Pinned here to the 28.2/28.3 wording.
 */
export const SOLVE_ERROR_PREFIX = 'failed to solve: ';

export interface ErrorSource {
  readonly info: SourceInfo;
  readonly ranges: readonly SourceRange[];
}

/**
 * buildx's last words on an error (cmd/buildx main.go): the source excerpt of every location the error carries,
 * then `ERROR: <error>`. Errors from before the solve (bad flags, a tag that does not parse) come without a prefix.
 */
export function cliErrorDisplay(error: string, sources: readonly ErrorSource[] = []): string {
  return sources.map((s) => sourceSnippet(s.info, s.ranges)).join('') + `ERROR: ${error}\n`;
}

/** A failed solve: `message` as BuildKit words it, `process "/bin/sh -c npm ci" did not complete successfully: exit code: 1`. */
export function solveErrorDisplay(message: string, sources: readonly ErrorSource[] = []): string {
  return cliErrorDisplay(SOLVE_ERROR_PREFIX + message, sources);
}

export interface DockerfileError {
  /** `Dockerfile`, or the name given with `-f`. */
  readonly filename: string;
  readonly source: string;
  readonly message: string;
  /** The lines of the instruction the error is about; none for errors without a location. */
  readonly range?: SourceRange;
}

/**
 * The block for an error in a Dockerfile, a parse error or a failing step:
 *
 *     Dockerfile:12
 *     --------------------
 *     …
 *     --------------------
 *     ERROR: failed to solve: dockerfile parse error on line 12: unknown instruction: RUNN (did you mean RUN?)
 *
 * For a failing RUN the progress printer has already written the step's output excerpt (`------ > [4/6] RUN …`)
 * when it closed; this comes after it and after the warnings summary.
 */
export function dockerfileErrorDisplay(e: DockerfileError): string {
  const sources = e.range ? [{ info: { filename: e.filename, data: e.source }, ranges: [e.range] }] : [];
  return solveErrorDisplay(e.message, sources);
}
