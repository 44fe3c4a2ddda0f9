import { DockerError } from '../../core/errors.ts';

/**
 * What can go wrong preparing and reading a build context, with the text buildx prints after `ERROR: ` and exit
 * status 1. Errors raised inside BuildKit already carry its `failed to solve: ` prefix; the client's own checks
 * (`unable to prepare context: …`) do not, as in buildx.
 */
export type BuildContextErrorCode =
  /** The context path is missing or not a directory (buildx, before any build starts). */
  | 'ECONTEXTNOTFOUND'
  /** The Dockerfile (nor its lowercase `dockerfile` fallback) is not there. */
  | 'EDOCKERFILENOTFOUND'
  /** `.dockerignore` (or a COPY --exclude) has a pattern patternmatcher refuses. */
  | 'EIGNOREPATTERN'
  /** A COPY/ADD source that names no file: `"/x": not found`, wrapped by the builder with the ref ids. */
  | 'ESOURCENOTFOUND'
  /** The copy itself failed (a directory onto a file, a file onto a directory, a broken archive). */
  | 'ECOPY'
  /** `--chown` names a user or group the destination does not have. */
  | 'ECHOWN'
  /** `--chmod` is not an octal or symbolic mode. */
  | 'ECHMOD'
  /** Something real Docker does that this simulator does not (say so rather than pretend). */
  | 'EUNSUPPORTED';

export class BuildContextError extends DockerError {
  override readonly code: BuildContextErrorCode;
  constructor(message: string, code: BuildContextErrorCode) {
    super(message, 1, code);
    this.code = code;
  }
}
