// BuildKit's build checks over Dockerfile source, for `docker build --check`, build warnings and the editor.
import { parse } from '../instructions/index.ts';
import { parseDockerfile, type ParseResult } from '../parser/index.ts';
import { checkStageCasing, checkInstructionCasing } from './casing.ts';
import { parseCheckDirective } from './check-directive.ts';
import { checkInstructions } from './instructions.ts';
import { runSteps, runStepsSliced } from '../../core/slicer.ts';
import { buildModel, type LintSteps } from './model.ts';
import { RULES, type LintWarning, type Report } from './rules.ts';
import { checkScopes } from './scope.ts';
import { checkStageNames } from './stages.ts';

export { RULES, type LintWarning, type RuleName } from './rules.ts';
export { parseCheckDirective, type CheckConfig } from './check-directive.ts';
export { isSecretKey } from './instructions.ts';

export interface LintOptions {
  readonly buildArgs?: Readonly<Record<string, string>>;
}

/**
 * The warnings BuildKit would report for this Dockerfile, sorted by line (BuildKit's own order follows its internal
 * passes, which means nothing to a reader). A file that does not parse yields none: its error is reported instead.
 */
export function lintDockerfile(source: string, options: LintOptions = {}): LintWarning[] {
  let parsed;
  try {
    parsed = parseDockerfile(source);
    parse(parsed.ast);
  } catch {
    return [];
  }
  return runSteps(linting(parsed, options));
}

/** Instructions checked between two pauses: a few milliseconds. */
const SLICE_INSTRUCTIONS = 2000;

/**
 * lintDockerfile for a file the build has already parsed and typed without error, pausing every few thousand
 * instructions: a Dockerfile of 100,000 lines is checked without holding the page.
 */
export function lintParsedSliced(parsed: ParseResult, options: LintOptions, pause: () => Promise<void>): Promise<LintWarning[]> {
  return runStepsSliced(linting(parsed, options), pause, SLICE_INSTRUCTIONS);
}

function* linting(parsed: ParseResult, options: LintOptions): LintSteps<LintWarning[]> {
  const config = parseCheckDirective(parsed.directives.find((d) => d.name === 'check')?.value);
  if (config.skipAll) return [];
  const model = yield* buildModel(parsed.ast, parsed.escapeToken);
  const level = config.error ? 'error' : 'warning';
  const warnings: LintWarning[] = [];
  const report: Report = (rule, message, at) => {
    if (config.skip.has(rule)) return;
    const w: LintWarning = { rule, message, line: at.startLine, url: RULES[rule], level };
    warnings.push(at.endLine > at.startLine ? { ...w, endLine: at.endLine } : w);
  };
  for (const w of parsed.warnings) report('NoEmptyContinuation', 'Empty continuation line', w);
  checkStageCasing(model, report);
  yield* checkInstructionCasing(model, report);
  checkStageNames(model, report);
  yield* checkInstructions(model, report);
  yield* checkScopes(model, options.buildArgs ?? {}, report);
  return warnings.map((w, i) => ({ w, i })).sort((a, b) => a.w.line - b.w.line || a.i - b.i).map(({ w }) => w);
}
