// Dockyard's teaching rules over Dockerfile source, for the editor and the lesson panel (never for `docker build`).
import { parse } from '../../instructions/index.ts';
import { parseDockerfile } from '../../parser/index.ts';
import { runSteps } from '../../../core/slicer.ts';
import { buildModel } from '../model.ts';
import { checkAdd } from './add.ts';
import { checkBaseImages } from './base-image.ts';
import { checkDependencies } from './dependencies.ts';
import { checkPackageCaches } from './package-caches.ts';
import { TEACHING_RULES, type Advise, type TeachingWarning } from './rules.ts';
import { checkUser } from './user.ts';

export { TEACHING_RULES, type TeachingRuleName, type TeachingWarning } from './rules.ts';

export interface TeachingOptions {
  /** --build-arg values, for the ARGs a FROM line expands. */
  readonly buildArgs?: Readonly<Record<string, string>>;
}

/** Advice for a learner on this Dockerfile, sorted by line. A file that does not parse gets none: its error comes first. */
export function teachingLint(source: string, options: TeachingOptions = {}): TeachingWarning[] {
  let model;
  try {
    const parsed = parseDockerfile(source);
    parse(parsed.ast);
    model = runSteps(buildModel(parsed.ast, parsed.escapeToken));
  } catch {
    return [];
  }
  const warnings: TeachingWarning[] = [];
  const advise: Advise = (rule, advice, at) => {
    const { severity, url } = TEACHING_RULES[rule];
    warnings.push({
      rule,
      message: advice.message,
      line: at.startLine,
      ...(at.endLine > at.startLine ? { endLine: at.endLine } : {}),
      ...(url !== undefined ? { url } : {}),
      severity,
      explanation: advice.explanation,
      fix: advice.fix,
    });
  };
  checkBaseImages(model, options.buildArgs ?? {}, advise);
  checkDependencies(model, advise);
  checkPackageCaches(model, advise);
  checkAdd(model, advise);
  checkUser(model, advise);
  return warnings.map((w, i) => ({ w, i })).sort((a, b) => a.w.line - b.w.line || a.i - b.i).map(({ w }) => w);
}
