import { sourceSnippet, type SourceInfo, type SourceRange } from './source.ts';

/** One build-check result as the lint subrequest returns it (engine/dockerfile/lint's LintWarning fits). */
export interface CheckWarning {
  readonly rule: string;
  /** The formatted message, e.g. `JSON arguments recommended for CMD to prevent unintended behavior related to OS signals`. */
  readonly message: string;
  readonly url?: string;
  readonly line: number;
  readonly endLine?: number;
}

export interface CheckError {
  readonly message: string;
  readonly range: SourceRange;
}

export interface CheckReport {
  /** What buildx writes to standard output. */
  readonly stdout: string;
  /** Text for `ERROR: …` (cliErrorDisplay) when the Dockerfile could not be checked. */
  readonly error?: string;
  /** 1 when anything was found: buildx exits with the lint result's status code. */
  readonly exitCode: number;
}

/**
 * `docker build --check` (buildx printResult for the lint call, BuildKit's LintResults.PrintTo):
 *
 *     Check complete, 1 warning has been found!
 *
 *     WARNING: JSONArgsRecommended - https://docs.docker.com/go/dockerfile/rule/json-args-recommended/
 *     JSON arguments recommended for CMD to prevent unintended behavior related to OS signals
 *     Dockerfile:9
 *     --------------------
 *     …
 *     --------------------
 *
 * or `Check complete, no warnings found.` Warnings come sorted by line. A Dockerfile that does not parse gives its
 * error with the source lines, after the warnings found before it.
 */
export function checkReport(source: SourceInfo, warnings: readonly CheckWarning[], error?: CheckError): CheckReport {
  let stdout = '';
  if (warnings.length > 0) {
    stdout += `Check complete, ${warnings.length === 1 ? '1 warning has been found!' : `${warnings.length} warnings have been found!`}\n`;
  }
  const sorted = [...warnings].sort((a, b) => a.line - b.line);
  for (const w of sorted) {
    stdout += `\nWARNING: ${w.rule}`;
    if (w.url) stdout += ` - ${w.url}`;
    stdout += `\n${w.message}\n`;
    stdout += sourceSnippet(source, [{ start: w.line, end: w.endLine ?? w.line }]);
  }
  if (error) {
    if (warnings.length > 0) stdout += '\n';
    return { stdout, error: `${error.message}\n${sourceSnippet(source, [error.range])}`, exitCode: 1 };
  }
  if (warnings.length === 0) stdout += 'Check complete, no warnings found.\n';
  return { stdout, exitCode: warnings.length > 0 ? 1 : 0 };
}
