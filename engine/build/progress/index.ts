// BuildKit's progress output as buildx shows it: the printers over the SolveStatus stream, the warnings summary,
// the error display, `--check` results and the legacy builder's lines.
import type { Tty } from '../../programs/streams.ts';
import { progressColors, type ColorEnv } from './colors.ts';
import { builderDescription, PlainPrinter } from './plain.ts';
import { QuietPrinter } from './quiet.ts';
import { RawJsonPrinter } from './rawjson.ts';
import type { Now, TextSink } from './sink.ts';
import { TtyPrinter } from './tty.ts';
import type { ProgressWriter, VertexWarning } from './types.ts';
import type { ProgressMode } from './warnings.ts';

export * from './types.ts';
export { builderDescription, PlainPrinter, type PlainOptions } from './plain.ts';
export { TtyPrinter, type TtyOptions } from './tty.ts';
export { QuietPrinter } from './quiet.ts';
export { RawJsonPrinter, solveStatusJson } from './rawjson.ts';
export { progressColors, DEFAULT_COLORS, type ProgressColors, type ColorEnv } from './colors.ts';
export { warningsSummary, dedupWarnings, type ProgressMode, type SummaryOptions } from './warnings.ts';
export { checkReport, type CheckWarning, type CheckError, type CheckReport } from './check.ts';
export { sourceSnippet, type SourceInfo, type SourceRange } from './source.ts';
export { SOLVE_ERROR_PREFIX, cliErrorDisplay, solveErrorDisplay, dockerfileErrorDisplay, type DockerfileError, type ErrorSource } from './error-display.ts';
export { progressBytes } from './units.ts';
export * from './legacy.ts';
export type { TextSink, Now } from './sink.ts';

/** A printer plus the warnings it saw, which buildx summarises once the display has closed. */
export type ProgressPrinter = ProgressWriter & { warnings(): readonly VertexWarning[] };

export interface DisplayOptions {
  /** Standard error; its `tty` decides what `auto` means. */
  readonly out: TextSink & { readonly tty?: Tty };
  readonly env?: ColorEnv & { readonly BUILDKIT_PROGRESS?: string };
  /** The builder instance and driver buildx names (`default`, `docker`). */
  readonly builder?: { readonly name: string; readonly driver: string };
  readonly now?: Now;
}

/**
 * progressui.NewDisplay as buildx calls it: `auto` (the default, overridden by BUILDKIT_PROGRESS) is the TTY view
 * on a terminal and plain text elsewhere. `tty` on something that is not a terminal is an error in buildx
 * (`failed to get console`), left to the caller; here it falls back to plain.
 */
export function newDisplay(mode: ProgressMode, options: DisplayOptions): ProgressPrinter {
  const envMode = options.env?.BUILDKIT_PROGRESS;
  const resolved = mode === 'auto' && envMode ? (envMode as ProgressMode) : mode;
  const desc = builderDescription(options.builder?.name, options.builder?.driver);
  switch (resolved) {
    case 'quiet':
      return new QuietPrinter();
    case 'rawjson':
      return new RawJsonPrinter(options.out);
    case 'plain':
      return new PlainPrinter({ out: options.out, desc: desc.text, now: options.now });
    default:
      if (options.out.tty) {
        return new TtyPrinter({
          out: options.out,
          tty: options.out.tty,
          desc: desc.console,
          colors: progressColors(options.env),
          now: options.now,
        });
      }
      return new PlainPrinter({ out: options.out, desc: desc.text, now: options.now });
  }
}
