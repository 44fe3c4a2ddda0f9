import type { ProgressWriter, SolveStatus, VertexWarning } from './types.ts';

/**
 * `--progress=quiet` (and `-q`): no progress at all. buildx still gathers the warnings, but prints no summary in
 * this mode; with `-q` the image ID (`sha256:…`) is printed to standard output on success by the caller.
 */
export class QuietPrinter implements ProgressWriter {
  readonly #warnings: VertexWarning[] = [];

  write(status: SolveStatus): void {
    this.#warnings.push(...status.warnings);
  }

  done(): void {}

  warnings(): readonly VertexWarning[] {
    return this.#warnings;
  }
}
